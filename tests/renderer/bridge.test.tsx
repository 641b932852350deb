// @vitest-environment jsdom
// The browser bridge speaks the serve command's protocol exactly: POST /api/invoke/<channel> with a Bearer token,
// and one EventSource on /api/events?token=... carrying JSON events.
import { describe, expect, it, vi } from 'vitest';
import { createBridgeApi } from '../../renderer/src/api/bridge';
import { installApi } from '../../renderer/src/api/install';
import type { MagflowEvent } from '../../shared/events';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: ((m: MessageEvent<string>) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  push(data: string) {
    this.onmessage?.({ data } as MessageEvent<string>);
  }
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('browser bridge', () => {
  it('posts the input with the token and returns the IpcResult as sent', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: { triggered: 2 } }));
    const api = createBridgeApi('tok en', { fetch, EventSource: FakeEventSource as unknown as typeof EventSource });
    const result = await api.invoke('sync.now', { accountId: 3 });
    expect(result).toEqual({ ok: true, value: { triggered: 2 } });
    expect(fetch).toHaveBeenCalledWith('/api/invoke/sync.now', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok en' },
      body: JSON.stringify({ input: { accountId: 3 } }),
    });
  });

  it('passes typed errors through and turns a dead server into an "unavailable" result', async () => {
    const error = { ok: false, error: { kind: 'validation', message: 'bad', issues: [{ path: 'id', message: 'x' }] } };
    const api = createBridgeApi('t', {
      fetch: async () => jsonResponse(error, 400),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    expect(await api.invoke('orders.get', { accountId: 1, orderId: 1 })).toEqual(error);

    const dead = createBridgeApi('t', {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    expect(await dead.invoke('app.info')).toMatchObject({ ok: false, error: { kind: 'unavailable' } });

    const html = createBridgeApi('t', {
      fetch: async () => new Response('<html>', { status: 502 }),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    expect(await html.invoke('app.info')).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', message: expect.stringContaining('502') },
    });
  });

  it('shares one EventSource between listeners, skips bad frames, and closes after the last one leaves', () => {
    const api = createBridgeApi('a&b', {
      fetch: vi.fn(),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const seen: MagflowEvent[] = [];
    const offA = api.onEvent((e) => seen.push(e));
    const source = FakeEventSource.last!;
    const offB = api.onEvent(() => {});
    expect(FakeEventSource.last).toBe(source);
    expect(source.url).toBe('/api/events?token=a%26b');
    source.push('not json');
    source.push(JSON.stringify({ type: 'orders_imported', accountId: 1, account: 'A', count: 37 }));
    expect(seen).toEqual([{ type: 'orders_imported', accountId: 1, account: 'A', count: 37 }]);
    offA();
    expect(source.closed).toBe(false);
    offB();
    expect(source.closed).toBe(true);
  });

  it('is installed only when there is no preload API and the page has a token', () => {
    const base = { fetch: vi.fn(), EventSource: FakeEventSource, location: { search: '' } };
    expect(installApi({ ...base } as unknown as Window)).toBeNull();

    const withToken = { ...base, location: { search: '?token=abc' } } as unknown as Window;
    const api = installApi(withToken);
    expect(api).not.toBeNull();
    expect(withToken.magflow).toBe(api);

    const preload = { invoke: vi.fn(), onEvent: vi.fn() };
    expect(installApi({ ...base, magflow: preload, location: { search: '?token=abc' } } as unknown as Window)).toBe(
      preload,
    );
  });
});
