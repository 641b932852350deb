// The BUILT preload (out/preload/index.js) under the sandbox's module rules: Electron runs a sandboxed preload as a
// function whose `require` knows only electron, events, timers and url (docs/tutorial/sandbox.md, "Preload
// scripts"). Here it runs in its own V8 context with the harness's isolated-world runtime (the same code the desktop
// harness puts into Chromium), and a second context plays the page's main world: the page must get exactly
// `window.magflow = { invoke, onEvent }`, frozen, and nothing else.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decodeCloned, encodeCloned } from './harness/codec';
import { isolatedScript, mainWorldScript, readPreload } from './harness/pageScripts';

const PRELOAD = join(__dirname, '../../out/preload/index.js');

/** Chromium copies a CustomEvent's detail when another world reads it; so does this stand-in. */
class CopiedDetailEvent extends Event {
  readonly #detail: unknown;
  constructor(type: string, init?: { detail?: unknown }) {
    super(type);
    this.#detail = structuredClone(init?.detail ?? null);
  }
  get detail(): unknown {
    return structuredClone(this.#detail);
  }
}

interface Sent {
  t: string;
  [key: string]: unknown;
}

/** Runs the built preload in an "isolated world" context next to a "main world" context sharing one document. */
function loadBuiltPreload() {
  if (!existsSync(PRELOAD)) throw new Error(`${PRELOAD} is missing: run \`npm run build\` first`);
  const document = new EventTarget();
  const common = { document, CustomEvent: CopiedDetailEvent, structuredClone, setTimeout, clearTimeout, URL };
  const main = vm.createContext({ ...common });
  const before = new Set(Object.keys(main));
  vm.runInContext(mainWorldScript('test-channel'), main);

  const sent: Sent[] = [];
  const consoleErrors: unknown[] = [];
  let receive: (message: Sent) => void = () => undefined;
  const isolated = vm.createContext({
    ...common,
    setInterval,
    clearInterval,
    URLSearchParams,
    console: { error: (...args: unknown[]) => consoleErrors.push(args), log: () => undefined },
    __host: {
      send: (m: Sent) => sent.push(JSON.parse(JSON.stringify(m)) as Sent),
      onReceive: (h: typeof receive) => (receive = h),
    },
  });
  const preload = readPreload(PRELOAD, {
    channelName: 'test-channel',
    process: { platform: 'linux', arch: 'x64', versions: {}, argv: [], env: {} },
  });
  vm.runInContext(isolatedScript(preload, '__host'), isolated, { filename: PRELOAD });
  const added = Object.keys(main).filter((key) => !before.has(key));
  return { main: main as Record<string, unknown>, added, sent, consoleErrors, deliver: (m: Sent) => receive(m) };
}

describe('the built preload under the sandbox rules', () => {
  it('requires nothing but electron', () => {
    const source = readFileSync(PRELOAD, 'utf8');
    const required = [...source.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
  });

  it('loads without a preload error and exposes exactly window.magflow = { invoke, onEvent }, frozen', () => {
    const world = loadBuiltPreload();
    expect(world.sent.filter((m) => m.t === 'preload-error')).toEqual([]);
    expect(world.consoleErrors).toEqual([]);
    expect(world.added).toEqual(['magflow']);
    const api = world.main['magflow'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof api['invoke']).toBe('function');
    expect(typeof api['onEvent']).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(world.main, 'magflow')).toMatchObject({
      writable: false,
      configurable: false,
    });
    expect(world.sent.filter((m) => m.t === 'exposed')).toEqual([
      { t: 'exposed', key: 'magflow', shape: { invoke: 'function', onEvent: 'function' } },
    ]);
  });

  it('invoke sends one copied argument on magflow:<channel> and resolves with the reply', async () => {
    const world = loadBuiltPreload();
    const api = world.main['magflow'] as { invoke(channel: string, input?: unknown): Promise<unknown> };
    const input = { statuses: [1], search: 'ăîș' };
    const answer = api.invoke('orders.list', input);
    const call = world.sent.find((m) => m.t === 'invoke')!;
    expect(call).toMatchObject({ channel: 'magflow:orders.list' });
    expect(decodeCloned(call['args'])).toEqual([input]);
    world.deliver({ t: 'reply', id: call['id'], result: encodeCloned({ ok: true, value: { total: 3 } }) });
    await expect(answer).resolves.toEqual({ ok: true, value: { total: 3 } });
  });

  it('an argument that cannot be cloned is refused in the page, as Electron refuses it', async () => {
    const world = loadBuiltPreload();
    const api = world.main['magflow'] as { invoke(channel: string, input?: unknown): Promise<unknown> };
    await expect(api.invoke('orders.list', { sort: () => 1 })).rejects.toThrow('An object could not be cloned.');
    expect(world.sent.filter((m) => m.t === 'invoke')).toEqual([]);
  });

  it('onEvent hears magflow:event until unsubscribed', () => {
    const world = loadBuiltPreload();
    const api = world.main['magflow'] as { onEvent(listener: (event: unknown) => void): () => void };
    const heard: unknown[] = [];
    const off = api.onEvent((event) => heard.push(event));
    world.deliver({ t: 'message', channel: 'magflow:event', args: encodeCloned([{ type: 'sync_state' }]) });
    world.deliver({ t: 'message', channel: 'other', args: encodeCloned([{ type: 'no' }]) });
    off();
    world.deliver({ t: 'message', channel: 'magflow:event', args: encodeCloned([{ type: 'after' }]) });
    expect(heard).toEqual([{ type: 'sync_state' }]);
  });
});
