// The preload's world, as Electron builds it for a sandboxed window (docs/tutorial/sandbox.md, "Preload scripts";
// lib/sandboxed_renderer/preload.ts): the script runs as a function of (require, process, exports, module, Buffer,
// global, setImmediate, clearImmediate) in an isolated world, and `require` knows only `electron` (the renderer
// modules), `events`, `timers` and `url` (with their `node:` names); anything else throws "module not found".
// A preload that throws is reported as Electron does: two console errors and the webContents' 'preload-error'.
import { decodeCloned, encodeCloned } from '../codec';
import type { FromPage, IsolatedConfig, ToPage } from '../pageProtocol';
import { EventEmitter } from './eventEmitter';
import { createWorldEnd, domChannel } from './worldBridge';

export type PreloadFunction = (
  require: (id: string) => unknown,
  process: unknown,
  exports: object,
  module: { exports: object },
  Buffer: unknown,
  global: typeof globalThis,
  setImmediate: (fn: () => void) => unknown,
  clearImmediate: (handle: unknown) => void,
) => void;

/** To the harness (a CDP binding) and back (the harness evaluates `receive` in this world). */
export interface Host {
  send(message: FromPage): void;
  onReceive(handler: (message: ToPage) => void): void;
}

const notEmulated = (name: string): object =>
  new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`harness: electron.${name}.${String(property)} is not emulated`);
      },
    },
  );

class IpcRenderer extends EventEmitter {
  #host: Host;
  #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; channel: string }>();
  #nextId = 1;
  constructor(host: Host) {
    super();
    this.#host = host;
  }
  /** Arguments go through the structured clone, like Electron's IPC; what cannot be cloned throws. */
  #clone(args: unknown[]): unknown {
    let cloned: unknown;
    try {
      cloned = structuredClone(args);
    } catch {
      throw new Error('An object could not be cloned.');
    }
    return encodeCloned(cloned);
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const encoded = this.#clone(args);
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject, channel });
      this.#host.send({ t: 'invoke', id, channel: String(channel), args: encoded });
    });
  }
  send(channel: string, ...args: unknown[]): void {
    this.#host.send({ t: 'send', channel: String(channel), args: this.#clone(args) });
  }
  sendSync(): never {
    throw new Error('harness: ipcRenderer.sendSync is not emulated');
  }
  sendToHost(): never {
    throw new Error('harness: ipcRenderer.sendToHost is not emulated');
  }
  postMessage(): never {
    throw new Error('harness: ipcRenderer.postMessage is not emulated');
  }
  /** lib/renderer/api/ipc-renderer.ts: a failed invoke rejects with "Error invoking remote method '<channel>': <error>". */
  settle(id: number, error: string | undefined, result: unknown): void {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (!pending) return;
    if (error !== undefined) pending.reject(new Error(`Error invoking remote method '${pending.channel}': ${error}`));
    else pending.resolve(decodeCloned(result));
  }
  deliver(channel: string, args: unknown): void {
    const list = decodeCloned(args) as unknown[];
    this.emit(channel, { sender: this, ports: [] }, ...list);
  }
}

export function startIsolatedWorld(config: IsolatedConfig, preload: PreloadFunction | null, host: Host): void {
  const ipcRenderer = new IpcRenderer(host);
  host.onReceive((message) => {
    if (message.t === 'reply')
      ipcRenderer.settle(message['id'] as number, message['error'] as string, message['result']);
    if (message.t === 'message') ipcRenderer.deliver(message['channel'] as string, message['args']);
  });
  host.send({ t: 'hello' });

  const world = createWorldEnd('isolated', domChannel(config.channelName, 'isolated'));
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (typeof key !== 'string') throw new TypeError('apiKey must be a string');
      world.expose(key, api);
      host.send({ t: 'exposed', key, shape: shapeOf(api) });
    },
    exposeInIsolatedWorld: () => {
      throw new Error('harness: contextBridge.exposeInIsolatedWorld is not emulated');
    },
    executeInMainWorld: () => {
      throw new Error('harness: contextBridge.executeInMainWorld is not emulated');
    },
  };
  const electron = {
    contextBridge,
    ipcRenderer,
    crashReporter: notEmulated('crashReporter'),
    nativeImage: notEmulated('nativeImage'),
    webFrame: notEmulated('webFrame'),
    webUtils: notEmulated('webUtils'),
  };
  const setImmediate = (fn: () => void) => setTimeout(fn, 0);
  const clearImmediate = (handle: unknown) => clearTimeout(handle as number);
  const events = Object.assign(EventEmitter, { EventEmitter, default: EventEmitter });
  const loaded = new Map<string, unknown>([
    ['electron', electron],
    ['electron/common', electron],
    ['electron/renderer', electron],
    ['events', events],
    ['node:events', events],
  ]);
  const timers = { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate };
  const url = { URL, URLSearchParams };
  const loadable = new Map<string, () => unknown>([
    ['timers', () => timers],
    ['node:timers', () => timers],
    ['url', () => url],
    ['node:url', () => url],
  ]);
  const require = (id: string): unknown => {
    if (loaded.has(id)) return loaded.get(id);
    const load = loadable.get(id);
    if (load) {
      const value = load();
      loaded.set(id, value);
      return value;
    }
    throw new Error(`module not found: ${id}`);
  };
  const process = Object.assign(new EventEmitter(), config.process, {
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
  });

  try {
    if (config.loadError) throw Object.assign(new Error(config.loadError.message), config.loadError);
    const exports = {};
    // Buffer: Electron gives a browser Buffer; MagFlow's preload does not use it and the harness does not emulate it.
    preload?.(require, process, exports, { exports }, undefined, globalThis, setImmediate, clearImmediate);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    console.error(`Unable to load preload script: ${config.preloadPath}`);
    console.error(e);
    host.send({ t: 'preload-error', error: { name: e.name, message: e.message, stack: e.stack ?? '' } });
  }
}

/** What was exposed, for the journal: the keys and the type of each value. */
function shapeOf(api: unknown): unknown {
  if (api && typeof api === 'object' && !Array.isArray(api)) {
    return Object.fromEntries(Object.entries(api).map(([key, value]) => [key, typeof value]));
  }
  return typeof api;
}
