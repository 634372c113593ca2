/**
 * The planner never leaves its own origin: a click on a link elsewhere (in a message, a pasted
 * source, injected content) is cancelled. The CSP blocks fetches, images and form posts to other
 * origins; this covers top-level navigation by links, which CSP cannot. Returns the remover.
 */
export function guardExternalLinks(doc: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(target instanceof HTMLAnchorElement)) return;
    if (isInside(target.href, doc.location.href)) return;
    event.preventDefault();
    event.stopPropagation();
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onClick, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onClick, true);
  };
}

function isInside(href: string, appHref: string): boolean {
  try {
    const url = new URL(href, appHref);
    const app = new URL(appHref);
    return url.origin === app.origin && url.pathname === app.pathname;
  } catch {
    return false;
  }
}
