/**
 * The planner never leaves its own origin: a click on a link elsewhere (in a message, a pasted
 * source, injected content) is cancelled. The CSP blocks fetches, images and form posts to other
 * origins; this covers top-level navigation by links, which CSP cannot. The one exception is the
 * planner's own exports: blob: downloads of this origin. Returns the remover.
 */
export function guardExternalLinks(doc: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(target instanceof HTMLAnchorElement)) return;
    if (isInside(target.href, doc.location.href) || isOwnDownload(target, doc.location.href)) return;
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

/** A download of data the planner made itself: a blob: URL of this very origin on a link with `download`. */
function isOwnDownload(link: HTMLAnchorElement, appHref: string): boolean {
  if (!link.hasAttribute('download') || !link.href.startsWith('blob:')) return false;
  try {
    return new URL(link.href).origin === new URL(appHref).origin;
  } catch {
    return false;
  }
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
