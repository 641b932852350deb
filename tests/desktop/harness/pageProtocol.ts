// What the harness (Node) and the page-side runtime (page/*.ts, in Chromium) agree on; compiled by both tsconfigs.

export interface IsolatedConfig {
  preloadPath: string;
  /** Name of the DOM events the two worlds talk over (random per window). */
  channelName: string;
  process: { platform: string; arch: string; versions: Record<string, string>; argv: string[]; env: object };
  /** Set when the preload file could not be read or compiled. */
  loadError?: { name: string; message: string; stack: string };
}

/** Sent by the isolated world to the harness. */
export type FromPage =
  | { t: 'hello' }
  | { t: 'invoke'; id: number; channel: string; args: unknown }
  | { t: 'send'; channel: string; args: unknown }
  | { t: 'exposed'; key: string; shape: unknown }
  | { t: 'preload-error'; error: { name: string; message: string; stack: string } };

/** Sent by the harness to the isolated world. */
export type ToPage =
  { t: 'reply'; id: number; error?: string; result?: unknown } | { t: 'message'; channel: string; args: unknown };
