import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmagClient, type EmagClient, type EmagClientConfig } from '../../main/core/emag';
import { rawOf } from '../../main/core/emag/tolerant';
import { createMemoryLogger, type MemoryLogger } from '../../main/core/logging';
import { createMetrics, type AppMetrics } from '../../main/core/metrics';
import { failure } from './support/failure';
import { ok, startStubServer, type StubServer } from './support/stubServer';

const PASSWORD = 'Sup3r-Secret-Pa55';
const USERNAME = 'seller@example.ro';
const BASIC = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');

let stub: StubServer;
let logger: MemoryLogger;
let metrics: AppMetrics;

beforeEach(async () => {
  stub = await startStubServer();
  // Raw capture: proves the client redacts on its own, whatever sink it is given.
  logger = createMemoryLogger({ redact: false });
  metrics = createMetrics();
});
afterEach(async () => {
  await stub.close();
});

/** A client with fast retries and a generous rate budget, so unit tests run quickly. */
function client(overrides: Partial<EmagClientConfig> = {}): EmagClient {
  return createEmagClient(
    {
      account: 'main',
      platform: 'emag-ro',
      apiUrl: stub.url,
      username: USERNAME,
      password: PASSWORD,
      rateLimits: { orders: { perSecond: 1000, perMinute: 60_000 }, other: { perSecond: 1000, perMinute: 60_000 } },
      retry: { initialDelayMs: 5, maxDelayMs: 20 },
      ...overrides,
    },
    { logger, metrics },
  );
}

/** An AWB for order 1 (the shop and customer need not exist: the stub server answers whatever it is told). */
const awb = {
  order_id: 1,
  sender: {
    name: 'Shop',
    contact: 'Ion',
    phone1: '0740000000',
    legal_entity: 1 as const,
    locality_id: 1,
    street: 'Str 1',
  },
  receiver: {
    name: 'Ana',
    contact: 'Ana',
    phone1: '0740000001',
    legal_entity: 0 as const,
    locality_id: 2,
    street: 'Str 2',
  },
  is_oversize: 0 as const,
  envelope_number: 0,
  parcel_number: 1,
  cod: 0,
};

const order = (id: number) => ({ id, status: 1, type: 3, customer: { name: `Client ${id}` }, products: [] });

describe('requests', () => {
  it('POSTs JSON filters with Basic auth to MARKETPLACE_API_URL/resource/action and parses the orders', async () => {
    stub.handle(() => ok([order(1), order(2)]));
    const orders = await client().orders.read({ status: 1, itemsPerPage: 50 });
    expect(orders.map((o) => o.id)).toEqual([1, 2]);
    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api-3/order/read');
    expect(request?.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ status: 1, itemsPerPage: 50 });
  });

  it('puts ids in the path for acknowledge, unlock-courier (the documented order/{id}/unlock-courier) and offer_stock', async () => {
    const c = client();
    await c.orders.acknowledge(123);
    await c.orders.unlockCourier(124);
    await c.offerStock.update(44, 7);
    await c.offerStock.update(45, 0, { warehouseId: 2 });
    expect(stub.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api-3/order/acknowledge/123',
      'POST /api-3/order/124/unlock-courier',
      'PATCH /api-3/offer_stock/44',
      'PATCH /api-3/offer_stock/45',
    ]);
    // Stock goes as eMAG's warehouse list, never a bare number.
    expect(JSON.parse(stub.requests[2]?.body ?? '')).toEqual({ stock: [{ warehouse_id: 1, value: 7 }] });
    expect(JSON.parse(stub.requests[3]?.body ?? '')).toEqual({ stock: [{ warehouse_id: 2, value: 0 }] });
  });

  it('sends a status change as order/save of the whole order with the new status', async () => {
    const read = {
      id: 9,
      status: 2,
      type: 3,
      customer: { name: 'A' },
      products: [{ id: 1, quantity: 1 }],
      extra: null,
    };
    const result = await client().orders.changeStatus(read, 3);
    expect(result.messages).toEqual([]);
    expect(JSON.parse(stub.requests[0]?.body ?? '')).toEqual([{ ...read, status: 3 }]);
  });

  it('returns eMAG warnings that come with a successful save', async () => {
    stub.handle(() => ok([], ['Family is not valid, product saved']));
    const result = await client().offers.update([{ id: 1, sale_price: 10 }]);
    expect(result.messages).toEqual(['Family is not valid, product saved']);
  });
});

describe('argument checks (nothing is sent)', () => {
  it('refuses pages above 100, batches above 50, half date windows and bad ids', async () => {
    const c = client();
    expect((await failure(c.orders.read({ itemsPerPage: 101 }))).kind).toBe('config');
    const offers = Array.from({ length: 51 }, (_, i) => ({ id: i + 1 }));
    expect((await failure(c.offers.update(offers))).message).toMatch(/at most 50/);
    expect((await failure(c.orders.read({ createdBefore: '2025-03-01 00:00:00' }))).message).toMatch(/createdAfter/);
    const tooWide = { modifiedAfter: '2025-01-31 00:00:00', modifiedBefore: '2025-03-01 00:00:00' };
    expect((await failure(c.orders.count(tooWide))).message).toMatch(/one month/);
    expect((await failure(c.orders.acknowledge(0))).kind).toBe('config');
    expect((await failure(c.offerStock.update(1, 70_000))).kind).toBe('config');
    expect(stub.requests).toHaveLength(0);
  });

  it('accepts a window of exactly one calendar month', async () => {
    await client().orders.read({ createdAfter: '2025-01-31 10:00:00', createdBefore: '2025-02-28 10:00:00' });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('failures', () => {
  it('retries 5xx and resets, then succeeds', async () => {
    let n = 0;
    stub.handle(() => (++n === 1 ? { status: 500, body: 'oops' } : n === 2 ? { reset: true } : ok([order(1)])));
    const orders = await client().orders.read();
    expect(orders).toHaveLength(1);
    expect(stub.requests).toHaveLength(3);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/magflow_emag_retries_total\{account="main",route="order\/read"\} 2/);
    expect(text).toMatch(/magflow_emag_requests_total\{account="main",route="order\/read",outcome="transport"\} 2/);
    expect(text).toMatch(/magflow_emag_requests_total\{account="main",route="order\/read",outcome="ok"\} 1/);
  });

  it('gives up after maxAttempts with the last transport error', async () => {
    stub.handle(() => ({ status: 503, body: 'down' }));
    const error = await failure(client().orders.count());
    expect(error.kind).toBe('transport');
    expect(error.status).toBe(503);
    expect(error.account).toBe('main');
    expect(stub.requests).toHaveLength(3);
  });

  it('does not retry wrong credentials', async () => {
    stub.handle(() => ({ status: 401, body: { isError: true, messages: ['Invalid username or password'] } }));
    const error = await failure(client().orders.read());
    expect(error.kind).toBe('auth');
    expect(error.messages).toEqual(['Invalid username or password']);
    expect(stub.requests).toHaveLength(1);
  });

  it('does not retry isError: true and carries eMAG messages', async () => {
    stub.handle(() => ({ body: { isError: true, messages: ['Order 5 cannot move from 1 to 4'], results: [] } }));
    const error = await failure(client().orders.changeStatus({ id: 5, status: 1 }, 4));
    expect(error.kind).toBe('api');
    expect(error.messages).toEqual(['Order 5 cannot move from 1 to 4']);
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a garbled body but not an envelope without isError', async () => {
    stub.handle(() => ({ body: '{"isError":false,"resu' }));
    expect((await failure(client().vat.read())).kind).toBe('badResponse');
    expect(stub.requests).toHaveLength(3);
    stub.requests.length = 0;
    stub.handle(() => ({ body: { results: [] } }));
    expect((await failure(client().vat.read())).kind).toBe('badResponse');
    expect(stub.requests).toHaveLength(1);
  });

  it('reports results of an unexpected shape as badResponse, naming the field', async () => {
    stub.handle(() => ok([{ id: 'abc', status: 1 }]));
    const error = await failure(client().orders.read());
    expect(error.kind).toBe('badResponse');
    expect(error.message).toMatch(/order abc .*id: /);
    expect(stub.requests).toHaveLength(1);
  });

  it('reads a page record by record: an odd one is set aside whole, the others kept exactly as eMAG sent them', async () => {
    const good = { id: '12', status: '4', shipping_tax: 14.99, cashed_co: null, future_key: { any: ['thing'] } };
    const odd = { id: 13, status: 'finalized', customer: { name: 'Ion' } };
    stub.handle(() => ok([good, odd, { status: 1 }]));
    const page = await client().orders.readPage({ status: 4 });
    expect(page.size).toBe(3);
    expect(page.items.map((order) => order.id)).toEqual([12]);
    expect(rawOf(page.items[0]!)).toEqual(good);
    expect(page.setAside).toEqual([
      { emagId: '13', raw: odd, reason: expect.stringMatching(/order 13 .*status/) },
      { emagId: '', raw: { status: 1 }, reason: expect.stringMatching(/order without an id .*id/) },
    ]);
  });

  it('still fails a page whose envelope or results list is wrong as a whole', async () => {
    stub.handle(() => ({ body: { isError: false, messages: [] } }));
    expect((await failure(client().orders.readPage())).message).toMatch(/no results/);
    stub.handle(() => ok('not a list'));
    expect((await failure(client().orders.readPage())).kind).toBe('badResponse');
  });

  it('never repeats an AWB save eMAG may have processed, but does repeat one refused with 429', async () => {
    stub.handle(() => ({ status: 500, body: 'err' }));
    const error = await failure(client().awb.save(awb));
    expect(error.kind).toBe('transport');
    expect(error.retryable).toBe(false);
    expect(stub.requests).toHaveLength(1);

    stub.requests.length = 0;
    let n = 0;
    stub.handle(() =>
      ++n === 1
        ? { status: 429, body: { message: 'API rate limit exceeded' } }
        : ok({ reservation_id: 7, awb: [{ emag_id: 3, awb_number: 'SD3' }] }),
    );
    const c = client({ rateLimits: { penaltyMs: 10 } });
    const saved = await c.awb.save(awb);
    expect(saved[0]?.awb?.[0]?.awb_number).toBe('SD3');
    expect(stub.requests).toHaveLength(2);
    expect(c.limiterStats().other.hits429).toBe(1);
    expect(c.limiterStats().other.slowdown).toBe(2);
  });

  it('repeats an order/save that only restates orders, but not one that adds a line or returns products', async () => {
    stub.handle(() => ({ status: 500, body: 'err' }));
    const read = { id: 9, status: 2, type: 3, products: [{ id: 1, product_id: 5, quantity: 1, sale_price: '10' }] };
    const restate = await failure(client().orders.save([{ ...read, status: 3 }]));
    expect(restate.retryable).toBe(true);
    expect(stub.requests).toHaveLength(3);

    stub.requests.length = 0;
    const newLine = { product_id: 6, name: 'Husă', quantity: 1, status: 1, sale_price: '9.99' };
    const adds = await failure(client().orders.save({ ...read, products: [...read.products, newLine] }));
    expect(adds).toMatchObject({ kind: 'transport', retryable: false });
    expect(stub.requests).toHaveLength(1);

    stub.requests.length = 0;
    const storno = { ...read, status: 4, is_storno: true, products: [{ ...read.products[0], quantity: 0 }] };
    expect((await failure(client().orders.save(storno))).retryable).toBe(false);
    expect(stub.requests).toHaveLength(1);
  });

  it('does not repeat a timed-out AWB save or a failed attachment upload (eMAG may have acted)', async () => {
    stub.handle(() => ({ ...ok({ reservation_id: 7, awb: [] }), delayMs: 1_000 }));
    const timedOut = await failure(client({ timeoutMs: 100 }).awb.save(awb));
    expect(timedOut).toMatchObject({ kind: 'timeout', retryable: false });
    expect(stub.requests).toHaveLength(1);

    stub.requests.length = 0;
    stub.handle(() => ({ status: 502, body: 'bad gateway' }));
    const invoice = { order_id: 1, order_type: 3, url: 'https://shop.example.ro/f/1.pdf' };
    const failed = await failure(client().attachments.save(invoice));
    expect(failed).toMatchObject({ kind: 'transport', status: 502, retryable: false });
    expect(stub.requests).toHaveLength(1);
  });

  it('times out a request that does not answer in time', async () => {
    stub.handle(() => ({ ...ok([]), delayMs: 2_000 }));
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 100, retry: { maxAttempts: 1 } }).vat.read());
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await metrics.registry.metrics()).toMatch(
      /magflow_emag_timeouts_total\{account="main",route="vat\/read"\} 1/,
    );
  });
});

describe('cancellation', () => {
  it('aborts a request in flight at once', async () => {
    stub.handle(() => ({ ...ok([]), delayMs: 2_000 }));
    const controller = new AbortController();
    const pending = client().orders.read({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(pending);
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(stub.requests).toHaveLength(1);
  });

  it('aborts a call parked in a retry backoff without sending again', async () => {
    stub.handle(() => ({ status: 500, body: 'x' }));
    const controller = new AbortController();
    const c = client({ retry: { initialDelayMs: 5_000, maxDelayMs: 5_000 } });
    const pending = c.orders.read({}, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
    expect(stub.requests).toHaveLength(1);
  });

  it('aborts a call waiting for a rate-limit slot, and sends nothing for an already aborted signal', async () => {
    const c = client({ rateLimits: { other: { perSecond: 1, perMinute: 60 } } });
    await c.vat.read();
    const controller = new AbortController();
    const queued = c.vat.read({ signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(c.limiterStats().other.queued).toBe(1);
    controller.abort();
    expect((await failure(queued)).kind).toBe('aborted');
    expect(c.limiterStats().other.queued).toBe(0);
    expect((await failure(c.vat.read({ signal: AbortSignal.abort() }))).kind).toBe('aborted');
    expect(stub.requests).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, fails fast while open, and closes after a successful trial', async () => {
    stub.handle(() => ({ status: 500, body: 'down' }));
    const c = client({ breaker: { consecutiveFailures: 2, halfOpenAfterMs: 300 } });
    const first = await failure(c.orders.read());
    expect(first.kind).toBe('circuitOpen');
    expect(first.message).toMatch(/HTTP 500/);
    expect(stub.requests).toHaveLength(2);
    expect(c.breakerState()).toBe('open');

    const fast = await failure(c.orders.read());
    expect(fast.kind).toBe('circuitOpen');
    expect(stub.requests).toHaveLength(2);
    expect(await metrics.registry.metrics()).toMatch(/magflow_emag_circuit_breaker_state\{account="main"\} 1/);

    await new Promise((resolve) => setTimeout(resolve, 350));
    stub.handle(() => ok([order(1)]));
    expect(await c.orders.read()).toHaveLength(1);
    expect(c.breakerState()).toBe('closed');
    expect(await metrics.registry.metrics()).toMatch(/magflow_emag_circuit_breaker_state\{account="main"\} 0/);
  });

  it('is not tripped by auth or validation errors', async () => {
    stub.handle(() => ({ body: { isError: true, messages: ['bad filter'] } }));
    const c = client({ breaker: { consecutiveFailures: 2 } });
    for (let i = 0; i < 4; i++) await failure(c.orders.read());
    expect(c.breakerState()).toBe('closed');
  });
});

describe('in-flight cap', () => {
  it('never has more than maxInFlight requests of a bucket at the server', async () => {
    let active = 0;
    let peak = 0;
    stub.handle(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 30));
      active--;
      return ok([]);
    });
    const c = client({ maxInFlight: { other: 2 } });
    await Promise.all(Array.from({ length: 8 }, () => c.vat.read()));
    expect(peak).toBe(2);
    expect(stub.requests).toHaveLength(8);
  });
});

describe('logging', () => {
  it('never writes the password or the Basic token, even when eMAG echoes them back', async () => {
    stub.handle((req) => ({
      status: 401,
      body: { isError: true, messages: [`rejected ${String(req.headers.authorization)} / password ${PASSWORD}`] },
    }));
    const error = await failure(client().orders.read());
    expect(error.kind).toBe('auth');
    // The error handed to the caller is scrubbed too: the caller may log it anywhere.
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
    expect(JSON.stringify(error)).not.toContain(BASIC);
    expect(error.messages[0]).toMatch(/^rejected Basic \[REDACTED\]/);
    stub.handle(() => ({ status: 500 }));
    await failure(client().vat.read());
    const lines = logger.lines();
    expect(lines.some((line) => line.includes('eMAG call failed'))).toBe(true);
    expect(lines.some((line) => line.includes('Retrying eMAG request'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain(BASIC);
    }
  });
});
