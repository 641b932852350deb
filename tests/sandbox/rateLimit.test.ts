import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../main/sandbox';
import { FBE, ManualClock, MAIN, call, start } from './helpers';

let sandbox: Sandbox;
let clock: ManualClock;
beforeEach(async () => {
  ({ sandbox, clock } = await start({ rateLimit: true, ordersPerAccount: 20, offersPerAccount: 10 }));
});
afterEach(() => sandbox.close());

const statuses = async (route: string, n: number, account = MAIN, stepMs = 0): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push((await call(sandbox, route, {}, account)).status);
    clock.advance(stepMs);
  }
  return out;
};

describe('per-account rate limits', () => {
  it('answers the 13th order request inside one second with 429, the body and headers of the spec', async () => {
    const first12 = await statuses('order/read', 12, MAIN, 50);
    expect(first12).toEqual(Array(12).fill(200));
    const thirteenth = await call(sandbox, 'order/count');
    expect(thirteenth.status).toBe(429);
    expect(thirteenth.text).toBe('{"message":"API rate limit exceeded"}');
    expect(thirteenth.headers.get('x-ratelimit-limit-second')).toBe('12');
    expect(thirteenth.headers.get('x-ratelimit-remaining-second')).toBe('0');
    // The header names of the spec's own 429 example.
    expect(thirteenth.headers.get('x-ratelimit-limit-3second')).toBe('36');
    expect(thirteenth.headers.get('x-ratelimit-remaining-3second')).toBe('0');
    expect(thirteenth.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(sandbox.requestLog.at(-1)).toMatchObject({
      route: 'order/count',
      status: 429,
      account: MAIN.username,
      bucket: 'orders',
    });
  });

  it('answers the 4th non-order request inside one second with 429, whatever the mix of routes', async () => {
    const routes = ['product_offer/read', 'vat/read', 'courier_accounts/read', 'category/read'];
    const got: number[] = [];
    for (const route of routes) got.push((await call(sandbox, route)).status);
    expect(got).toEqual([200, 200, 200, 429]);
    // The order bucket is separate and still open.
    expect((await call(sandbox, 'order/read')).status).toBe(200);
  });

  it('uses a sliding window: a slot frees exactly one second after the request that took it', async () => {
    expect(await statuses('vat/read', 3, MAIN, 300)).toEqual([200, 200, 200]);
    // now = first + 900 ms: the window still holds 3.
    expect((await call(sandbox, 'vat/read')).status).toBe(429);
    clock.advance(100); // first + 1000 ms: the first request left the window.
    expect((await call(sandbox, 'vat/read')).status).toBe(200);
    expect((await call(sandbox, 'vat/read')).status).toBe(429);
  });

  it('reports the budget of a 3-second window in the X-RateLimit-*-3second headers of the spec', async () => {
    const first = await call(sandbox, 'vat/read');
    clock.advance(1500);
    const second = await call(sandbox, 'vat/read');
    clock.advance(2000); // the first request has left the 3-second window
    const third = await call(sandbox, 'vat/read');
    expect(first.headers.get('x-ratelimit-limit-3second')).toBe('9');
    expect(first.headers.get('x-ratelimit-remaining-3second')).toBe('8');
    expect(second.headers.get('x-ratelimit-remaining-3second')).toBe('7');
    expect(third.headers.get('x-ratelimit-remaining-3second')).toBe('7');
  });

  it('reports the minute budget in X-RateLimit-*-Minute headers', async () => {
    const first = await call(sandbox, 'order/read');
    clock.advance(2000);
    const second = await call(sandbox, 'order/read');
    expect(first.headers.get('x-ratelimit-limit-minute')).toBe('720');
    expect(first.headers.get('x-ratelimit-remaining-minute')).toBe('719');
    expect(second.headers.get('x-ratelimit-remaining-minute')).toBe('718');
    expect(second.headers.get('x-ratelimit-remaining-second')).toBe('11');
  });

  it('keeps budgets per account', async () => {
    expect(await statuses('vat/read', 4, MAIN)).toEqual([200, 200, 200, 429]);
    expect(await statuses('vat/read', 3, FBE)).toEqual([200, 200, 200]);
  });

  it('counts invalid requests, but neither refused (429) nor unauthenticated ones', async () => {
    expect((await call(sandbox, 'order/read', { itemsPerPage: 1000 })).json.isError).toBe(true);
    for (let i = 0; i < 5; i++) {
      expect((await call(sandbox, 'order/read', {}, { username: MAIN.username, password: 'x' })).status).toBe(401);
    }
    expect(await statuses('order/read', 12)).toEqual([...Array(11).fill(200), 429]);
    clock.advance(1000);
    expect((await call(sandbox, 'order/read')).status).toBe(200);
  });

  it('can be switched off and on at run time', async () => {
    sandbox.setRateLimit(false);
    expect(await statuses('vat/read', 6)).toEqual(Array(6).fill(200));
    sandbox.setRateLimit(true);
    expect((await call(sandbox, 'vat/read')).status).toBe(429);
  });

  it('logs every request with time, route, account and status so a client can be proven under the limits', async () => {
    await statuses('order/read', 13, MAIN, 10);
    const log = sandbox.requestLog;
    expect(log).toHaveLength(13);
    expect(log.filter((e) => e.status === 429)).toHaveLength(1);
    expect(log.every((e, i) => i === 0 || e.at >= (log[i - 1]?.at ?? 0))).toBe(true);
    expect(new Set(log.map((e) => e.method))).toEqual(new Set(['POST']));
  });
});
