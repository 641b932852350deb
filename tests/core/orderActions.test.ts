import { describe, expect, it, vi } from 'vitest';
import type { MagflowEvent } from '../../shared/events';
import { toEmagDate, type Clock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { AppError } from '../../main/core/errors';
import { createEventBus } from '../../main/core/events/bus';
import { orderActions } from '../../main/core/orders/actions';
import { toOrderDetail } from '../../main/core/orders/detail';
import { addAccount, orderRecord } from '../support/records';

const NOW = new Date('2026-11-23T10:00:00Z');

function setup() {
  const clock: Clock = { now: () => NOW };
  const repos = createRepositories(openDatabase(':memory:'), clock);
  const bus = createEventBus();
  const events: MagflowEvent[] = [];
  bus.onAny((e) => events.push(e));
  const kickOutbox = vi.fn();
  const actions = orderActions({ repos, bus, clock, kickOutbox });
  const main = addAccount(repos, 'MAIN');
  const fbe = addAccount(repos, 'FBE', 'fbe');
  return { repos, actions, events, kickOutbox, main, fbe };
}

const expectConflict = (fn: () => unknown, message: RegExp) => {
  try {
    fn();
    expect.unreachable('expected a conflict');
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('conflict');
    expect((error as AppError).message).toMatch(message);
  }
};

describe('order actions', () => {
  it('queue one acknowledge per order, however often the seller clicks, and wake the outbox', () => {
    const { repos, actions, events, kickOutbox, main } = setup();
    repos.orders.upsertMany([orderRecord(main.id, 10)]);
    const first = actions.acknowledge(main.id, 10);
    const second = actions.acknowledge(main.id, 10);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ kind: 'acknowledge', state: 'pending', orderId: 10 });
    expect(repos.outbox.forOrder(main.id, 10)).toHaveLength(1);
    expect(kickOutbox).toHaveBeenCalledWith(main.id);
    expect(events.filter((e) => e.type === 'outbox_changed')).toHaveLength(2);
  });

  it('refuse to acknowledge FBE orders and orders past "new"', () => {
    const { repos, actions, main, fbe } = setup();
    repos.orders.upsertMany([orderRecord(fbe.id, 1, { type: 2 }), orderRecord(main.id, 2, { status: 4 })]);
    expectConflict(() => actions.acknowledge(fbe.id, 1), /FBE/);
    expectConflict(() => actions.acknowledge(main.id, 2), /Only new orders/);
    expect(repos.outbox.countByState('pending')).toBe(0);
  });

  it('offer and accept only the status changes eMAG allows', () => {
    const { repos, actions, main } = setup();
    const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
    const recent = toEmagDate(ago(1));
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { status: 2, modified: recent }),
      orderRecord(main.id, 2, { status: 4, modified: recent, statusSince: ago(1).toISOString() }),
      orderRecord(main.id, 3, { status: 4, modified: toEmagDate(ago(72)), statusSince: ago(72).toISOString() }),
      orderRecord(main.id, 4, { status: 1, modified: recent }),
    ]);
    expect(actions.changeStatus(main.id, 1, 3)).toMatchObject({
      kind: 'status',
      payload: { status: 3, fromStatus: 2 },
    });
    expect(actions.changeStatus(main.id, 2, 0, 1).kind).toBe('status'); // finalized -> canceled within 48 h
    expectConflict(() => actions.changeStatus(main.id, 3, 0, 1), /does not allow/); // ...but not after 48 h
    expect(actions.changeStatus(main.id, 3, 5).kind).toBe('status'); // returned: within RT + 5 days
    expectConflict(() => actions.changeStatus(main.id, 4, 2), /does not allow/); // new -> in progress only by acknowledge
    const detail = toOrderDetail(repos.orders.get(main.id, 1)!, [], NOW);
    expect(detail.allowedStatuses).toEqual([3, 4, 0]);
  });

  it('count the 48-hour and return windows from finalization or cancellation, not from `modified`', () => {
    const { repos, actions, main } = setup();
    const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
    repos.orders.upsertMany([
      // Finalized three days ago; an invoice upload an hour ago moved `modified` (and MagFlow noticed it just now).
      orderRecord(main.id, 5, {
        status: 4,
        modified: toEmagDate(ago(1)),
        raw: { id: 5, status: 4, finalization_date: toEmagDate(ago(72)), modified: toEmagDate(ago(1)) },
      }),
      // Finalized 40 days ago: past RT (30 days) + 5.
      orderRecord(main.id, 6, { status: 4, statusSince: ago(40 * 24).toISOString() }),
      // Canceled ten hours ago by eMAG's clock, edited since.
      orderRecord(main.id, 7, { status: 0, modified: toEmagDate(ago(1)), statusSince: ago(10).toISOString() }),
      orderRecord(main.id, 8, { status: 0, modified: toEmagDate(ago(1)), statusSince: ago(49).toISOString() }),
    ]);
    const allowed = (id: number) => toOrderDetail(repos.orders.get(main.id, id)!, [], NOW).allowedStatuses;
    expect(allowed(5)).toEqual([5]);
    expectConflict(() => actions.changeStatus(main.id, 5, 3), /does not allow/);
    expect(allowed(6)).toEqual([]);
    expect(allowed(7)).toEqual([2, 3, 4]);
    expect(allowed(8)).toEqual([]);
    expect(repos.orders.get(main.id, 7)!.statusHistory).toEqual([{ status: 0, at: ago(10).toISOString() }]);
  });

  const customer = {
    name: 'Ana Pop',
    shipping_contact: 'Ana Pop',
    shipping_phone: '0722 123 456',
    shipping_locality_id: '8812',
    shipping_street: 'Str. Horea 2',
    shipping_postal_code: '400001',
  };
  const SENDER = { name: 'Magazin SRL', contact: 'Ion', phone: '0740000000', localityId: 8801, street: 'Str. Lunga 1' };
  const awbOf = (accountId: number, orderId: number, extra: Record<string, unknown> = {}) => ({
    accountId,
    orderId,
    parcels: 1,
    envelopes: 0,
    weightKg: 2,
    codMinor: 12_345,
    sender: SENDER,
    ...extra,
  });

  it('queue an AWB only for orders being fulfilled by the seller, with the receiver read from the order', () => {
    const { repos, actions, main, fbe } = setup();
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { status: 3, raw: { id: 1, status: 3, customer } }),
      orderRecord(main.id, 2, { status: 1 }),
      orderRecord(fbe.id, 3, { type: 2, status: 3 }),
    ]);
    const awb = actions.generateAwb(awbOf(main.id, 1));
    expect(awb).toMatchObject({
      kind: 'awb',
      payload: {
        parcels: 1,
        weightKg: 2,
        codMinor: 12_345,
        isOversize: 0,
        sender: { name: 'Magazin SRL', phone1: '0740000000', locality_id: 8801, street: 'Str. Lunga 1' },
        // The customer's own block, in awb/save's form: phone digits only, the locality id as a number.
        receiver: {
          name: 'Ana Pop',
          contact: 'Ana Pop',
          phone1: '0722123456',
          locality_id: 8812,
          street: 'Str. Horea 2',
          zipcode: '400001',
          legal_entity: 0,
        },
      },
    });
    expectConflict(() => actions.generateAwb(awbOf(main.id, 2)), /in progress or prepared/);
    expectConflict(() => actions.generateAwb(awbOf(fbe.id, 3)), /FBE/);
  });

  it("name every gap of the order's receiver beside its field; the seller's corrected block is taken instead", () => {
    const { repos, actions, main } = setup();
    const gaps = {
      name: 'Ana Pop',
      shipping_contact: '',
      shipping_phone: '',
      shipping_locality_id: '',
      shipping_street: '',
    };
    repos.orders.upsertMany([orderRecord(main.id, 1, { status: 2, raw: { id: 1, status: 2, customer: gaps } })]);
    let issues: { path: string }[] = [];
    try {
      actions.generateAwb(awbOf(main.id, 1));
      expect.unreachable('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('validation');
      issues = (error as AppError).issues ?? [];
    }
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'receiver.localityId',
      'receiver.phone',
      'receiver.street',
    ]);
    expect(repos.outbox.countByState('pending')).toBe(0);
    const receiver = { name: 'Ana Pop', contact: 'Ana', phone: '0722123456', localityId: 8812, street: 'Str. Horea 2' };
    const queued = actions.generateAwb(awbOf(main.id, 1, { receiver, oversize: true }));
    expect(queued.payload).toMatchObject({
      isOversize: 1,
      receiver: { name: 'Ana Pop', contact: 'Ana', phone1: '0722123456', locality_id: 8812, street: 'Str. Horea 2' },
    });
  });

  it('offer only the courier accounts eMAG enforces for the order, and no AWB at all when the list is empty', () => {
    const { repos, actions, main } = setup();
    const raw = (id: number, enforced: unknown) => ({
      id,
      status: 2,
      customer,
      enforced_vendor_courier_accounts: enforced,
    });
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { status: 2, raw: raw(1, []) }),
      orderRecord(main.id, 2, { status: 2, raw: raw(2, [7, '9']) }),
      orderRecord(main.id, 3, { status: 2, raw: raw(3, [7]) }),
      orderRecord(main.id, 4, { status: 2, raw: raw(4, null) }),
    ]);
    expectConflict(() => actions.generateAwb(awbOf(main.id, 1)), /no AWB from MagFlow.*courier list is empty/);
    const wrongCourier = () => actions.generateAwb(awbOf(main.id, 2, { courierAccountId: 8 }));
    expect(wrongCourier).toThrow(AppError);
    try {
      wrongCourier();
    } catch (error) {
      expect((error as AppError).issues).toEqual([
        { path: 'courierAccountId', message: expect.stringMatching(/one of the courier accounts 7, 9/) },
      ]);
    }
    expect(() => actions.generateAwb(awbOf(main.id, 2))).toThrow(/7, 9/);
    expect(actions.generateAwb(awbOf(main.id, 2, { courierAccountId: 9 })).payload).toMatchObject({
      courierAccountId: 9,
    });
    // A single enforced account is chosen for the seller.
    expect(actions.generateAwb(awbOf(main.id, 3)).payload).toMatchObject({ courierAccountId: 7 });
    // null: any account, or eMAG's default.
    expect(actions.generateAwb(awbOf(main.id, 4)).payload.courierAccountId).toBeUndefined();
  });

  it('attach an invoice by URL, once per URL, with the order type eMAG needs', () => {
    const { repos, actions, fbe } = setup();
    repos.orders.upsertMany([orderRecord(fbe.id, 9, { type: 2, status: 4 })]);
    const a = actions.attachInvoice(fbe.id, 9, 'https://facturi.example.ro/9.pdf');
    const b = actions.attachInvoice(fbe.id, 9, 'https://facturi.example.ro/9.pdf');
    expect(b.id).toBe(a.id);
    expect(a.payload).toMatchObject({ url: 'https://facturi.example.ro/9.pdf', orderType: 2 });
    // eMAG takes PDF files only: a link that does not end in .pdf is refused beside the field, nothing is queued.
    for (const url of ['https://facturi.example.ro/9.docx', 'https://facturi.example.ro/view?id=9']) {
      try {
        actions.attachInvoice(fbe.id, 9, url);
        expect.unreachable(url);
      } catch (error) {
        expect((error as AppError).kind).toBe('validation');
        expect((error as AppError).issues?.[0]?.path).toBe('url');
      }
    }
    expect(actions.attachInvoice(fbe.id, 9, 'https://facturi.example.ro/9.PDF?download=1').state).toBe('pending');
  });

  it('retry a failed action only', () => {
    const { repos, actions, main } = setup();
    repos.orders.upsertMany([orderRecord(main.id, 1)]);
    const ack = actions.acknowledge(main.id, 1);
    expectConflict(() => actions.retry(ack.id), /pending, not failed/);
    repos.outbox.markAttemptFailed(ack.id, 'eMAG said no', null);
    expect(actions.retry(ack.id)).toMatchObject({ state: 'pending', lastError: 'eMAG said no' });
    expect(() => actions.retry(9999)).toThrow(/not found/);
  });

  it('report an unknown order as not found', () => {
    const { actions, main } = setup();
    expect(() => actions.acknowledge(main.id, 404)).toThrow(/Order 404 not found/);
  });
});

describe('order detail', () => {
  it('hides acknowledge once one is queued and exposes eMAG data defensively', () => {
    const { repos, actions, main } = setup();
    repos.orders.upsertMany([
      orderRecord(main.id, 1, {
        raw: {
          id: 1,
          customer: { name: 'Ana' },
          vouchers: [
            { voucher_id: 5, voucher_name: 'Black Friday', sale_price: '-8.4034', sale_price_vat: '-1.5966' },
            'junk',
          ],
          reason_cancellation: { id: 2, name: 'Anulata de client' },
          shipping_tax: '19.99',
          delivery_mode: 'courier',
        },
      }),
    ]);
    const before = toOrderDetail(repos.orders.get(main.id, 1)!, [], NOW);
    expect(before.canAcknowledge).toBe(true);
    expect(before.customerDetails).toEqual({ name: 'Ana' });
    // A voucher shows its gross value (sale_price + its VAT), not its VAT part.
    expect(before.vouchers).toEqual([{ voucherId: '5', name: 'Black Friday', grossMinor: -1_000 }]);
    expect(before.cancellationReason).toBeNull(); // the order is not canceled
    expect(before.shippingTaxMinor).toBe(1999);
    expect(before.deliveryMode).toBe('courier');
    actions.acknowledge(main.id, 1);
    const after = toOrderDetail(repos.orders.get(main.id, 1)!, repos.outbox.forOrder(main.id, 1), NOW);
    expect(after.canAcknowledge).toBe(false);
    expect(after.actions).toHaveLength(1);
  });

  it('names the cancellation reason in either form eMAG sends it', () => {
    const { repos, main } = setup();
    repos.orders.upsertMany([
      orderRecord(main.id, 2, {
        status: 0,
        raw: { id: 2, status: 0, reason_cancellation: { id: 2, name: 'Anulata' } },
      }),
      orderRecord(main.id, 3, { status: 0, raw: { id: 3, status: 0, reason_cancellation: '36' } }),
      orderRecord(main.id, 4, { status: 0, raw: { id: 4, status: 0, reason_cancellation: { odd: true } } }),
    ]);
    const reason = (id: number) => toOrderDetail(repos.orders.get(main.id, id)!, [], NOW).cancellationReason;
    expect(reason(2)).toEqual({ code: 2, name: 'Anulata' });
    expect(reason(3)).toEqual({ code: 36, name: null });
    expect(reason(4)).toBeNull();
  });
});
