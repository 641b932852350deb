// The account-health figures from orders imported from the sandbox (issue 18), with known inputs and values worked out
// by hand below; and the threshold notification, once per crossing.
//
// "Now" is 2026-11-30 10:00 UTC = 12:00 in Bucharest; the window is the 30 days (2026-10-31 12:00, 2026-11-30 12:00].
//   id   status        placed        deadline      handed over   invoice   other
//   9001 4 finalized   11-10 09:00   11-12 09:00   11-11 15:00   yes       on time
//   9002 4 finalized   11-12 09:00   11-14 09:00   11-15 10:00   no        late
//   9003 5 returned    11-05 09:00   11-07 09:00   11-06 12:00   yes (PHP object, type as text)
//   9004 0 canceled    11-20 09:00   11-22 09:00   -             -         reason 1 out of stock (the seller's)
//   9005 0 canceled    11-21 09:00   11-23 09:00   -             -         reason {id: 2} by the client
//   9006 2 in progress 11-27 09:00   11-29 09:00   -             -         past its deadline
//   9007 3 prepared    11-29 20:00   12-01 08:00   -             -         due within 24 h
//   9008 4 finalized   10-01 09:00   10-03 09:00   10-02 09:00   no        before the window
//   9009 4 finalized   11-15 09:00   11-17 09:00   11-16 09:00   yes       a return request (status 2)
// Late shipment: deadlines in the window, not canceled: 9001 9002 9003 9006 9009 = 5; late 9002, 9006 = 2 -> 40%.
// Overdue: 9006 = 1. At risk: 9007 = 1.
// Invoices: handed over in the window: 9001 9002 9003 9009 = 4; with an invoice 9001 9003 9009 = 3 -> 75%.
// Seller cancellations: placed in the window: all but 9008 = 8; the seller's 9004 = 1 -> 12.5%.
// Returns: handed over in the window = 4; returned 9003 (status 5), 9009 (request) = 2 -> 50%.
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthFigureKey } from '../../shared/accountHealth';
import { accountHealthOf } from '../../main/core/accountHealth/service';
import { createHarness, manualClock, type Harness } from './harness';

const MAIN = { username: 'health-main', password: 'health-secret', kind: 'main' as const, orders: 0, offers: 1 };
const NOW = Date.UTC(2026, 10, 30, 10, 0, 0);

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

interface Known {
  id: number;
  status: number;
  date: string;
  deadline: string;
  shipped?: string;
  attachments?: unknown;
  reason?: unknown;
}

const KNOWN: Known[] = [
  {
    id: 9001,
    status: 4,
    date: '2026-11-10 09:00:00',
    deadline: '2026-11-12 09:00:00',
    shipped: '2026-11-11 15:00:00',
    attachments: [{ name: 'F1', url: 'https://x.ro/f1.pdf', type: 1 }],
  },
  {
    id: 9002,
    status: 4,
    date: '2026-11-12 09:00:00',
    deadline: '2026-11-14 09:00:00',
    shipped: '2026-11-15 10:00:00',
    attachments: [],
  },
  {
    id: 9003,
    status: 5,
    date: '2026-11-05 09:00:00',
    deadline: '2026-11-07 09:00:00',
    shipped: '2026-11-06 12:00:00',
    attachments: { 0: { name: 'F3', url: 'https://x.ro/f3.pdf', type: '1' } },
  },
  { id: 9004, status: 0, date: '2026-11-20 09:00:00', deadline: '2026-11-22 09:00:00', reason: 1 },
  {
    id: 9005,
    status: 0,
    date: '2026-11-21 09:00:00',
    deadline: '2026-11-23 09:00:00',
    reason: { id: 2, name: 'Cancelled by the client' },
  },
  { id: 9006, status: 2, date: '2026-11-27 09:00:00', deadline: '2026-11-29 09:00:00' },
  { id: 9007, status: 3, date: '2026-11-29 20:00:00', deadline: '2026-12-01 08:00:00' },
  {
    id: 9008,
    status: 4,
    date: '2026-10-01 09:00:00',
    deadline: '2026-10-03 09:00:00',
    shipped: '2026-10-02 09:00:00',
    attachments: [],
  },
  {
    id: 9009,
    status: 4,
    date: '2026-11-15 09:00:00',
    deadline: '2026-11-17 09:00:00',
    shipped: '2026-11-16 09:00:00',
    attachments: [{ name: 'F9', url: 'https://x.ro/f9.pdf', type: 1 }],
  },
];

async function importKnown(): Promise<{ h: Harness; accountId: number }> {
  const clock = manualClock(NOW);
  const h = await createHarness({ accounts: [MAIN], seed: 81, clock, settings: { autoAcknowledge: false } });
  harness = h;
  // The sandbox draws its generated returns from the finalized orders on first use: drawn now, from no orders, there
  // are none, and the only return request is the one added below.
  expect(h.sandbox.returns(MAIN.username)).toEqual([]);
  for (const order of KNOWN) {
    h.sandbox.addOrders(MAIN.username, 1, {
      id: order.id,
      status: order.status,
      type: 3,
      date: order.date,
      modified: order.shipped ?? order.date,
      maximum_date_for_shipment: order.deadline,
      finalization_date: order.shipped ?? null,
      attachments: (order.attachments ?? []) as never,
      reason_cancellation: (order.reason ?? null) as never,
    });
  }
  h.sandbox.addReturns(MAIN.username, 1, 9009);
  const accountId = h.accounts[MAIN.username]!.id;
  expect((await h.engine.runJob('order-changes', accountId, 'manual')).status).toBe('completed');
  expect(h.repos.orders.countByAccount(accountId)).toBe(KNOWN.length);
  return { h, accountId };
}

const figures = (h: Harness, accountId: number) => {
  const view = accountHealthOf(h.repos, h.repos.accounts.get(accountId)!, h.settings(), h.clock.now());
  return Object.fromEntries(view.figures.map((f) => [f.key, f])) as Record<
    HealthFigureKey,
    (typeof view.figures)[number]
  >;
};

describe('account-health figures', () => {
  it('match the values worked out by hand', async () => {
    const { h, accountId } = await importKnown();
    await h.engine.runJob('returns', accountId, 'manual');
    const f = figures(h, accountId);
    expect(f.lateShipmentRate).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(f.overdue).toMatchObject({ value: 1 });
    expect(f.atRisk).toMatchObject({ value: 1 });
    expect(f.invoiceRate).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
    expect(f.sellerCancelRate).toMatchObject({ value: 12.5, numerator: 1, denominator: 8 });
    expect(f.returnsRate).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    // Default thresholds: late 4%, overdue 0, at risk 5, invoices at least 95%, seller cancellations 2%, returns 10%.
    expect(
      Object.values(f)
        .filter((x) => x.breached)
        .map((x) => x.key)
        .sort(),
    ).toEqual(['invoiceRate', 'lateShipmentRate', 'overdue', 'returnsRate', 'sellerCancelRate'].sort());
  });

  it('notifies a figure once per crossing of its threshold', async () => {
    const { h, accountId } = await importKnown();
    const alerts = () => h.eventsOf('account_health_alert').map((e) => e.figure);
    // The first check is the baseline and says nothing, even with every figure past its limit (the dashboard shows
    // them): here it runs with limits nothing can pass, so the default limits below are real crossings.
    const defaults = h.settings().accountHealth;
    h.repos.settings.update({
      accountHealth: {
        lateShipmentRate: 100,
        overdue: 100_000,
        atRisk: 100_000,
        invoiceRate: 0,
        sellerCancelRate: 100,
        returnsRate: 100,
      },
    });
    await h.engine.runJob('returns', accountId, 'manual');
    expect(alerts()).toEqual([]);
    h.repos.settings.update({ accountHealth: defaults });
    await h.engine.runJob('returns', accountId, 'manual');
    expect(alerts().sort()).toEqual(
      ['invoiceRate', 'lateShipmentRate', 'overdue', 'returnsRate', 'sellerCancelRate'].sort(),
    );
    expect(h.repos.notifications.list().filter((n) => n.kind === 'account_health')).toHaveLength(5);
    const late = h.eventsOf('account_health_alert').find((e) => e.figure === 'lateShipmentRate')!;
    expect(late).toMatchObject({ value: 40, threshold: 4 });

    // Still past: not notified again.
    await h.engine.runJob('returns', accountId, 'manual');
    expect(alerts()).toHaveLength(5);

    // Back under (the seller raises the limit), then past again (lowers it): a new crossing, one more notification.
    h.repos.settings.update({ accountHealth: { lateShipmentRate: 50 } });
    await h.engine.runJob('returns', accountId, 'manual');
    expect(alerts()).toHaveLength(5);
    h.repos.settings.update({ accountHealth: { lateShipmentRate: 30 } });
    await h.engine.runJob('returns', accountId, 'manual');
    expect(alerts().filter((k) => k === 'lateShipmentRate')).toHaveLength(2);
  });
});
