// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { guardExternalLinks } from '../../src-renderer/lib/link-guard';

/** Clicks a link with these attributes and says whether the guard cancelled the click. */
function clickCancelled(attributes: Record<string, string>): boolean {
  const link = document.createElement('a');
  for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
  document.body.appendChild(link);
  // The guard (a capture listener on the document) cancels a click and stops it there: a click that
  // reaches the link itself was let through, and is then stopped from navigating the test page.
  let cancelled = true;
  link.addEventListener('click', (event) => {
    cancelled = event.defaultPrevented;
    event.preventDefault();
  });
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  link.remove();
  return cancelled;
}

describe('link guard', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('lets the planner’s own routes and blob: downloads through, and nothing else', () => {
    stop = guardExternalLinks();
    const origin = window.location.origin;
    expect(clickCancelled({ href: '#/projects' })).toBe(false);
    expect(clickCancelled({ href: `blob:${origin}/5e1f0c1e-0000-4000-8000-000000000000`, download: 'plan.csv' })).toBe(false);
    // A blob: URL is a download only with `download`, and only from this very origin.
    expect(clickCancelled({ href: `blob:${origin}/5e1f0c1e-0000-4000-8000-000000000000` })).toBe(true);
    expect(clickCancelled({ href: 'blob:http://evil.example/5e1f0c1e-0000-4000-8000-000000000000', download: 'x.csv' })).toBe(true);
    expect(clickCancelled({ href: 'http://evil.example/page', download: 'x.csv' })).toBe(true);
  });
});
