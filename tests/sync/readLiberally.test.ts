// Read liberally, as a property (fast-check): take orders as the sandbox answers them (live forms), replace any field
// outside the set MagFlow reads (ORDER_KEYS_READ, at every level) with arbitrary JSON and add unknown keys, serve the
// order over real HTTP on 127.0.0.1, and run the real new-orders job: the order is always stored (never set aside),
// exactly as eMAG sent it, and found by the search box.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrdersQuerySchema } from '../../shared/ipc';
import { ORDER_KEYS_READ } from '../../main/core/emag/schemas/orders';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { ok, startStubServer, type StubServer } from '../emag/support/stubServer';
import { createHarness, type Harness } from './harness';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Paths (key lists) of the fields of an order MagFlow does not read: the ones a mutation may replace. */
function replaceablePaths(order: Json): string[][] {
  const paths: string[][] = [];
  const unread = (record: unknown, read: readonly string[], at: string[]) => {
    if (!isRecord(record)) return;
    for (const key of Object.keys(record)) if (!read.includes(key)) paths.push([...at, key]);
  };
  unread(order, ORDER_KEYS_READ.order, []);
  unread(order.customer, ORDER_KEYS_READ.customer, ['customer']);
  unread(order.details, ORDER_KEYS_READ.details, ['details']);
  const each = (list: unknown, read: readonly string[], at: string[], inner?: (item: Json, path: string[]) => void) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      unread(item, read, [...at, String(i)]);
      if (inner && isRecord(item)) inner(item, [...at, String(i)]);
    });
  };
  each(order.products, ORDER_KEYS_READ.line, ['products'], (line, path) =>
    each(line.recycle_warranties, ORDER_KEYS_READ.recycleWarranty, [...path, 'recycle_warranties']),
  );
  each(order.vouchers, ORDER_KEYS_READ.voucher, ['vouchers']);
  each(order.attachments, ORDER_KEYS_READ.attachment, ['attachments']);
  return paths;
}

function setPath(target: Json, path: readonly string[], value: unknown): void {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) node = (node as Json)[key];
  (node as Json)[path[path.length - 1]!] = value;
}

describe('read liberally (property)', () => {
  let sandbox: Sandbox;
  let stub: StubServer;
  let h: Harness;
  let orders: Json[];
  let served: Json = {};

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 21, ordersPerAccount: 400, rateLimit: false });
    const main = { username: 'demo-main', password: 'demo-main-secret' };
    // Orders of every status, as the sandbox answers them by default (live forms).
    const response = await fetch(`${sandbox.url}/order/read`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${main.username}:${main.password}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ status: [0, 1, 2, 3, 4, 5], itemsPerPage: 100 }),
    });
    orders = ((await response.json()) as { results: Json[] }).results;
    // eMAG's stand-in for the property: answers order/read with the order under test.
    stub = await startStubServer((request) =>
      request.path.includes('order/read') ? ok([served]) : ok({ noOfItems: 1, noOfPages: 1, itemsPerPage: 100 }),
    );
    h = await createHarness({
      accounts: [{ username: 'prop-main', password: 'prop-secret', kind: 'main' }],
      sandbox: { url: stub.url, requestLog: [] } as unknown as Sandbox,
      settings: { autoAcknowledge: false },
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await stub?.close();
    await sandbox?.close();
  });

  it('stores and finds every order whatever the fields MagFlow does not read hold', async () => {
    expect(orders.length).toBe(100);
    const accountId = h.accounts['prop-main']!.id;
    const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !ORDER_KEYS_READ.order.includes(k));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: orders.length - 1 }).chain((index) => {
          const paths = replaceablePaths(orders[index]!);
          return fc.record({
            index: fc.constant(index),
            replaced: fc
              .subarray(paths)
              .chain((chosen) =>
                fc.tuple(...chosen.map((path) => fc.tuple(fc.constant(path), fc.jsonValue({ maxDepth: 3 })))),
              ),
            added: fc.dictionary(unknownKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
          });
        }),
        async ({ index, replaced, added }) => {
          const order = structuredClone(orders[index]!);
          for (const [path, value] of replaced) setPath(order, path, value);
          served = { ...order, ...added };
          const run = await h.engine.runJob('new-orders', accountId, 'manual');
          expect(run).toMatchObject({ status: 'completed', warnings: 0 });
          const id = Number(order.id);
          const stored = h.repos.orders.get(accountId, id);
          expect(stored, `order ${id} was not stored`).toBeDefined();
          // Kept exactly as eMAG sent it (the write side sends it back from this).
          expect(stored!.raw).toEqual(JSON.parse(JSON.stringify(served)));
          const found = h.repos.orders.list(OrdersQuerySchema.parse({ search: String(id) }));
          expect(found.rows.map((row) => row.id)).toContain(id);
          expect(h.repos.needsAttention.count(accountId)).toBe(0);
        },
      ),
      { numRuns: 80 },
    );
  }, 120_000);

  it('has something to replace in every order, and sets an order aside when a field it reads is unreadable', async () => {
    expect(orders.every((order) => replaceablePaths(order).length >= 10)).toBe(true);
    const accountId = h.accounts['prop-main']!.id;
    const order = structuredClone(orders[3]!);
    setPath(order, ['customer', 'name'], { first: 'Ion' });
    served = order;
    const run = await h.engine.runJob('new-orders', accountId, 'manual');
    expect(run).toMatchObject({ status: 'completed', warnings: 1 });
    expect(h.repos.needsAttention.list({ accountId }).map((item) => item.emagId)).toEqual([String(order.id)]);
  });
});
