import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppFile } from '../../../src-main/electron/protocol-paths.js';

const root = resolve('/srv/app/out/renderer');

describe('resolveAppFile', () => {
  it('maps the origin root and index.html to index.html', () => {
    expect(resolveAppFile('app://planner/', root)).toEqual({ path: join(root, 'index.html'), isRoute: false });
    expect(resolveAppFile('app://planner/index.html', root)?.path).toBe(join(root, 'index.html'));
  });

  it('maps nested assets, ignoring query and fragment', () => {
    expect(resolveAppFile('app://planner/assets/index-B1x.js?v=2#top', root)?.path).toBe(join(root, 'assets', 'index-B1x.js'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppFile('app://planner/fonts/DejaVu%20Sans.woff2', root)?.path).toBe(join(root, 'fonts', 'DejaVu Sans.woff2'));
  });

  it('marks extensionless paths as client routes', () => {
    expect(resolveAppFile('app://planner/projects/3', root)).toEqual({ path: join(root, 'projects', '3'), isRoute: true });
  });

  it('lets the URL parser drop dot segments above the origin root, as a browser does', () => {
    expect(resolveAppFile('app://planner/../secret.txt', root)?.path).toBe(join(root, 'secret.txt'));
    expect(resolveAppFile('app://planner/%2e%2e/secret.txt', root)?.path).toBe(join(root, 'secret.txt'));
  });

  it.each([
    'app://planner/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://planner/..%2fpackage.json',
    'app://planner/..%5C..%5Cwindows%5Cwin.ini',
    'app://planner/C:%2FWindows%2Fwin.ini',
    'app://planner/index.html%00.png',
    'app://planner/%E0%A4%A',
    'app://evil/index.html',
    'app://planner:1/index.html',
    'file:///etc/passwd',
    'https://planner/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('never resolves outside the root, whatever the dot segments', () => {
    for (const path of ['/a/../../b', '/%2e%2e/%2e%2e/x', '/a/%2e%2e%2f%2e%2e%2fx', '/./../x']) {
      const target = resolveAppFile(`app://planner${path}`, root);
      if (target) expect(target.path.startsWith(root + '/')).toBe(true);
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.CSS', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['README', 'application/octet-stream'],
    ['archive.exe', 'application/octet-stream'],
  ])('%s is %s', (path, type) => {
    expect(mimeTypeFor(path)).toBe(type);
  });
});
