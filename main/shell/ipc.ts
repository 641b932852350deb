// The window's only door into main: one ipcMain.handle per channel of the shared contract, each going through the
// core's dispatcher (which validates the input), plus the event channel forwarded to the window. Nothing else.
import type { Dispatcher } from '../core/ipc/dispatcher';
import type { EventBus } from '../core/events/bus';
import type { Logger } from '../core/logging';
import { CHANNEL_NAMES, EVENT_CHANNEL, INVOKE_PREFIX, type ChannelName, type IpcResult } from '../../shared/ipc';
import type { MagflowEvent } from '../../shared/events';
import type { IpcInvokeEvent, IpcMainPort, WindowPort } from './ports';

export interface IpcBridgeDeps {
  ipcMain: IpcMainPort;
  dispatcher: Dispatcher;
  logger: Logger;
  /** True for a frame showing one of MagFlow's own pages; calls from anything else are refused. */
  isTrustedUrl(url: string): boolean;
  /** Told after a call succeeded (the shell applies settings that live outside the core, e.g. launch at login). */
  afterCall?(channel: ChannelName, value: unknown): void;
}

const refused = (message: string): IpcResult<never> => ({ ok: false, error: { kind: 'validation', message } });

/** Registers every invoke channel; returns a function that removes them again. */
export function registerIpcHandlers(deps: IpcBridgeDeps): () => void {
  for (const channel of CHANNEL_NAMES) {
    deps.ipcMain.handle(`${INVOKE_PREFIX}${channel}`, async (event: IpcInvokeEvent, ...args: unknown[]) => {
      const url = event.senderFrame?.url ?? '';
      if (!deps.isTrustedUrl(url)) {
        deps.logger.warn('ipc: call from an untrusted frame refused', { channel, url: url.slice(0, 200) });
        return refused('Calls are accepted from the MagFlow window only');
      }
      if (args.length > 1) return refused(`${channel} takes one input object`);
      const result = await deps.dispatcher.dispatch(channel, args[0]);
      if (result.ok) {
        try {
          deps.afterCall?.(channel, result.value);
        } catch (error) {
          deps.logger.warn('ipc: after-call hook failed', { channel, error });
        }
      }
      return result;
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) deps.ipcMain.removeHandler(`${INVOKE_PREFIX}${channel}`);
  };
}

/** Sends one event to the window if it is alive (a hidden window still gets it, so it is current when shown). */
export function sendToWindow(window: WindowPort | null, event: MagflowEvent): boolean {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return false;
  window.webContents.send(EVENT_CHANNEL, event);
  return true;
}

/** Forwards every core event to the window; returns the unsubscribe function. */
export function forwardEvents(bus: EventBus, currentWindow: () => WindowPort | null): () => void {
  return bus.onAny((event) => void sendToWindow(currentWindow(), event));
}

/** Sends the renderer's problems to the log: uncaught errors (console), a crashed page, a failing preload. */
export function logRendererProblems(window: WindowPort, logger: Logger): void {
  const contents = window.webContents;
  contents.on('console-message', (details) => {
    if (details.level !== 'error' && details.level !== 'warning') return;
    const fields = { message: details.message.slice(0, 4000), source: details.sourceId, line: details.lineNumber };
    if (details.level === 'error') logger.error('renderer: error', fields);
    else logger.warn('renderer: warning', fields);
  });
  contents.on('render-process-gone', (_event, details) => {
    logger.error('renderer: process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  contents.on('preload-error', (_event, preloadPath, error) => {
    logger.error('renderer: preload failed', { preloadPath, error });
  });
}
