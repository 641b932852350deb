// Failures where the client cannot know what eMAG did (the answer was lost after eMAG acted), IP refusals, and the
// breaker being per account. Over real HTTP against the sandbox; each scenario has its own sandbox account.
import { beforeAll, describe, expect, it } from 'vitest';
import { type EmagAwbInput, type EmagClient } from '../../main/core/emag';
import { createMemoryLogger } from '../../main/core/logging';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { failure } from './support/failure';
import { SHOP_SENDER } from './support/awb';
import { cleanUpSandbox, logFor, sandboxClient } from './support/sandboxClient';

const LOST = { username: 'shop-lost', password: 'lost-Pa55-word' };
const BLOCKED = { username: 'shop-ip', password: 'ip-Pa55-word' };
const FAILING = { username: 'shop-down', password: 'down-Pa55-word' };
const HEALTHY = { username: 'shop-up', password: 'up-Pa55-word' };
const fastRetries = { retry: { initialDelayMs: 20, maxDelayMs: 100 } };
const logger = createMemoryLogger({ redact: false });

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 21,
    accounts: [LOST, BLOCKED, FAILING, HEALTHY].map((a) => ({ ...a, kind: 'main' as const, orders: 10, offers: 5 })),
  });
});
cleanUpSandbox(() => sandbox);

/** A seller order in progress, shippable with any courier. */
function orderInProgress(): number {
  const [order] = sandbox.addOrders(LOST.username, 1, { enforced_vendor_courier_accounts: null });
  const id = order?.id ?? 0;
  sandbox.setOrderStatus(LOST.username, id, 2);
  return id;
}

const awbFor = (orderId: number): EmagAwbInput => ({
  order_id: orderId,
  sender: SHOP_SENDER,
  receiver: {
    name: 'Ana Pop',
    contact: 'Ana Pop',
    phone1: '0740000001',
    legal_entity: 0,
    locality_id: 4510,
    street: 'Str. Scurta 2',
  },
  is_oversize: 0,
  envelope_number: 0,
  parcel_number: 1,
  cod: '149.90',
});

describe('answers lost after eMAG acted (the "connection closed" seen on acknowledge)', () => {
  // One client per account, as the app has: the client's rate limiter then sees every request of the account.
  let client: EmagClient;
  beforeAll(() => {
    client = sandboxClient(sandbox, LOST, fastRetries, { logger }).client;
  });

  it('an acknowledge whose answer is lost is sent again and succeeds: acknowledging twice is harmless', async () => {
    const [order] = sandbox.addOrders(LOST.username, 1);
    sandbox.setFaults([{ route: 'order/acknowledge', account: LOST.username, kind: 'resetAfter', count: 1 }]);
    await client.orders.acknowledge(order?.id ?? 0);
    expect(logFor(sandbox, LOST.username).map((e) => e.fault ?? e.status)).toEqual(['resetAfter', 200]);
    expect(sandbox.orders(LOST.username).find((o) => o.id === order?.id)?.status).toBe(2);
  });

  it('an AWB save whose answer is lost is NOT sent again: one transport error, one AWB, the order finalized', async () => {
    const orderId = orderInProgress();
    sandbox.setFaults([{ route: 'awb/save', account: LOST.username, kind: 'resetAfter' }]);
    const error = await failure(client.awb.save(awbFor(orderId)));
    expect(error.kind).toBe('transport');
    expect(error.retryable).toBe(false);
    expect(logFor(sandbox, LOST.username).map((e) => e.route)).toEqual(['awb/save']);
    // What a caller checks before issuing again: the AWB exists, so the order is already finalized.
    sandbox.setFaults([]);
    const [after] = await client.orders.read({ id: orderId });
    expect(after?.status).toBe(4);
  });

  it('an AWB save dropped before eMAG acted is not repeated either: the client cannot tell the two apart', async () => {
    const orderId = orderInProgress();
    sandbox.setFaults([{ route: 'awb/save', account: LOST.username, kind: 'reset' }]);
    const error = await failure(client.awb.save(awbFor(orderId)));
    expect(error).toMatchObject({ kind: 'transport', retryable: false });
    expect(logFor(sandbox, LOST.username)).toHaveLength(1);
    sandbox.setFaults([]);
    expect((await client.orders.read({ id: orderId }))[0]?.status).toBe(2);
  });

  it('an AWB save answered with a cut-off body is not repeated: eMAG did issue it', async () => {
    const orderId = orderInProgress();
    sandbox.setFaults([{ route: 'awb/save', account: LOST.username, kind: 'malformedJson' }]);
    const error = await failure(client.awb.save(awbFor(orderId)));
    expect(error).toMatchObject({ kind: 'badResponse', retryable: false });
    expect(logFor(sandbox, LOST.username)).toHaveLength(1);
  });

  it('an order/save adding a line whose answer is lost is not repeated: the line is added once', async () => {
    const orderId = orderInProgress();
    const [order] = await client.orders.readRaw({ id: orderId });
    if (!order) throw new Error('order not read back');
    const extra = { product_id: 999_002, name: 'Garanție extinsă', quantity: 1, status: 1, sale_price: '49.0000' };
    sandbox.setFaults([{ route: 'order/save', account: LOST.username, kind: 'resetAfter' }]);
    const error = await failure(
      client.orders.save({ ...order, products: [...(order.products as unknown[]), extra] } as typeof order),
    );
    expect(error).toMatchObject({ kind: 'transport', retryable: false });
    expect(logFor(sandbox, LOST.username).filter((e) => e.route === 'order/save')).toHaveLength(1);
    sandbox.setFaults([]);
    const [after] = await client.orders.read({ id: orderId });
    expect(after?.products?.filter((p) => p.product_id === '999002')).toHaveLength(1);
  });

  it('an AWB save refused with 429 is sent again, since eMAG never processed it', async () => {
    const orderId = orderInProgress();
    sandbox.setFaults([{ route: 'awb/save', account: LOST.username, kind: 'http429', count: 1 }]);
    const saved = await client.awb.save(awbFor(orderId));
    expect(saved[0]?.awb?.[0]?.emag_id).toBeGreaterThan(0);
    expect(logFor(sandbox, LOST.username).map((e) => e.status)).toEqual([429, 200]);
  });
});

describe('IP not whitelisted', () => {
  it('an isError answer about the IP is an auth error, not retried, and does not trip the breaker', async () => {
    const { client, metrics } = sandboxClient(
      sandbox,
      BLOCKED,
      { ...fastRetries, breaker: { consecutiveFailures: 2 } },
      { logger },
    );
    sandbox.setFaults([{ route: '*', account: BLOCKED.username, kind: 'ipBlocked' }]);
    for (let i = 0; i < 3; i++) {
      const error = await failure(client.orders.count());
      expect(error.kind).toBe('auth');
      expect(error.status).toBe(200);
      expect(error.messages[0]).toMatch(/not whitelisted/);
    }
    expect(logFor(sandbox, BLOCKED.username)).toHaveLength(3);
    expect(client.breakerState()).toBe('closed');
    expect(await metrics.registry.metrics()).toMatch(
      /magflow_emag_requests_total\{account="shop-ip",route="order\/count",outcome="auth"\} 3/,
    );
  });
});

describe('one breaker per account', () => {
  it("an account whose calls all fail opens its own breaker; another account's calls still go through", async () => {
    sandbox.setFaults([{ route: '*', account: FAILING.username, kind: 'http500' }]);
    const breaker = { consecutiveFailures: 2, halfOpenAfterMs: 60_000 };
    const failing = sandboxClient(sandbox, FAILING, { ...fastRetries, breaker }, { logger });
    const healthy = sandboxClient(sandbox, HEALTHY, { ...fastRetries, breaker }, { metrics: failing.metrics, logger });
    expect((await failure(failing.client.orders.read())).kind).toBe('circuitOpen');
    expect(failing.client.breakerState()).toBe('open');
    expect(await healthy.client.orders.read({ itemsPerPage: 3 })).toHaveLength(3);
    expect(healthy.client.breakerState()).toBe('closed');
    expect(logFor(sandbox, FAILING.username)).toHaveLength(2);
    // One registry for the app: the gauge shows each account's breaker.
    const text = await failing.metrics.registry.metrics();
    expect(text).toMatch(/magflow_emag_circuit_breaker_state\{account="shop-down"\} 1/);
    expect(text).toMatch(/magflow_emag_circuit_breaker_state\{account="shop-up"\} 0/);
  });
});

describe('secrets', () => {
  it('never appear in the log lines of these scenarios', () => {
    const lines = logger.lines();
    expect(lines.length).toBeGreaterThan(5);
    for (const { username, password } of [LOST, BLOCKED, FAILING, HEALTHY]) {
      const token = Buffer.from(`${username}:${password}`).toString('base64');
      for (const line of lines) {
        expect(line).not.toContain(password);
        expect(line).not.toContain(token);
      }
    }
  });
});
