import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Sandbox } from '../../main/sandbox';
import { ApiRefusal } from '../../main/sandbox/envelope';
import { parseWith } from '../../main/sandbox/payload';
import { FBE, MAIN, basic, call, start } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  ({ sandbox } = await start({ rateLimit: true }));
});
afterAll(() => sandbox.close());

describe('sandbox envelope and auth', () => {
  it('binds to 127.0.0.1 and exposes the /api-3 base URL and the control URL', () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}/api-3`);
    expect(sandbox.controlUrl).toBe(`http://127.0.0.1:${sandbox.port}/__control`);
  });

  it('answers every call with the {isError, messages, results} envelope as application/json', async () => {
    const reply = await call(sandbox, 'vat/read');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(reply.json).sort()).toEqual(['isError', 'messages', 'results']);
    expect(reply.json.isError).toBe(false);
    expect(reply.json.messages).toEqual([]);
  });

  it('refuses a wrong password with HTTP 401 and an isError envelope, and logs it without an account', async () => {
    sandbox.clearRequestLog();
    const reply = await call(sandbox, 'order/read', {}, { username: MAIN.username, password: 'nope' });
    expect(reply.status).toBe(401);
    expect(reply.json.isError).toBe(true);
    expect(reply.json.messages?.length).toBeGreaterThan(0);
    expect(sandbox.requestLog).toEqual([
      expect.objectContaining({ route: 'order/read', account: null, status: 401, bucket: 'orders' }),
    ]);
  });

  it('refuses an unknown user and a request without credentials the same way', async () => {
    const unknown = await call(sandbox, 'order/read', {}, { username: 'ghost', password: 'demo-main-secret' });
    const bare = await fetch(`${sandbox.url}/order/read`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(401);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { isError: boolean }).isError).toBe(true);
  });

  it('keeps accounts apart: each set of credentials sees only its own data', async () => {
    const mainOffers = await call(sandbox, 'product_offer/read', { itemsPerPage: 5 }, MAIN);
    const fbeOffers = await call(sandbox, 'product_offer/read', { itemsPerPage: 5 }, FBE);
    expect(mainOffers.json.results).toEqual(sandbox.offers(MAIN.username).slice(0, 5));
    expect(fbeOffers.json.results).toEqual(sandbox.offers(FBE.username).slice(0, 5));
    expect(mainOffers.json.results).not.toEqual(fbeOffers.json.results);
  });

  it('takes the filters as the plain JSON body only: wrapped in `data`, as a string, or form-encoded is refused', async () => {
    const filters = { status: [1, 2, 3, 4], itemsPerPage: 7 };
    const direct = await call(sandbox, 'order/read', filters);
    expect(direct.json.isError).toBe(false);
    expect((direct.json.results as unknown[]).length).toBe(7);
    const refusals = [
      await call(sandbox, 'order/read', { data: filters }),
      await call(sandbox, 'order/read', { data: JSON.stringify(filters) }),
      await call(sandbox, 'order/save', { data: [{ id: 1, status: 2 }] }),
      await call(sandbox, 'order/read', undefined, MAIN, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        rawBody: new URLSearchParams({ data: JSON.stringify(filters) }).toString(),
      }),
      await call(sandbox, 'order/read', undefined, MAIN, {
        headers: { 'Content-Type': 'text/plain' },
        rawBody: JSON.stringify(filters),
      }),
    ];
    for (const reply of refusals) {
      expect(reply.status).toBe(200);
      expect(reply.json).toMatchObject({ isError: true, results: [] });
      expect(String(reply.json.messages)).toMatch(/`data` key|application\/json/);
    }
  });

  it('answers a body that is not JSON with isError true', async () => {
    const reply = await call(sandbox, 'order/read', undefined, MAIN, { rawBody: '{"itemsPerPage": 1' });
    expect(reply.status).toBe(200);
    expect(reply.json.isError).toBe(true);
    expect(String(reply.json.messages?.[0])).toMatch(/json/i);
  });

  it('refuses a request with more than 4000 elements', async () => {
    const reply = await call(sandbox, 'order/read', { status: Array.from({ length: 4001 }, () => 1) });
    expect(reply.json.isError).toBe(true);
    expect(reply.json.messages).toContain('Maximum input vars of 4000 exceeded');
  });

  it('answers an unknown route with 404 and a wrong HTTP method with 405, both in the envelope', async () => {
    const unknown = await call(sandbox, 'order/explode');
    const wrongMethod = await call(sandbox, 'offer_stock/10001', { stock: [{ warehouse_id: 1, value: 3 }] }, MAIN, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.isError).toBe(true);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.isError).toBe(true);
  });

  it('sends the rate-limit headers on authenticated answers', async () => {
    const reply = await call(sandbox, 'order/count');
    expect(reply.headers.get('x-ratelimit-limit-second')).toBe('12');
    expect(reply.headers.get('x-ratelimit-limit-minute')).toBe('720');
    expect(Number(reply.headers.get('x-ratelimit-remaining-second'))).toBeLessThan(12);
  });

  it('serves nothing outside /api-3 and /__control', async () => {
    const response = await fetch(`http://127.0.0.1:${sandbox.port}/order/read`, {
      method: 'POST',
      headers: { Authorization: basic(MAIN.username, MAIN.password) },
    });
    expect(response.status).toBe(404);
  });

  it('names a refused field once with its reason, without saying "invalid" twice', () => {
    const schema = z.object({ status: z.number(), page: z.number().min(1) });
    let refusal: unknown;
    try {
      parseWith(schema, { status: 'x', page: 0 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiRefusal);
    expect((refusal as ApiRefusal).messages).toEqual([
      'status: Invalid input: expected number, received string',
      'page: Too small: expected number to be >=1',
    ]);
  });
});
