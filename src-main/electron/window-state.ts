/** Window size and position remembered between runs: validated on read, fitted to a display that exists now. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;

/** Larger than any real desktop: anything beyond is a damaged file, not a window. */
const COORDINATE_LIMIT_PX = 100_000;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= COORDINATE_LIMIT_PX;
}

/** The saved state, or null when the JSON is not one we wrote (hand-edited, truncated, older shape). */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as Record<string, unknown>;
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isCoordinate)) return null;
  const rect = { x, y, width, height } as Rect;
  if (rect.width < MIN_WINDOW_SIZE.width || rect.height < MIN_WINDOW_SIZE.height) return null;
  return { bounds: roundRect(rect), maximized };
}

/**
 * Where the window opens: the saved bounds moved and shrunk to lie inside the work area of the
 * display they overlap most; centred on the primary display when nothing was saved or that
 * display is gone (a monitor unplugged since the last run).
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  if (!saved) return { bounds: centreIn(primary, DEFAULT_WINDOW_SIZE), maximized: false };
  const area = mostOverlapped(saved.bounds, workAreas);
  const bounds = area ? fitInside(saved.bounds, area) : centreIn(primary, saved.bounds);
  return { bounds, maximized: saved.maximized };
}

function roundRect(r: Rect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function mostOverlapped(rect: Rect, areas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of areas) {
    const overlap = overlapArea(rect, area);
    if (overlap > bestArea) [best, bestArea] = [area, overlap];
  }
  return best;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function fitInside(rect: Rect, area: Rect): Rect {
  const width = Math.min(rect.width, area.width);
  const height = Math.min(rect.height, area.height);
  return {
    x: clamp(rect.x, area.x, area.x + area.width - width),
    y: clamp(rect.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

function centreIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height };
}
