import { existsSync, readFileSync } from 'node:fs';
import { writePrivateFileAtomic } from '../backup/files';

/** Where and how big the main window was when it was last closed. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 800, maximized: false };
export const MIN_WINDOW = { width: 1024, height: 700 } as const;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The state to open with: the saved one if it is sane and its title bar is on a display now
 * connected (a laptop undocked from its second screen must not open the window off-screen).
 */
export function restoredState(saved: unknown, displays: readonly Rect[]): WindowState {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_WINDOW;
  const s = saved as Record<string, unknown>;
  if (!isNumber(s['width']) || !isNumber(s['height'])) return DEFAULT_WINDOW;
  const width = Math.max(MIN_WINDOW.width, Math.round(s['width']));
  const height = Math.max(MIN_WINDOW.height, Math.round(s['height']));
  const maximized = s['maximized'] === true;
  if (!isNumber(s['x']) || !isNumber(s['y'])) return { width, height, maximized };
  const x = Math.round(s['x']);
  const y = Math.round(s['y']);
  // The top 40 px of the window, where it is dragged from, must overlap a display by 100 px or more.
  const visible = displays.some((d) => {
    const overlapX = Math.min(x + width, d.x + d.width) - Math.max(x, d.x);
    const overlapY = Math.min(y + 40, d.y + d.height) - Math.max(y, d.y);
    return overlapX >= 100 && overlapY > 0;
  });
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

export function readWindowState(file: string, displays: readonly Rect[]): WindowState {
  try {
    return existsSync(file) ? restoredState(JSON.parse(readFileSync(file, 'utf8')), displays) : DEFAULT_WINDOW;
  } catch {
    return DEFAULT_WINDOW;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  writePrivateFileAtomic(file, JSON.stringify(state));
}
