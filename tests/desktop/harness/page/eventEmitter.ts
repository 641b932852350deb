// The `events` module a sandboxed preload gets: Electron bundles a browser build of Node's EventEmitter
// (docs/tutorial/sandbox.md, "Preload scripts"). This is the part of its API preloads use.
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  #listeners = new Map<string | symbol, { fn: Listener; once: boolean }[]>();

  on(event: string | symbol, fn: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { fn, once: false }]);
    return this;
  }
  addListener(event: string | symbol, fn: Listener): this {
    return this.on(event, fn);
  }
  prependListener(event: string | symbol, fn: Listener): this {
    this.#listeners.set(event, [{ fn, once: false }, ...(this.#listeners.get(event) ?? [])]);
    return this;
  }
  once(event: string | symbol, fn: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { fn, once: true }]);
    return this;
  }
  off(event: string | symbol, fn: Listener): this {
    const list = this.#listeners.get(event) ?? [];
    const index = list.findIndex((entry) => entry.fn === fn);
    if (index >= 0) list.splice(index, 1);
    return this;
  }
  removeListener(event: string | symbol, fn: Listener): this {
    return this.off(event, fn);
  }
  removeAllListeners(event?: string | symbol): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }
  emit(event: string | symbol, ...args: unknown[]): boolean {
    const list = this.#listeners.get(event);
    if (!list || list.length === 0) {
      if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error('Unhandled error event');
      return false;
    }
    for (const entry of [...list]) {
      if (entry.once) this.off(event, entry.fn);
      entry.fn.apply(this, args);
    }
    return true;
  }
  listeners(event: string | symbol): Listener[] {
    return (this.#listeners.get(event) ?? []).map((entry) => entry.fn);
  }
  listenerCount(event: string | symbol): number {
    return this.#listeners.get(event)?.length ?? 0;
  }
  eventNames(): (string | symbol)[] {
    return [...this.#listeners.keys()].filter((key) => this.listenerCount(key) > 0);
  }
}

export default EventEmitter;
