// The IPC channel names, apart from the contract's zod schemas: the sandboxed preload may import nothing but
// electron and plain constants (a sandboxed preload's require knows only electron, events, timers and url), so it
// takes its channel names from here, never from shared/ipc.ts.

/** Name of the single event channel main uses to push `MagflowEvent`s. */
export const EVENT_CHANNEL = 'magflow:event';
/** Prefix of every invoke channel on the Electron IPC transport. */
export const INVOKE_PREFIX = 'magflow:';
