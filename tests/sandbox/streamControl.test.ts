import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type EmagOrderRecord, type RequestLogEntry, type Sandbox } from '../../main/sandbox';
import { MAIN, call, results, start } from './helpers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const control = async (s: Sandbox, path: string, init: { method?: string; body?: unknown } = {}) => {
  const response = await fetch(`${s.controlUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

const waitFor = async (check: () => boolean, timeoutMs = 5000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('demo order stream', () => {
  it('adds new status-1 orders over time, and the customer cancels some before acknowledgement', async () => {
    sandbox = await startSandbox({ newOrderEverySec: 0.02, ordersPerAccount: 5, rateLimit: false });
    const s = sandbox;
    const initial = s.orders('demo-main').length + s.orders('demo-fbe').length;
    const streamed = (): EmagOrderRecord[] => [...s.orders('demo-main').slice(5), ...s.orders('demo-fbe').slice(5)];
    await waitFor(() => streamed().some((o) => o.status === 0));
    const fresh = streamed();
    expect(s.orders('demo-main').length + s.orders('demo-fbe').length).toBeGreaterThan(initial);
    expect(fresh.filter((o) => o.status === 0).every((o) => typeof o.reason_cancellation === 'number')).toBe(true);
    expect(fresh.some((o) => o.status === 1)).toBe(true);
    const seen = await call(s, 'order/read', { status: [0, 1] });
    expect((seen.json.results as unknown[]).length).toBeGreaterThan(0);
  });

  it('can be started, retimed and stopped at run time through the control route', async () => {
    const started = await start({ ordersPerAccount: 5 });
    sandbox = started.sandbox;
    const s = sandbox;
    const total = (): number => s.orders('demo-main').length + s.orders('demo-fbe').length;
    expect((await control(s, '/state')).json.newOrderEverySec).toBe(0);
    const on = await control(s, '/stream', { body: { everySec: 0.02 } });
    expect(on).toEqual({ status: 200, json: { everySec: 0.02 } });
    expect((await control(s, '/state')).json.newOrderEverySec).toBe(0.02);
    await waitFor(() => total() > 13);
    await control(s, '/stream', { body: { everySec: 0 } });
    const stopped = total();
    await new Promise((r) => setTimeout(r, 100));
    expect(total()).toBe(stopped);
    expect((await control(s, '/stream', { body: { everySec: -1 } })).status).toBe(400);
  });

  it('stops adding orders after close()', async () => {
    sandbox = await startSandbox({ newOrderEverySec: 0.02, ordersPerAccount: 5 });
    const s = sandbox;
    await waitFor(() => s.orders('demo-main').length + s.orders('demo-fbe').length > 12);
    await s.close();
    const after = s.orders('demo-main').length + s.orders('demo-fbe').length;
    await new Promise((r) => setTimeout(r, 100));
    expect(s.orders('demo-main').length + s.orders('demo-fbe').length).toBe(after);
    sandbox = undefined;
  });
});

describe('in-process handle', () => {
  it('addOrders creates new status-1 orders dated now, with overrides', async () => {
    const started = await start({ ordersPerAccount: 5 });
    sandbox = started.sandbox;
    const added = sandbox.addOrders(MAIN.username, 3, { payment_mode_id: 2 });
    expect(added).toHaveLength(3);
    expect(added.every((o) => o.status === 1 && o.payment_mode_id === 2 && o.type === 3)).toBe(true);
    const read = await results<EmagOrderRecord[]>(sandbox, 'order/read', { status: 1, payment_mode_id: 2 });
    expect(read.map((o) => o.id)).toEqual(expect.arrayContaining(added.map((o) => o.id)));
  });

  it('setOrderStatus bypasses the matrix and bumps modified', async () => {
    const started = await start({ ordersPerAccount: 5 });
    sandbox = started.sandbox;
    const [order] = sandbox.addOrders(MAIN.username, 1);
    started.clock.advance(60_000);
    sandbox.setOrderStatus(MAIN.username, order?.id as number, 0);
    const [read] = await results<EmagOrderRecord[]>(sandbox, 'order/read', { id: order?.id });
    expect(read?.status).toBe(0);
    expect((read?.modified ?? '') > (order?.date ?? '')).toBe(true);
  });
});

describe('control route', () => {
  it('adds orders, moves their status, and lists them in state', async () => {
    const started = await start({ ordersPerAccount: 5 });
    sandbox = started.sandbox;
    const added = await control(sandbox, '/orders', { body: { account: MAIN.username, count: 2 } });
    expect(added.status).toBe(200);
    const orders = added.json.orders as EmagOrderRecord[];
    expect(orders).toHaveLength(2);
    const moved = await control(sandbox, '/orders/status', {
      body: { account: MAIN.username, orderId: orders[0]?.id, status: 0 },
    });
    expect(moved.status).toBe(200);
    expect(sandbox.orders(MAIN.username).find((o) => o.id === orders[0]?.id)?.status).toBe(0);
    const state = await control(sandbox, '/state');
    expect(state.json.accounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: MAIN.username, orders: 7 })]),
    );
  });

  it('sets and clears faults, toggles the rate limit, and serves and clears the request log', async () => {
    const started = await start({ ordersPerAccount: 5, rateLimit: true });
    sandbox = started.sandbox;
    const set = await control(sandbox, '/faults', { body: [{ route: 'order/read', kind: 'isError', count: 1 }] });
    expect(set.json.faults).toHaveLength(1);
    expect((await call(sandbox, 'order/read')).json.isError).toBe(true);
    expect((await call(sandbox, 'order/read')).json.isError).toBe(false);
    await control(sandbox, '/faults', { method: 'DELETE' });
    expect((await control(sandbox, '/faults')).json.faults).toEqual([]);

    await control(sandbox, '/rate-limit', { body: { enabled: false } });
    for (let i = 0; i < 5; i++) expect((await call(sandbox, 'vat/read')).status).toBe(200);

    const log = await control(sandbox, `/requests?route=order/read&account=${MAIN.username}`);
    const entries = log.json.requests as RequestLogEntry[];
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ route: 'order/read', fault: 'isError', status: 200 });
    expect((await control(sandbox, '/requests', { method: 'DELETE' })).json.cleared).toBe(7);
    expect(sandbox.requestLog).toEqual([]);
  });

  it('answers bad control input with 400 and unknown control routes with 404', async () => {
    const started = await start({ ordersPerAccount: 5 });
    sandbox = started.sandbox;
    expect((await control(sandbox, '/faults', { body: [{ kind: 'meltdown' }] })).status).toBe(400);
    expect((await control(sandbox, '/orders', { body: { account: MAIN.username, count: 0 } })).status).toBe(400);
    expect((await control(sandbox, '/orders', { body: { account: 'nobody' } })).status).toBe(400);
    expect((await control(sandbox, '/nothing')).status).toBe(404);
    expect(sandbox.requestLog).toEqual([]);
  });
});
