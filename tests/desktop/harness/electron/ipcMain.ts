// ipcMain: handle/removeHandler with Electron's checks (lib/browser/ipc-main-impl.ts) and the invoke dispatch of
// lib/browser/ipc-dispatch.ts: the handler's value is the reply; a throwing handler or a missing one answers an
// error string ("Error: ..."), which the renderer turns into "Error invoking remote method '<channel>': ...".
import { EventEmitter } from 'node:events';
import { record } from '../journal';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class IpcMain extends EventEmitter {
  readonly #handlers = new Map<string, Handler>();
  constructor() {
    super();
    this.on('error', () => undefined); // "Do not throw exception when channel name is 'error'"
  }
  handle(channel: string, handler: Handler): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof handler !== 'function') {
      throw new TypeError(`Expected handler to be a function, but found type '${typeof handler}'`);
    }
    this.#handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }
  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }
  handledChannels(): string[] {
    return [...this.#handlers.keys()];
  }
  /** A renderer's ipcRenderer.invoke arriving. */
  async dispatchInvoke(
    event: unknown,
    channel: string,
    args: unknown[],
  ): Promise<{ result?: unknown; error?: string }> {
    const handler = this.#handlers.get(channel);
    if (!handler) {
      record('ipc.invoke', { channel, error: 'no handler' });
      return { error: new Error(`No handler registered for '${channel}'`).toString() };
    }
    try {
      return { result: await handler(event, ...args) };
    } catch (error) {
      record('ipc.handler-error', { channel, error });
      return { error: error instanceof Error ? error.toString() : String(error) };
    }
  }
}

export const ipcMain = new IpcMain();
