// Remembers the window's size and position between runs, and never restores it somewhere no screen shows.
import { z } from 'zod';
import type { Rectangle } from './ports';

export const WINDOW_STATE_KEY = 'window.state';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_SIZE.width).max(20_000),
  height: z.number().int().min(MIN_SIZE.height).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** Where the small UI state lives (the settings repository's key/value part). */
export interface StateStore {
  getValue(key: string): string | undefined;
  setValue(key: string, value: string): void;
}

/** A saved state, or null when none is stored or it is unreadable (the window then opens at its default size). */
export function loadWindowState(store: StateStore): WindowState | null {
  const raw = store.getValue(WINDOW_STATE_KEY);
  if (raw === undefined) return null;
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(store: StateStore, bounds: Rectangle, maximized: boolean): void {
  const state: WindowState = {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(MIN_SIZE.width, Math.round(bounds.width)),
    height: Math.max(MIN_SIZE.height, Math.round(bounds.height)),
    maximized,
  };
  store.setValue(WINDOW_STATE_KEY, JSON.stringify(state));
}

/** True when at least a grabbable part of the window (its top 40 px, 100 px wide) is on one of the screens. */
export function isVisibleOnSomeScreen(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  const grab = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(40, bounds.height) };
  return workAreas.some((area) => {
    const overlapX = Math.min(grab.x + grab.width, area.x + area.width) - Math.max(grab.x, area.x);
    const overlapY = Math.min(grab.y + grab.height, area.y + area.height) - Math.max(grab.y, area.y);
    return overlapX >= 100 && overlapY >= 20;
  });
}

/** The bounds to open the window with: the saved ones if a screen still shows them, else the default size. */
export function initialBounds(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): { x?: number; y?: number; width: number; height: number; maximized: boolean } {
  if (saved && isVisibleOnSomeScreen(saved, workAreas)) return saved;
  if (saved) return { width: saved.width, height: saved.height, maximized: saved.maximized };
  return { ...DEFAULT_SIZE, maximized: false };
}
