// Bulk work on selected orders: the plan says per order what will happen or why it is skipped (eMAG's rules), the
// preview queues nothing, the request queues each qualifying order once through the single-order actions, and the
// IPC contract refuses what it must (no reason for a cancellation, too many orders, a reason eMAG does not list).
import { describe, expect, it, vi } from 'vitest';
import { BULK_MAX_ORDERS, countOutcomes, skipReason, skipsByReason, type PlannedOrder } from '../../shared/bulk';
import { BulkRequestSchema } from '../../shared/ipc';
import type { Clock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { createEventBus } from '../../main/core/events/bus';
import { bulkOrders } from '../../main/core/orders/bulk';
import { orderActions } from '../../main/core/orders/actions';
import { addAccount, orderRecord } from '../support/records';

const NOW = new Date('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;

const planned = (overrides: Partial<PlannedOrder> = {}): PlannedOrder => ({
  status: 1,
  type: 3,
  acknowledgedAt: null,
  since: new Date(NOW.getTime() - HOUR),
  enforcedCouriers: null,
  ...overrides,
});

describe('the bulk plan (shared/bulk.ts)', () => {
  const skip = (action: Parameters<typeof skipReason>[0], order: PlannedOrder, options = {}) =>
    skipReason(action, 1, order, options, NOW);

  it('acknowledges only new, not yet acknowledged, seller-fulfilled orders', () => {
    expect(skip('acknowledge', planned())).toBeNull();
    expect(skip('acknowledge', planned({ type: 2 }))).toBe('fbe');
    expect(skip('acknowledge', planned({ status: 2 }))).toBe('not_new');
    expect(skip('acknowledge', planned({ status: 0 }))).toBe('not_new');
    expect(skip('acknowledge', planned({ acknowledgedAt: '2026-11-23T09:00:00Z' }))).toBe('already_acknowledged');
  });

  it("changes status only along eMAG's transitions, within their time limits", () => {
    expect(skip('status', planned({ status: 2 }), { status: 3 })).toBeNull();
    expect(skip('status', planned({ status: 2 }), { status: 0 })).toBeNull();
    expect(skip('status', planned({ status: 3 }), { status: 3 })).toBe('same_status');
    // new -> in progress happens by acknowledging, never by a status change
    expect(skip('status', planned({ status: 1 }), { status: 2 })).toBe('transition_not_allowed');
    expect(skip('status', planned({ status: 5 }), { status: 4 })).toBe('transition_not_allowed');
    // finalized -> canceled only within 48 hours of finalization
    expect(skip('status', planned({ status: 4 }), { status: 0 })).toBeNull();
    expect(skip('status', planned({ status: 4, since: new Date(NOW.getTime() - 49 * HOUR) }), { status: 0 })).toBe(
      'transition_not_allowed',
    );
    expect(skip('status', planned({ status: 4, since: null }), { status: 0 })).toBe('transition_not_allowed');
    expect(skip('status', planned({ status: 2, type: 2 }), { status: 3 })).toBe('fbe');
  });

  it('issues AWBs only for orders being fulfilled, with a courier eMAG allows and a saved pickup address', () => {
    const hasSender = () => true;
    expect(skip('awb', planned({ status: 3 }), { hasSender })).toBeNull();
    expect(skip('awb', planned({ status: 1 }), { hasSender })).toBe('awb_status');
    expect(skip('awb', planned({ status: 3, enforcedCouriers: [] }), { hasSender })).toBe('awb_no_courier');
    expect(skip('awb', planned({ status: 3, enforcedCouriers: [7] }), { hasSender })).toBeNull();
    expect(skip('awb', planned({ status: 3 }), { hasSender: () => false })).toBe('no_sender');
    expect(skip('awb', planned({ status: 3, type: 2 }), { hasSender })).toBe('fbe');
  });

  it('exports every order, FBE included', () => {
    expect(skip('export', planned({ type: 2, status: 5 }))).toBeNull();
  });

  it('counts outcomes and groups skips by reason, most frequent first', () => {
    const outcomes = [
      { accountId: 1, orderId: 1, outcome: 'will_queue' as const },
      { accountId: 1, orderId: 2, outcome: 'skipped' as const, reason: 'fbe' as const },
      { accountId: 1, orderId: 3, outcome: 'skipped' as const, reason: 'not_new' as const },
      { accountId: 1, orderId: 4, outcome: 'skipped' as const, reason: 'not_new' as const },
    ];
    expect(countOutcomes(outcomes)).toMatchObject({ will_queue: 1, skipped: 3 });
    expect(skipsByReason(outcomes)).toEqual([
      { reason: 'not_new', count: 2 },
      { reason: 'fbe', count: 1 },
    ]);
  });
});

describe('the orders.bulk request', () => {
  const parse = (input: unknown) => BulkRequestSchema.safeParse(input);
  const one = [{ accountId: 1, orderId: 1 }];

  it('needs a target status, and a reason from eMAG’s list to cancel', () => {
    expect(parse({ action: 'status', orders: one }).success).toBe(false);
    expect(parse({ action: 'status', status: 0, orders: one }).success).toBe(false);
    expect(parse({ action: 'status', status: 0, orders: one, preview: true }).success).toBe(true);
    expect(parse({ action: 'status', status: 0, orders: one, cancelReason: 2 }).success).toBe(true);
    expect(parse({ action: 'status', status: 0, orders: one, cancelReason: 4 }).success).toBe(false);
  });

  it(`takes between 1 and ${BULK_MAX_ORDERS} orders and no unknown field`, () => {
    expect(parse({ action: 'acknowledge', orders: [] }).success).toBe(false);
    const many = Array.from({ length: BULK_MAX_ORDERS + 1 }, (_, i) => ({ accountId: 1, orderId: i + 1 }));
    expect(parse({ action: 'acknowledge', orders: many }).success).toBe(false);
    expect(parse({ action: 'acknowledge', orders: many.slice(0, BULK_MAX_ORDERS) }).success).toBe(true);
    expect(parse({ action: 'acknowledge', orders: one, extra: 1 }).success).toBe(false);
  });
});

describe('bulk orders in the core', () => {
  function setup() {
    const clock: Clock = { now: () => NOW };
    const repos = createRepositories(openDatabase(':memory:'), clock);
    const bus = createEventBus();
    const kickOutbox = vi.fn();
    const actions = orderActions({ repos, bus, clock, kickOutbox });
    const main = addAccount(repos, 'MAIN');
    const fbe = addAccount(repos, 'FBE', 'fbe');
    return { repos, bulk: bulkOrders({ repos, clock, actions, language: () => 'en' }), kickOutbox, main, fbe };
  }
  const request = (action: 'acknowledge' | 'status' | 'awb' | 'export', orders: [number, number][], extra = {}) =>
    BulkRequestSchema.parse({
      action,
      orders: orders.map(([accountId, orderId]) => ({ accountId, orderId })),
      ...extra,
    });

  it('previews without queuing, then queues each qualifying order once and says why the others are skipped', () => {
    const { repos, bulk, kickOutbox, main, fbe } = setup();
    repos.orders.upsertMany([
      orderRecord(main.id, 1),
      orderRecord(main.id, 2),
      orderRecord(main.id, 3, { status: 2 }),
      orderRecord(fbe.id, 4, { type: 2 }),
    ]);
    const keys: [number, number][] = [
      [main.id, 1],
      [main.id, 2],
      [main.id, 2],
      [main.id, 3],
      [fbe.id, 4],
      [main.id, 99],
    ];
    const preview = bulk.run(request('acknowledge', keys, { preview: true }));
    expect(preview.outcomes.map((o) => [o.orderId, o.outcome, o.reason])).toEqual([
      [1, 'will_queue', undefined],
      [2, 'will_queue', undefined],
      [3, 'skipped', 'not_new'],
      [4, 'skipped', 'fbe'],
      [99, 'skipped', 'not_found'],
    ]);
    expect(repos.outbox.forOrder(main.id, 1)).toHaveLength(0);
    expect(kickOutbox).not.toHaveBeenCalled();

    const done = bulk.run(request('acknowledge', keys));
    expect(done.outcomes.filter((o) => o.outcome === 'queued').map((o) => o.orderId)).toEqual([1, 2]);
    for (const o of done.outcomes.filter((x) => x.outcome === 'queued')) {
      expect(repos.outbox.get(o.actionId!)).toMatchObject({ kind: 'acknowledge', orderId: o.orderId });
    }
    expect(repos.outbox.forOrder(main.id, 2)).toHaveLength(1);
    expect(kickOutbox).toHaveBeenCalledWith(main.id);
  });

  it('cancels with the reason the seller chose, only where eMAG allows it', () => {
    const { repos, bulk, main } = setup();
    repos.orders.upsertMany([orderRecord(main.id, 1, { status: 2 }), orderRecord(main.id, 2, { status: 5 })]);
    const result = bulk.run(
      request(
        'status',
        [
          [main.id, 1],
          [main.id, 2],
        ],
        { status: 0, cancelReason: 2 },
      ),
    );
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['queued', 'skipped']);
    expect(result.outcomes[1]!.reason).toBe('transition_not_allowed');
    expect(repos.outbox.get(result.outcomes[0]!.actionId!)?.payload).toMatchObject({
      status: 0,
      reasonCancellation: 2,
    });
  });

  it('issues AWBs with the saved pickup address and COD from the order, and reports an order it cannot queue', () => {
    const { repos, bulk, main } = setup();
    const customer = {
      name: 'Ana Pop',
      shipping_contact: 'Ana Pop',
      shipping_phone: '0722123456',
      shipping_locality_id: '8812',
      shipping_street: 'Str. Horea 2',
    };
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { status: 3, raw: { id: 1, status: 3, customer } }),
      orderRecord(main.id, 2, { status: 3, paymentModeId: 3, raw: { id: 2, status: 3, customer } }),
      orderRecord(main.id, 3, { status: 3, raw: { id: 3, status: 3, customer: { name: 'X' } } }),
    ]);
    const sender = {
      name: 'Magazin SRL',
      contact: 'Ion',
      phone: '0740000000',
      localityId: 8801,
      street: 'Str. Lunga 1',
    };
    const keys: [number, number][] = [
      [main.id, 1],
      [main.id, 2],
      [main.id, 3],
    ];
    expect(bulk.run(request('awb', keys, { preview: true })).outcomes.every((o) => o.reason === 'no_sender')).toBe(
      true,
    );
    const result = bulk.run(request('awb', keys, { awb: { senders: [{ accountId: main.id, sender }], weightKg: 2 } }));
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['queued', 'queued', 'failed']);
    expect(result.outcomes[2]!.message).toMatch(/receiver/);
    expect(repos.outbox.get(result.outcomes[0]!.actionId!)?.payload).toMatchObject({ codMinor: 12_345, weightKg: 2 });
    expect(repos.outbox.get(result.outcomes[1]!.actionId!)?.payload).toMatchObject({ codMinor: 0 });
  });

  it('exports exactly the selected orders, with their products', () => {
    const { repos, bulk, main, fbe } = setup();
    repos.orders.upsertMany([orderRecord(main.id, 1), orderRecord(main.id, 2), orderRecord(fbe.id, 3, { type: 2 })]);
    const result = bulk.run(
      request('export', [
        [main.id, 2],
        [fbe.id, 3],
      ]),
    );
    expect(result.csv?.rows).toBe(2);
    const lines = result.csv!.csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Produs 2');
    expect(result.csv!.csv).not.toContain('Produs 1');
  });
});
