import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, parseWindowState, placeWindow, type Rect } from '../../../src-main/electron/window-state.js';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads what the app writes, rounding fractional pixels', () => {
    expect(parseWindowState({ bounds: { x: 10.4, y: 20, width: 1300, height: 820.6 }, maximized: true })).toEqual({
      bounds: { x: 10, y: 20, width: 1300, height: 821 },
      maximized: true,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'maximized'],
    ['an array', []],
    ['no bounds', { maximized: false }],
    ['maximized not a boolean', { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: 'yes' }],
    ['a missing coordinate', { bounds: { x: 0, width: 1280, height: 800 }, maximized: false }],
    ['a string coordinate', { bounds: { x: '0', y: 0, width: 1280, height: 800 }, maximized: false }],
    ['NaN', { bounds: { x: Number.NaN, y: 0, width: 1280, height: 800 }, maximized: false }],
    ['an absurd coordinate', { bounds: { x: 1e9, y: 0, width: 1280, height: 800 }, maximized: false }],
    ['a size below the minimum', { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false }],
  ])('rejects %s', (_name, raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(null, [primary], primary)).toEqual({
      bounds: { x: 320, y: 120, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });

  it('keeps a saved window that is fully visible, with its maximized state', () => {
    const bounds = { x: 2000, y: 100, width: 1400, height: 900 };
    expect(placeWindow({ bounds, maximized: true }, [primary, right], primary)).toEqual({ bounds, maximized: true });
  });

  it('pulls a window hanging off the edge back inside the display it mostly covers', () => {
    const placed = placeWindow({ bounds: { x: 1000, y: -50, width: 1280, height: 800 }, maximized: false }, [primary, right], primary);
    expect(placed.bounds).toEqual({ x: 640, y: 0, width: 1280, height: 800 });
  });

  it('shrinks a window larger than its display to the work area', () => {
    const placed = placeWindow({ bounds: { x: 100, y: 100, width: 3000, height: 2000 }, maximized: false }, [primary], primary);
    expect(placed.bounds).toEqual(primary);
  });

  it('moves a window from an unplugged monitor to the centre of the primary display', () => {
    const placed = placeWindow({ bounds: { x: 2100, y: 200, width: 1280, height: 800 }, maximized: false }, [primary], primary);
    expect(placed.bounds).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
  });

  it('handles displays left of or above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1680, y: -200, width: 1680, height: 1010 };
    const placed = placeWindow({ bounds: { x: -1800, y: -300, width: 1280, height: 800 }, maximized: false }, [primary, left], primary);
    expect(placed.bounds).toEqual({ x: -1680, y: -200, width: 1280, height: 800 });
  });
});
