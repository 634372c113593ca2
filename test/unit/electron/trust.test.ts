import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isAppUrl,
} from '../../../src-main/electron/trust.js';

describe('isAppUrl (IPC sender and navigation check)', () => {
  it.each([APP_START_URL, 'app://planner/', 'app://planner/assets/index-abc.js?v=1#x'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://planner.evil/index.html',
    'app://planner:8080/index.html',
    'app://user:pw@planner/index.html',
    'file:///work/main/out/renderer/index.html',
    'https://planner/index.html',
    'http://127.0.0.1:5173/',
    'about:blank',
    'chrome-error://chromewebdata/',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl (shell.openExternal allow-list)', () => {
  it('opens an allow-listed https page', () => {
    expect(isAllowedExternalUrl('https://github.com/some/repo')).toBe(true);
  });

  it.each([
    'http://github.com/',
    'https://github.com.evil.example/',
    'https://evil.example/?https://github.com',
    'https://user@github.com/',
    'https://github.com:8443/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'app://planner/index.html',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAllowedRequestUrl (no remote content)', () => {
  it.each(['app://planner/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://planner/1234', 'devtools://devtools/bundled/x.js'])(
    'lets %s through',
    (url) => {
      expect(isAllowedRequestUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://example.com/',
    'http://localhost:3000/',
    'ws://localhost/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'app://other/x.js',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('denies by default and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline code, eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
