// contextBridge between the preload's isolated world and the page's main world, as Electron documents it
// (docs/api/context-bridge.md, "Usage" and "Parameter / Error / Return Type support"): functions are proxied to the
// other world (calls are synchronous), promises are proxied, errors are copied, every other value is copied and
// frozen, symbols are dropped, prototypes are not carried over. The exposed key is read-only and non-configurable,
// and exposing over an existing property throws (as electron_api_context_bridge.cc does).
//
// Transport: the two worlds share only the DOM, so each side dispatches CustomEvents on `document` and listens for
// the other side's. Chromium copies a CustomEvent's `detail` when it is read from another world (structured clone),
// so nothing but copies ever crosses; dispatchEvent is synchronous, which makes the calls synchronous too.

export type Side = 'main' | 'isolated';

/** A value described for the trip: functions and promises become ids owned by the sending world. */
type Described =
  | { k: 'v'; v: unknown }
  | { k: 'o'; v: Record<string, Described> }
  | { k: 'a'; v: Described[] }
  | { k: 'f'; id: number }
  | { k: 'p'; id: number }
  | { k: 'e'; name: string; message: string; stack: string };

type Message =
  | { t: 'hello' }
  | { t: 'call'; cid: number; fn: number; args: Described[] }
  | { t: 'expose'; cid: number; key: string; value: Described }
  | { t: 'return'; cid: number; ok: boolean; value: Described }
  | { t: 'settle'; id: number; ok: boolean; value: Described };

export interface WorldChannel {
  post(message: Message): void;
  listen(handler: (message: Message) => void): void;
}

/** The DOM transport: events named `<name>:to-main` and `<name>:to-isolated` on the shared document. */
export function domChannel(name: string, side: Side): WorldChannel {
  const outgoing = `${name}:to-${side === 'main' ? 'isolated' : 'main'}`;
  const incoming = `${name}:to-${side}`;
  const doc = document;
  const dispatch = doc.dispatchEvent.bind(doc);
  const Custom = CustomEvent;
  return {
    post: (message) => void dispatch(new Custom(outgoing, { detail: message })),
    listen: (handler) =>
      doc.addEventListener(incoming, (event: Event) => handler((event as CustomEvent<Message>).detail)),
  };
}

const CLONEABLE = [Date, RegExp, Map, Set, ArrayBuffer];

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      Object.freeze(value);
      for (const item of Object.values(value)) freezeDeep(item);
    }
  }
  return value;
}

export interface WorldEnd {
  /** Isolated side only: contextBridge.exposeInMainWorld. */
  expose(key: string, api: unknown): void;
}

export function createWorldEnd(side: Side, channel: WorldChannel, mainGlobal?: object): WorldEnd {
  const functions = new Map<number, (...args: unknown[]) => unknown>();
  const promises = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  const returns = new Map<number, { ok: boolean; value: Described }>();
  const queued: Message[] = [];
  let nextId = 1;

  const describe = (value: unknown): Described => {
    if (typeof value === 'function') {
      const id = nextId++;
      functions.set(id, value as (...args: unknown[]) => unknown);
      return { k: 'f', id };
    }
    if (typeof value === 'symbol') return { k: 'v', v: undefined };
    if (value instanceof Promise) {
      const id = nextId++;
      value.then(
        (result) => channel.post({ t: 'settle', id, ok: true, value: describe(result) }),
        (error) => channel.post({ t: 'settle', id, ok: false, value: describe(error) }),
      );
      return { k: 'p', id };
    }
    if (value instanceof Error) return { k: 'e', name: value.name, message: value.message, stack: value.stack ?? '' };
    if (Array.isArray(value)) return { k: 'a', v: value.map(describe) };
    if (value && typeof value === 'object') {
      if (CLONEABLE.some((type) => value instanceof type) || ArrayBuffer.isView(value)) return { k: 'v', v: value };
      const out: Record<string, Described> = {};
      for (const [key, item] of Object.entries(value)) out[key] = describe(item);
      return { k: 'o', v: out };
    }
    return { k: 'v', v: value };
  };

  const call = (fn: number, args: unknown[]): unknown => {
    const cid = nextId++;
    channel.post({ t: 'call', cid, fn, args: args.map(describe) });
    const answer = returns.get(cid);
    returns.delete(cid);
    if (!answer) throw new Error('contextBridge: the other world is gone');
    const value = materialize(answer.value);
    if (!answer.ok) throw value;
    return value;
  };

  const materialize = (d: Described): unknown => {
    switch (d.k) {
      case 'f': {
        const proxy = (...args: unknown[]) => call(d.id, args);
        return proxy;
      }
      case 'p':
        return new Promise((resolve, reject) => promises.set(d.id, { resolve, reject }));
      case 'e': {
        const error = new Error(d.message);
        error.name = d.name;
        return error;
      }
      case 'a':
        return Object.freeze(d.v.map(materialize));
      case 'o': {
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(d.v)) out[key] = materialize(item);
        return Object.freeze(out);
      }
      default:
        return freezeDeep(d.v);
    }
  };

  const answer = (cid: number, run: () => unknown) => {
    let reply: Message;
    try {
      reply = { t: 'return', cid, ok: true, value: describe(run()) };
    } catch (error) {
      reply = { t: 'return', cid, ok: false, value: describe(error) };
    }
    channel.post(reply);
  };

  channel.listen((message) => {
    switch (message.t) {
      case 'hello':
        // The other world arrived after we had posted: post again what it missed.
        for (const missed of queued.splice(0)) channel.post(missed);
        return;
      case 'return':
        returns.set(message.cid, { ok: message.ok, value: message.value });
        return;
      case 'settle': {
        const pending = promises.get(message.id);
        promises.delete(message.id);
        if (!pending) return;
        const value = materialize(message.value);
        if (message.ok) pending.resolve(value);
        else pending.reject(value);
        return;
      }
      case 'call': {
        const fn = functions.get(message.fn);
        answer(message.cid, () => {
          if (!fn) throw new Error('contextBridge: this function is no longer available');
          return fn(...message.args.map(materialize));
        });
        return;
      }
      case 'expose':
        if (side !== 'main' || !mainGlobal) return;
        answer(message.cid, () => {
          if (message.key in mainGlobal) {
            throw new Error('Cannot bind an API on top of an existing property on the window object');
          }
          Object.defineProperty(mainGlobal, message.key, {
            value: materialize(message.value),
            writable: false,
            configurable: false,
            enumerable: true,
          });
          return undefined;
        });
        return;
    }
  });
  channel.post({ t: 'hello' });

  return {
    expose(key, api) {
      if (side !== 'isolated') throw new Error('exposeInMainWorld is called from the isolated world');
      const cid = nextId++;
      const message: Message = { t: 'expose', cid, key, value: describe(api) };
      channel.post(message);
      const result = returns.get(cid);
      returns.delete(cid);
      if (!result) {
        queued.push(message); // the main world's end is not there yet; it says hello when it is
        return;
      }
      if (!result.ok) throw materialize(result.value);
    },
  };
}
