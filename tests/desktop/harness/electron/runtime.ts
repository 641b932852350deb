// State the harness's electron modules share: whether the app is ready, the open windows, and what must be torn
// down (Chromium, loopback servers, the instance lock) before the process exits.
import type { EventEmitter } from 'node:events';

export interface WindowLike extends EventEmitter {
  readonly id: number;
  isDestroyed(): boolean;
  /** Asks to close (emits 'close', which may be prevented). */
  close(): void;
  /** Closes without asking. */
  destroy(): void;
  setMenu?(menu: unknown): void;
}

export const runtime = {
  ready: false,
  /** The app folder (where package.json is): app.getAppPath(). */
  appPath: process.env['MAGFLOW_HARNESS_APP_PATH'] ?? process.cwd(),
  windows: [] as WindowLike[],
  /** Run in order before the process exits. */
  teardown: [] as (() => Promise<void> | void)[],
  /** Work that must finish before exit (e.g. telling the first instance about a second launch). */
  pending: new Set<Promise<unknown>>(),
};

/** Electron's error for APIs that need the browser process (e.g. "Cannot create Tray before app is ready"). */
export function requireReady(message: string): void {
  if (!runtime.ready) throw new Error(message);
}

/** An Electron Event: preventable, with `defaultPrevented`. */
export function preventableEvent<T extends object>(
  fields?: T,
): T & {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
} {
  let prevented = false;
  const event = Object.assign(Object.create(null) as object, fields ?? {});
  // defineProperty, not Object.assign: assign would copy the getter's value once (false) instead of the getter.
  Object.defineProperties(event, {
    preventDefault: { value: () => void (prevented = true), enumerable: true },
    defaultPrevented: { get: () => prevented, enumerable: true },
  });
  return event as T & { preventDefault(): void; readonly defaultPrevented: boolean };
}
