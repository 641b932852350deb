// The today queue (issue 17 §1): deadline math in eMAG Romania's zone, the grouping rules, and the repository's rows.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRepositories, migrate, openDatabase } from '../../main/core/db';
import { MIGRATIONS } from '../../main/core/db/migrations/list';
import type { TodayOrderRow } from '../../main/core/db/repositories/today';
import {
  buildTodayQueue,
  deadlineState,
  openOrderBucket,
  readTodayQueue,
  shipDeadline,
} from '../../main/core/orders/today';
import { hasInvoiceOf, shipByOf } from '../../main/core/sync/mapOrder';
import type { EmagOrder } from '../../main/core/emag/schemas/orders';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { addAccount, orderRecord } from '../support/records';

const fixedClock = (iso: string) => ({ now: () => new Date(iso) });

describe('shipping deadline in Europe/Bucharest', () => {
  it('reads eMAG Romania local time in winter (UTC+2) and summer (UTC+3)', () => {
    expect(shipDeadline('2026-12-02 23:59:59', 'emag-ro')?.toISOString()).toBe('2026-12-02T21:59:59.000Z');
    expect(shipDeadline('2026-07-15 12:00:00', 'emag-ro')?.toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('crosses the October and March clock changes correctly', () => {
    // 2026-10-25 04:00 EEST becomes 03:00 EET: a deadline the evening after is UTC+2.
    expect(shipDeadline('2026-10-25 18:00:00', 'emag-ro')?.toISOString()).toBe('2026-10-25T16:00:00.000Z');
    expect(shipDeadline('2026-10-24 18:00:00', 'emag-ro')?.toISOString()).toBe('2026-10-24T15:00:00.000Z');
    // 2026-03-29 03:00 EET becomes 04:00 EEST.
    expect(shipDeadline('2026-03-29 12:00:00', 'emag-ro')?.toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(shipDeadline('2026-03-28 12:00:00', 'emag-ro')?.toISOString()).toBe('2026-03-28T10:00:00.000Z');
  });

  it('uses the platform zone (Budapest is an hour behind Bucharest)', () => {
    expect(shipDeadline('2026-12-02 12:00:00', 'emag-hu')?.toISOString()).toBe('2026-12-02T11:00:00.000Z');
  });

  it('has no deadline when eMAG sent none or something unreadable', () => {
    expect(shipDeadline(null, 'emag-ro')).toBeNull();
    expect(shipDeadline('soon', 'emag-ro')).toBeNull();
  });

  it('is overdue after the deadline and due soon within the lead time only', () => {
    const deadline = new Date('2026-12-02T12:00:00Z');
    expect(deadlineState(deadline, new Date('2026-12-02T12:00:01Z'), 120)).toEqual({ overdue: true, dueSoon: false });
    expect(deadlineState(deadline, new Date('2026-12-02T10:00:00Z'), 120)).toEqual({ overdue: false, dueSoon: true });
    expect(deadlineState(deadline, new Date('2026-12-02T09:59:59Z'), 120)).toEqual({ overdue: false, dueSoon: false });
    expect(deadlineState(null, new Date(), 120)).toEqual({ overdue: false, dueSoon: false });
  });
});

describe('reading the deadline and the invoice from eMAG orders', () => {
  const order = (extra: Record<string, unknown>) => ({ id: 1, status: 2, ...extra }) as unknown as EmagOrder;
  it('keeps a readable maximum_date_for_shipment and ignores every other form', () => {
    expect(shipByOf(order({ maximum_date_for_shipment: '2025-10-03 23:59:59' }), 'emag-ro')).toBe(
      '2025-10-03 23:59:59',
    );
    expect(shipByOf(order({ maximum_date_for_shipment: ' 2025-10-03 23:59:59.000000 ' }), 'emag-ro')).toBe(
      '2025-10-03 23:59:59',
    );
    for (const odd of [null, '', 0, 1764000000, {}, [], '03.10.2025', '2025-13-45 99:99:99'])
      expect(shipByOf(order({ maximum_date_for_shipment: odd }), 'emag-ro')).toBeNull();
    expect(shipByOf(order({}), 'emag-ro')).toBeNull();
  });

  it('sees an invoice in attachments of type 1 or without a type, with a URL', () => {
    expect(hasInvoiceOf(order({ attachments: [{ url: 'https://x/f.pdf', type: 1 }] }))).toBe(true);
    expect(hasInvoiceOf(order({ attachments: [{ url: 'https://x/f.pdf' }] }))).toBe(true);
    expect(hasInvoiceOf(order({ attachments: [{ url: 'https://x/w.pdf', type: 3 }] }))).toBe(false);
    expect(hasInvoiceOf(order({ attachments: [{ url: '', type: 1 }] }))).toBe(false);
    expect(hasInvoiceOf(order({ attachments: [] }))).toBe(false);
    expect(hasInvoiceOf(order({}))).toBe(false);
  });
});

describe('queue rules', () => {
  const row = (over: Partial<TodayOrderRow>): TodayOrderRow => ({
    accountId: 1,
    account: 'MAIN',
    platform: 'emag-ro',
    orderId: 1,
    status: 2,
    customerName: 'Ion',
    totalMinor: 100,
    currency: 'RON',
    created: '2026-12-01 10:00:00',
    shipBy: null,
    ...over,
  });
  const settings = (autoAcknowledge: boolean) => ({ ...DEFAULT_SETTINGS, autoAcknowledge });

  it('puts new orders under acknowledge only when auto-acknowledge is off', () => {
    expect(openOrderBucket(1, false)).toBe('acknowledge');
    expect(openOrderBucket(1, true)).toBe('prepare');
    expect(openOrderBucket(2, true)).toBe('prepare');
    expect(openOrderBucket(3, false)).toBe('ship');
    expect(openOrderBucket(4, false)).toBeNull();
    expect(openOrderBucket(0, false)).toBeNull();
  });

  it('groups, orders by deadline (overdue first, none last) and counts', () => {
    const now = new Date('2026-12-02T10:00:00Z'); // 12:00 in Bucharest
    const queue = buildTodayQueue({
      open: [
        row({ orderId: 1, status: 1, shipBy: '2026-12-03 23:59:59' }),
        row({ orderId: 2, status: 2, shipBy: null, created: '2026-11-30 09:00:00' }),
        row({ orderId: 3, status: 2, shipBy: '2026-12-02 11:00:00' }), // an hour ago: overdue
        row({ orderId: 4, status: 2, shipBy: '2026-12-02 13:30:00' }), // in 90 min: due soon (lead 120)
        row({ orderId: 5, status: 3, shipBy: '2026-12-04 18:00:00' }),
      ],
      withoutInvoice: [row({ orderId: 6, status: 4, shipBy: '2026-11-01 10:00:00' })],
      failed: [
        {
          actionId: 9,
          kind: 'awb',
          error: 'Courier refused',
          failure: null,
          accountId: 1,
          account: 'MAIN',
          orderId: 5,
          status: 3,
          customerName: 'Ion',
          totalMinor: 100,
          currency: 'RON',
        },
      ],
      now,
      settings: settings(false),
    });
    expect(queue.items.map((i) => [i.bucket, i.orderId])).toEqual([
      ['acknowledge', 1],
      ['prepare', 3],
      ['prepare', 4],
      ['prepare', 2],
      ['ship', 5],
      ['invoice', 6],
      ['failed', 5],
    ]);
    const byId = (id: number) => queue.items.find((i) => i.orderId === id && i.bucket !== 'failed')!;
    expect(byId(3)).toMatchObject({ overdue: true, dueSoon: false, deadlineAt: '2026-12-02T09:00:00.000Z' });
    expect(byId(4)).toMatchObject({ overdue: false, dueSoon: true });
    expect(byId(6)).toMatchObject({ deadlineAt: null, overdue: false }); // a finalized order's deadline is history
    expect(queue.items.at(-1)?.action).toEqual({ id: 9, kind: 'awb', error: 'Courier refused', failure: null });
    expect(queue.counts).toEqual({
      acknowledge: 1,
      prepare: 3,
      ship: 1,
      invoice: 1,
      failed: 1,
      overdue: 1,
      dueSoon: 1,
      total: 7,
    });
    expect(queue.leadMinutes).toBe(120);

    const auto = buildTodayQueue({
      open: [row({ orderId: 1, status: 1 })],
      withoutInvoice: [],
      failed: [],
      now,
      settings: settings(true),
    });
    expect(auto.items[0]?.bucket).toBe('prepare');
    expect(auto.autoAcknowledge).toBe(true);
  });
});

describe('today repository', () => {
  function setup() {
    const db = openDatabase(':memory:');
    const repos = createRepositories(db, fixedClock('2026-12-02T10:00:00Z'));
    return { db, repos, main: addAccount(repos, 'MAIN'), fbe: addAccount(repos, 'FBE', 'fbe') };
  }

  it('lists open seller orders, recent finalized ones without an invoice and standing failed actions', () => {
    const { repos, main, fbe } = setup();
    repos.settings.update({ autoAcknowledge: false });
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { status: 1, shipBy: '2026-12-03 23:59:59' }),
      orderRecord(main.id, 2, { status: 3, shipBy: '2026-12-02 11:00:00' }),
      orderRecord(main.id, 3, { status: 4, modified: '2026-11-30 10:00:00' }), // no invoice
      orderRecord(main.id, 4, { status: 4, modified: '2026-11-30 10:00:00', hasInvoice: true }),
      orderRecord(main.id, 5, { status: 4, modified: '2026-09-01 10:00:00' }), // too old
      orderRecord(main.id, 6, { status: 4, modified: '2026-11-30 10:00:00' }), // invoice queued
      orderRecord(main.id, 7, { status: 0 }),
      orderRecord(fbe.id, 8, { status: 2, type: 2 }), // eMAG ships it: not the seller's
      orderRecord(fbe.id, 9, { status: 4, type: 2, modified: '2026-12-01 10:00:00' }), // FBE still needs an invoice
    ]);
    repos.outbox.enqueue({ accountId: main.id, orderId: 6, kind: 'invoice', payload: { url: 'https://x/6.pdf' } });
    const refused = repos.outbox.enqueue({ accountId: main.id, orderId: 2, kind: 'awb', payload: {} });
    repos.outbox.markAttemptFailed(refused.id, 'eMAG: courier refused', null, {
      cause: 'emag_error',
      reason: 'courier refused',
      code: null,
      params: {},
    });
    const superseded = repos.outbox.enqueue({ accountId: main.id, orderId: 3, kind: 'status', payload: {} });
    repos.outbox.markAttemptFailed(superseded.id, 'old', null);
    repos.outbox.enqueue({ accountId: main.id, orderId: 3, kind: 'status', payload: {} });

    const queue = readTodayQueue(repos, fixedClock('2026-12-02T10:00:00Z'));
    expect(queue.items.map((i) => [i.bucket, i.orderId])).toEqual([
      ['acknowledge', 1],
      ['ship', 2],
      ['invoice', 3],
      ['invoice', 9],
      ['failed', 2],
    ]);
    expect(queue.items[1]).toMatchObject({ overdue: true, customerName: 'Client 2', account: 'MAIN' });
    // The English text for the CLI, the failure in no language for the window.
    expect(queue.items[4]?.action).toMatchObject({
      kind: 'awb',
      error: 'eMAG: courier refused',
      failure: { cause: 'emag_error', reason: 'courier refused', code: null, params: {} },
    });
    expect(queue.counts.total).toBe(5);
  });

  it('leaves a disabled account out', () => {
    const { repos, main } = setup();
    repos.orders.upsertMany([orderRecord(main.id, 1, { status: 2 })]);
    repos.accounts.update(main.id, { enabled: false });
    expect(readTodayQueue(repos, fixedClock('2026-12-02T10:00:00Z')).items).toEqual([]);
  });
});

describe('the ship-by and invoice-flag migration', () => {
  it('fills the deadline and the invoice flag from stored JSON, and survives JSON it cannot read', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.find((m) => m.name === 'order-ship-by-invoice')!.version - 1, MIGRATIONS);
    db.exec(`INSERT INTO accounts (id, name, platform, kind, username, secret_ref, created_at)
             VALUES (1, 'MAIN', 'emag-ro', 'main', 'u', 's', '2026-01-01')`);
    const insert = db.prepare(
      `INSERT INTO orders (key, account_id, id, status, type, total_minor, currency, created_at, modified_at,
         first_seen_at, updated_at, raw_hash) VALUES (?, 1, ?, 4, 3, 0, 'RON', 'x', 'x', 'x', 'x', 'h')`,
    );
    const raws: Record<number, string> = {
      1: JSON.stringify({ maximum_date_for_shipment: '2026-12-03 23:59:59', attachments: [{ url: 'u', type: 1 }] }),
      2: JSON.stringify({ maximum_date_for_shipment: 5, attachments: [{ url: 'u', type: '3' }] }),
      3: JSON.stringify({ attachments: [{ url: 'u' }] }),
      4: 'not json',
      5: JSON.stringify({ attachments: {} }),
    };
    for (const [id, raw] of Object.entries(raws)) {
      insert.run(Number(id), Number(id));
      db.prepare('INSERT INTO order_raw (order_key, raw) VALUES (?, ?)').run(Number(id), raw);
    }
    migrate(db);
    const rows = db.prepare('SELECT id, ship_by, has_invoice FROM orders ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, ship_by: '2026-12-03 23:59:59', has_invoice: 1 },
      { id: 2, ship_by: null, has_invoice: 0 },
      { id: 3, ship_by: null, has_invoice: 1 },
      { id: 4, ship_by: null, has_invoice: 0 },
      { id: 5, ship_by: null, has_invoice: 0 },
    ]);
  });
});
