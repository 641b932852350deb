import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEmagDate, parseEmagDate, type Sandbox } from '../../main/sandbox';
import {
  FBE,
  ManualClock,
  MAIN,
  call,
  readAllOrders,
  results,
  start,
  type OrderLike,
  type Credentials,
} from './helpers';

const DAY = 86_400_000;
let sandbox: Sandbox;
let clock: ManualClock;

beforeAll(async () => {
  ({ sandbox, clock } = await start({ ordersPerAccount: 400 }));
});
afterAll(() => sandbox.close());

const count = async (filters: Record<string, unknown>, account: Credentials = MAIN): Promise<number> => {
  const r = await results<{ noOfItems: string; noOfPages: number; itemsPerPage: number }>(
    sandbox,
    'order/count',
    filters,
    account,
  );
  expect(typeof r.noOfItems).toBe('string');
  return Number(r.noOfItems);
};

describe('order/read and order/count', () => {
  it('returns at most 100 orders by default, newest first', async () => {
    const page = await results<OrderLike[]>(sandbox, 'order/read');
    expect(page).toHaveLength(100);
    const ids = page.map((o) => o.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const newest = Math.max(...sandbox.orders(MAIN.username).map((o) => o.id));
    expect(ids[0]).toBe(newest);
  });

  it('refuses itemsPerPage above 100 and currentPage 0 with isError', async () => {
    const tooMany = await call(sandbox, 'order/read', { itemsPerPage: 101 });
    const pageZero = await call(sandbox, 'order/read', { currentPage: 0 });
    expect(tooMany.status).toBe(200);
    expect(tooMany.json.isError).toBe(true);
    expect(String(tooMany.json.messages)).toMatch(/itemsPerPage/);
    expect(pageZero.json.isError).toBe(true);
  });

  it('pages with currentPage/itemsPerPage without overlap, and count equals the pages read', async () => {
    const p1 = await results<OrderLike[]>(sandbox, 'order/read', { itemsPerPage: 30, currentPage: 1 });
    const p2 = await results<OrderLike[]>(sandbox, 'order/read', { itemsPerPage: 30, currentPage: 2 });
    expect(p1).toHaveLength(30);
    expect(p2[0]?.id).toBeLessThan(p1[29]?.id ?? 0);
    const all = await readAllOrders(sandbox, {});
    expect(all).toHaveLength(400);
    expect(new Set(all.map((o) => o.id)).size).toBe(400);
    expect(await count({})).toBe(400);
    const counted = await results<{ noOfPages: number; itemsPerPage: number }>(sandbox, 'order/count', {
      itemsPerPage: 30,
    });
    expect(counted).toMatchObject({ noOfPages: Math.ceil(400 / 30), itemsPerPage: 30 });
    const beyond = await results<OrderLike[]>(sandbox, 'order/read', { currentPage: 5 });
    expect(beyond).toEqual([]);
  });

  it('defaults type to 3 on read only: an FBE account must ask for type 2, while count counts every type', async () => {
    const fbeDefault = await results<OrderLike[]>(sandbox, 'order/read', {}, FBE);
    const fbeType2 = await readAllOrders(sandbox, { type: 2 }, FBE);
    expect(fbeDefault).toEqual([]);
    expect(fbeType2.length).toBe(sandbox.orders(FBE.username).length);
    expect(fbeType2.every((o) => o.type === 2)).toBe(true);
    expect(await count({}, FBE)).toBe(fbeType2.length);
    expect(await count({ type: 3 }, FBE)).toBe(0);
  });

  it('filters by id', async () => {
    const target = sandbox.orders(MAIN.username)[123] as OrderLike;
    const found = await results<OrderLike[]>(sandbox, 'order/read', { id: target.id });
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual(target);
    expect(await count({ id: target.id })).toBe(1);
    expect(await results(sandbox, 'order/read', { id: 1 })).toEqual([]);
  });

  it('filters by one status or a list of statuses, as numbers or numeric strings', async () => {
    const local = sandbox.orders(MAIN.username);
    for (const status of [0, 1, 2, 3, 4, 5]) {
      const expected = local.filter((o) => o.status === status).length;
      expect(await count({ status })).toBe(expected);
      const read = await readAllOrders(sandbox, { status: String(status) });
      expect(read).toHaveLength(expected);
      expect(read.every((o) => o.status === status)).toBe(true);
    }
    const mixed = await readAllOrders(sandbox, { status: [1, 2, 3] });
    expect(mixed.length).toBe(local.filter((o) => [1, 2, 3].includes(o.status)).length);
    expect(mixed.length).toBeGreaterThan(0);
  });

  it('filters by payment_mode_id (one or a list) and is_complete', async () => {
    const local = sandbox.orders(MAIN.username);
    for (const mode of [1, 2, 3]) {
      const read = await readAllOrders(sandbox, { payment_mode_id: mode });
      expect(read.length).toBe(local.filter((o) => o.payment_mode_id === mode).length);
      expect(read.every((o) => o.payment_mode_id === mode)).toBe(true);
    }
    expect(await count({ payment_mode_id: [1, 3] })).toBe(local.filter((o) => o.payment_mode_id !== 2).length);
    const incomplete = local.filter((o) => o.is_complete === 0).length;
    expect(await count({ is_complete: 0 })).toBe(incomplete);
    expect(await count({ is_complete: 1 })).toBe(400 - incomplete);
  });

  it('filters by a created window (bounds inclusive) and by createdAfter alone', async () => {
    const after = formatEmagDate(clock.ms - 20 * DAY);
    const before = formatEmagDate(clock.ms - 5 * DAY);
    const inWindow = (o: OrderLike): boolean => o.date >= after && o.date <= before;
    const expected = sandbox.orders(MAIN.username).filter(inWindow).length;
    const read = await readAllOrders(sandbox, { createdAfter: after, createdBefore: before });
    expect(expected).toBeGreaterThan(10);
    expect(read).toHaveLength(expected);
    expect(read.every(inWindow)).toBe(true);
    expect(await count({ createdAfter: after, createdBefore: before })).toBe(expected);
    const since = sandbox.orders(MAIN.username).filter((o) => o.date >= after).length;
    expect(await count({ createdAfter: after })).toBe(since);
  });

  it('filters by a modified window', async () => {
    const after = formatEmagDate(clock.ms - 3 * DAY);
    const before = formatEmagDate(clock.ms);
    const expected = sandbox.orders(MAIN.username).filter((o) => o.modified >= after && o.modified <= before).length;
    const read = await readAllOrders(sandbox, { modifiedAfter: after, modifiedBefore: before });
    expect(read).toHaveLength(expected);
    expect(read.every((o) => o.modified >= after)).toBe(true);
  });

  it('refuses a ...Before without its ...After, a window longer than one month, and malformed dates', async () => {
    const before = formatEmagDate(clock.ms);
    const refusals = [
      { createdBefore: before },
      { modifiedBefore: before },
      { createdAfter: '2025-07-01 00:00:00', createdBefore: '2025-08-01 00:00:01' },
      { modifiedAfter: '2025-01-31 10:00:00', modifiedBefore: '2025-03-01 10:00:00' },
      { createdAfter: '2025-09-19T10:00:00Z' },
      { createdAfter: '2025-02-30 10:00:00' },
    ];
    for (const filters of refusals) {
      const reply = await call(sandbox, 'order/read', filters);
      expect(reply.json.isError, JSON.stringify(filters)).toBe(true);
      const counted = await call(sandbox, 'order/count', filters);
      expect(counted.json.isError, JSON.stringify(filters)).toBe(true);
    }
    const exactlyOneMonth = await call(sandbox, 'order/read', {
      createdAfter: '2025-07-01 00:00:00',
      createdBefore: '2025-08-01 00:00:00',
    });
    expect(exactlyOneMonth.json.isError).toBe(false);
  });

  it('sends dates as YYYY-mm-dd HH:ii:ss in Bucharest time', async () => {
    const [newest] = await results<OrderLike[]>(sandbox, 'order/read', { itemsPerPage: 1 });
    expect(newest?.date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const ms = parseEmagDate(newest?.date ?? '') ?? 0;
    expect(ms).toBeLessThanOrEqual(clock.ms);
    expect(ms).toBeGreaterThan(clock.ms - 6 * 3_600_000);
  });
});
