// Seller actions through the outbox against the sandbox: an AWB and an invoice attachment go out once; when MagFlow
// stops in the middle of sending one (eMAG gets it, the outcome is never recorded), the restarted engine checks eMAG
// and records it as done instead of issuing a second AWB or attaching the invoice twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { OutboxAction } from '../../shared/domain';
import { UNCONFIRMED } from '../../main/core/sync/outboxPolicy';
import { startSandbox } from '../../main/sandbox';
import { createHarness, drainUntilIdle, type Harness } from './harness';

const MAIN = { username: 'act-main', password: 'main-secret', kind: 'main' as const, orders: 80, offers: 2 };
const SENDER = {
  name: 'Magazin Test SRL',
  contact: 'Ana Pop',
  phone1: '0722123456',
  locality_id: 8801,
  street: 'Str. Lunga 1',
};

let harnesses: Harness[] = [];
let dir = '';
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

async function open(options: Parameters<typeof createHarness>[0]): Promise<Harness> {
  const h = await createHarness(options);
  harnesses.push(h);
  return h;
}

/** Requests eMAG processed (answered 200, or processed with the answer lost) for a route and order id. */
const processed = (h: Harness, route: string, orderId?: number): number =>
  h.sandbox.requestLog.filter(
    (e) =>
      e.route === route &&
      e.status === 200 &&
      (e.fault === undefined || e.fault === 'slow' || e.fault === 'malformedJson') &&
      (orderId === undefined || e.path.endsWith(`/${orderId}`) || !e.path.match(/\/\d+$/)),
  ).length;

async function importedOrderInProgress(h: Harness, accountId: number): Promise<number> {
  await h.engine.runJob('new-orders', accountId, 'startup');
  await h.engine.runJob('order-changes', accountId, 'startup');
  const order = h.sandbox.orders(MAIN.username).find((o) => o.status === 2 && o.type === 3);
  expect(h.repos.orders.get(accountId, order!.id)?.status).toBe(2);
  return order!.id;
}

const queueAwb = (h: Harness, accountId: number, orderId: number): OutboxAction =>
  h.repos.outbox.enqueue({
    accountId,
    orderId,
    kind: 'awb',
    payload: { sender: SENDER, parcels: 1, envelopes: 0, weightKg: 2, codMinor: 0 },
  });

describe('seller actions through the outbox', () => {
  it('issues an AWB and attaches an invoice once each, announcing both', async () => {
    const h = await open({ accounts: [MAIN], seed: 61, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    const orderId = await importedOrderInProgress(h, mainId);
    const awb = queueAwb(h, mainId, orderId);
    const invoice = h.repos.outbox.enqueue({
      accountId: mainId,
      orderId,
      kind: 'invoice',
      payload: { url: 'https://invoices.example.ro/F-1001.pdf', name: 'Factura F-1001' },
    });
    await drainUntilIdle(h, mainId);

    expect(h.repos.outbox.get(awb.id)).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(h.repos.outbox.get(invoice.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(processed(h, 'awb/save')).toBe(1);
    expect(processed(h, 'order/attachments/save')).toBe(1);
    expect(h.sandbox.orders(MAIN.username).find((o) => o.id === orderId)?.status).toBe(4);
    expect(h.repos.orders.get(mainId, orderId)?.status).toBe(4);
    expect(h.eventsOf('awb_generated').map((e) => e.orderId)).toEqual([orderId]);
    expect(h.eventsOf('awb_generated')[0]!.awbNumber).toMatch(/^[A-Z]{2}\d+$/);
    expect(h.eventsOf('invoice_generated').map((e) => [e.orderId, e.url])).toEqual([
      [orderId, 'https://invoices.example.ro/F-1001.pdf'],
    ]);
    expect(
      h.repos.notifications
        .list()
        .map((n) => n.kind)
        .sort(),
    ).toEqual(expect.arrayContaining(['awb', 'invoice']));
  });

  it('does not issue a second AWB after MagFlow stopped in the middle of sending the first', async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-actions-'));
    const dbPath = join(dir, 'magflow.db');
    const first = await open({
      accounts: [MAIN],
      seed: 62,
      dbPath,
      settings: { autoAcknowledge: false },
      // eMAG takes its time with the AWB; the process is gone before the answer comes.
      faults: [{ route: 'awb/save', kind: 'slow', delayMs: 400 }],
    });
    const mainId = first.accounts[MAIN.username]!.id;
    const orderId = await importedOrderInProgress(first, mainId);
    const awb = queueAwb(first, mainId, orderId);

    const stop = new AbortController();
    const run = first.engine.runJob('send-actions', mainId, 'manual', stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 150));
    stop.abort(); // what a crash leaves behind: the request is out, nothing after it is recorded
    expect((await run).status).toBe('cancelled');
    const left = first.repos.outbox.get(awb.id)!;
    expect(left.state).toBe('pending');
    expect(left.lastError?.startsWith(UNCONFIRMED)).toBe(true);
    // The window says the same in its language: a note, not a failure.
    expect(left.failure).toEqual({ cause: null, reason: null, code: 'action.in_flight', params: {} });
    // eMAG got it all the same.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(processed(first, 'awb/save')).toBe(1);
    expect(first.sandbox.orders(MAIN.username).find((o) => o.id === orderId)?.status).toBe(4);
    first.sandbox.setFaults([]);
    await first.close({ keepSandbox: true });
    harnesses = harnesses.filter((h) => h !== first);

    // A new process on the same database and the same eMAG.
    const second = await open({
      accounts: [MAIN],
      seed: 62,
      dbPath,
      sandbox: first.sandbox,
      settings: { autoAcknowledge: false },
    });
    await drainUntilIdle(second, mainId);
    const done = second.repos.outbox.get(awb.id)!;
    expect(done.state).toBe('sent');
    expect(done).toMatchObject({ lastError: null, failure: null });
    expect(
      JSON.parse(
        second.db.prepare<[number], { result: string }>('SELECT result FROM outbox WHERE id = ?').get(awb.id)!.result,
      ),
    ).toMatchObject({ verified: true });
    expect(processed(second, 'awb/save')).toBe(1);
    await first.sandbox.close();
  });

  it("records an action eMAG refuses as failed, with eMAG's reason, in the feed and on the run", async () => {
    const h = await open({ accounts: [MAIN], seed: 64, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    const orderId = await importedOrderInProgress(h, mainId);
    // Back to "new" is not a move eMAG allows for an order in progress.
    const action = h.repos.outbox.enqueue({ accountId: mainId, orderId, kind: 'status', payload: { status: 1 } });
    const run = await h.engine.runJob('send-actions', mainId, 'manual');
    expect(run).toMatchObject({ status: 'completed', failed: 1 });
    const failed = h.repos.outbox.get(action.id)!;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('cannot change from 2');
    // For the window: eMAG's refusal as a cause, eMAG's own words beside it, no MagFlow code.
    expect(failed.failure).toMatchObject({ cause: 'emag_error', code: null, params: {} });
    expect(failed.failure?.reason).toContain('cannot change from 2');
    const note = h.repos.notifications.list().find((n) => n.kind === 'sync_failure');
    expect(note).toMatchObject({ accountId: mainId, orderId });
    expect(h.eventsOf('outbox_changed').at(-1)!.action.state).toBe('failed');
    expect(h.sandbox.orders(MAIN.username).find((o) => o.id === orderId)?.status).toBe(2);
    // Not retried by itself: the seller decides.
    await h.engine.runJob('send-actions', mainId, 'manual');
    expect(h.repos.outbox.get(action.id)!.attempts).toBe(1);
  });

  it('counts a status change as done when its repeat after a lost answer is refused because the first one took effect', async () => {
    // eMAG's clock moves a second on every request once the drain starts, so the save that took effect moves the
    // order's `modified`, and the client's repeat of that save (its answer was lost) no longer restates the order.
    let ticking = false;
    let skewMs = 0;
    const sandbox = await startSandbox({
      port: 0,
      seed: 64,
      accounts: [MAIN],
      rateLimit: false,
      faults: [{ route: 'order/save', kind: 'malformedJson', count: 1 }],
      now: () => new Date(Date.now() + (ticking ? (skewMs += 1_000) : skewMs)),
    });
    onTestFinished(() => sandbox.close());
    const h = await open({ accounts: [MAIN], sandbox, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    const orderId = await importedOrderInProgress(h, mainId);
    const action = h.repos.outbox.enqueue({ accountId: mainId, orderId, kind: 'status', payload: { status: 3 } });
    ticking = true;
    await drainUntilIdle(h, mainId);
    ticking = false;
    const saves = h.sandbox.requestLog.filter((e) => e.route === 'order/save');
    expect(saves).toHaveLength(2);
    expect(saves[0]).toMatchObject({ status: 200, fault: 'malformedJson' });
    expect(saves[1]!.status).toBe(200); // refused in the envelope: 'modified' differs from the order as read
    expect(h.repos.outbox.get(action.id)).toMatchObject({ state: 'sent', lastError: null });
    expect(h.sandbox.orders(MAIN.username).find((o) => o.id === orderId)?.status).toBe(3);
    expect(h.repos.orders.get(mainId, orderId)?.status).toBe(3);
  });

  it('does not attach an invoice twice when eMAG attached it but the answer was lost', async () => {
    const h = await open({
      accounts: [MAIN],
      seed: 63,
      settings: { autoAcknowledge: false },
      faults: [{ route: 'order/attachments/save', kind: 'malformedJson', count: 1 }],
      client: { retry: { maxAttempts: 1 } },
    });
    const mainId = h.accounts[MAIN.username]!.id;
    const orderId = await importedOrderInProgress(h, mainId);
    const invoice = h.repos.outbox.enqueue({
      accountId: mainId,
      orderId,
      kind: 'invoice',
      payload: { url: 'https://invoices.example.ro/F-2002.pdf' },
    });
    await drainUntilIdle(h, mainId);
    expect(h.repos.outbox.get(invoice.id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(processed(h, 'order/attachments/save')).toBe(1);
    const attachments = h.sandbox.orders(MAIN.username).find((o) => o.id === orderId)?.attachments ?? [];
    expect(attachments.filter((a) => a.url === 'https://invoices.example.ro/F-2002.pdf')).toHaveLength(1);
  });

  it('writes an order MagFlow cannot parse from its raw JSON, sending every field back in the form eMAG sent it', async () => {
    const h = await open({ accounts: [MAIN], seed: 65, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('order-changes', mainId, 'startup');
    // Live forms: a cancellation reason as an object, details as {}, money as a number, ids as text.
    const odd = () => {
      const [added] = h.sandbox.addOrders(MAIN.username, 1, { payment_mode_id: 1 });
      const record = added!;
      Object.assign(record, {
        reason_cancellation: { id: 2, name: 'Anulata de client' },
        details: {},
        shipping_tax: 19.99,
        customer: { ...record.customer, shipping_locality_id: String(record.customer.shipping_locality_id) },
        products: record.products.map((p) => ({ ...p, product_id: String(p.product_id) })),
        enforced_vendor_courier_accounts: null,
      });
      h.sandbox.setOrderStatus(MAIN.username, record.id, 2);
      return record.id;
    };
    const statusOrder = odd();
    const awbOrder = odd();
    // MagFlow's parser refuses such an order today; the actions must go out all the same.
    expect(h.repos.orders.get(mainId, statusOrder)).toBeUndefined();
    const status = h.repos.outbox.enqueue({
      accountId: mainId,
      orderId: statusOrder,
      kind: 'status',
      payload: { status: 3 },
    });
    const awb = queueAwb(h, mainId, awbOrder);
    await drainUntilIdle(h, mainId);
    expect(h.repos.outbox.get(status.id)).toMatchObject({ state: 'sent', lastError: null });
    expect(h.repos.outbox.get(awb.id)).toMatchObject({ state: 'sent', lastError: null });
    const sandboxOrder = (id: number) => h.sandbox.orders(MAIN.username).find((o) => o.id === id)!;
    expect(sandboxOrder(statusOrder)).toMatchObject({ status: 3, shipping_tax: 19.99, details: {} });
    expect(sandboxOrder(awbOrder).status).toBe(4);
    // The receiver came from the order's own customer block, the text-typed locality id included.
    expect(h.repos.outbox.get(awb.id)!.result?.awbNumber).toMatch(/^[A-Z]{2}\d+$/);
  });

  it('records the AWB number whichever form the answer has, reading it back when eMAG sent only ids', async () => {
    const h = await open({ accounts: [MAIN], seed: 66, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('order-changes', mainId, 'startup');
    const ids = h.sandbox.addOrders(MAIN.username, 3, { enforced_vendor_courier_accounts: null }).map((o) => o.id);
    for (const id of ids) h.sandbox.setOrderStatus(MAIN.username, id, 2);
    const actions = ids.map((id) => queueAwb(h, mainId, id));
    h.sandbox.clearRequestLog();
    await drainUntilIdle(h, mainId);
    for (const action of actions) {
      expect(h.repos.outbox.get(action.id)).toMatchObject({
        state: 'sent',
        result: { awbNumber: expect.stringMatching(/^[A-Z]{2}\d+$/), reservationId: expect.any(Number) },
      });
    }
    expect(processed(h, 'awb/save')).toBe(3);
    // One of the three answers carried ids only: its number was read back, not stored as null.
    expect(h.sandbox.requestLog.filter((e) => e.route === 'awb/read' && e.status === 200)).toHaveLength(1);
    expect(h.eventsOf('awb_generated').every((e) => typeof e.awbNumber === 'string')).toBe(true);
  });

  it("fails an AWB with the reason when eMAG closed the order's courier list after it was queued", async () => {
    const h = await open({ accounts: [MAIN], seed: 67, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    const orderId = await importedOrderInProgress(h, mainId);
    const record = h.sandbox.orders(MAIN.username).find((o) => o.id === orderId)!;
    const awb = queueAwb(h, mainId, orderId);
    record.enforced_vendor_courier_accounts = [];
    await drainUntilIdle(h, mainId);
    expect(h.repos.outbox.get(awb.id)).toMatchObject({
      state: 'failed',
      lastError: expect.stringMatching(/no AWB from MagFlow.*courier list is empty/),
      // MagFlow's own refusal: a code and its values, which the window words in its language.
      failure: { cause: null, reason: null, code: 'action.awb_no_courier', params: { orderId } },
    });
    expect(processed(h, 'awb/save')).toBe(0);
  });
});
