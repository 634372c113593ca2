/** What the keyboard can reach, in tab order (no disabled or hidden controls, no tabindex="-1"). */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0 || el === document.activeElement);
}

/**
 * Keeps Tab and Shift+Tab inside `root` (a modal dialog): from the last control Tab goes to the
 * first, from the first Shift+Tab goes to the last, and focus that escaped comes back in.
 */
export function trapTab(event: KeyboardEvent, root: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = focusableIn(root);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items.at(-1)!;
  const active = document.activeElement;
  if (!root.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Arrow keys, Home and End move focus among items (WAI-ARIA menu and tabs patterns); returns true when handled. */
export function moveFocusWithArrows(event: KeyboardEvent, items: HTMLElement[]): boolean {
  const index = items.indexOf(document.activeElement as HTMLElement);
  const targets: Record<string, number> = {
    ArrowDown: (index + 1) % items.length,
    ArrowRight: (index + 1) % items.length,
    ArrowUp: (index - 1 + items.length) % items.length,
    ArrowLeft: (index - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  const target = targets[event.key];
  if (target === undefined || items.length === 0) return false;
  event.preventDefault();
  items[index < 0 && event.key === 'ArrowUp' ? items.length - 1 : target]?.focus();
  return true;
}
