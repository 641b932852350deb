// The returns job against the sandbox over HTTP (issue 18): the first run imports the account's return requests
// quietly, later runs announce each new one (notification row + return_new event), pick up status moves eMAG makes,
// set aside a request MagFlow cannot read and take it back once it reads; a seller's status change goes out through
// the outbox with rma/save, sent back whole as read, and a change the spec's matrix refuses is failed with the reason.
import { afterEach, describe, expect, it } from 'vitest';
import { formatWallTime } from '../../shared/zoneTime';
import { createHarness, drainUntilIdle, type Harness } from './harness';

const MAIN = { username: 'rma-main', password: 'rma-secret', kind: 'main' as const, orders: 400, offers: 2 };

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function open(): Promise<{ h: Harness; accountId: number }> {
  const h = await createHarness({ accounts: [MAIN], seed: 71, settings: { autoAcknowledge: false } });
  harnesses.push(h);
  return { h, accountId: h.accounts[MAIN.username]!.id };
}

/** The sandbox's returns placed within the job's first-run look-back (91 days in the harness). */
function expectedImport(h: Harness): number[] {
  const since = formatWallTime(new Date(Date.now() - 91 * 86_400_000), 'Europe/Bucharest');
  return h.sandbox
    .returns(MAIN.username)
    .filter((r) => r.date >= since)
    .map((r) => r.emag_id)
    .sort((a, b) => a - b);
}

const storedIds = (h: Harness, accountId: number): number[] =>
  h.repos.returns
    .list({ accountIds: [accountId], offset: 0, limit: 500 })
    .rows.map((r) => r.emagId)
    .sort((a, b) => a - b);

describe('the returns job', () => {
  it('imports once quietly, announces new returns, follows status moves and sets aside odd records', async () => {
    const { h, accountId } = await open();
    const first = await h.engine.runJob('returns', accountId, 'manual');
    expect(first.status).toBe('completed');
    const expected = expectedImport(h);
    expect(expected.length).toBeGreaterThan(0);
    expect(storedIds(h, accountId)).toEqual(expected);
    // The first run is the account's history: no notification per return.
    expect(h.eventsOf('return_new')).toEqual([]);
    expect(h.repos.notifications.list().filter((n) => n.kind === 'return_new')).toEqual([]);
    // Products and the first status are stored with each return.
    const sample = h.sandbox.returns(MAIN.username).find((r) => r.emag_id === expected[0])!;
    const stored = h.repos.returns.get(accountId, sample.emag_id)!;
    expect(stored.orderId).toBe(sample.order_id);
    expect(stored.lines.map((l) => l.name)).toEqual(sample.products.map((p) => p.product_name));
    expect(stored.history.map((e) => e.status)).toEqual([sample.request_status]);

    // Nothing new: nothing created, nothing announced.
    const second = await h.engine.runJob('returns', accountId, 'manual');
    expect(second).toMatchObject({ status: 'completed', created: 0 });

    // A customer places a return: one notification, one event, linked to its order.
    const [placed] = h.sandbox.addReturns(MAIN.username, 1);
    const third = await h.engine.runJob('returns', accountId, 'manual');
    expect(third).toMatchObject({ status: 'completed', created: 1 });
    expect(h.eventsOf('return_new').map((e) => [e.emagId, e.orderId])).toEqual([[placed!.emag_id, placed!.order_id]]);
    const notes = h.repos.notifications.list().filter((n) => n.kind === 'return_new');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ accountId, orderId: placed!.order_id });
    expect(notes[0]!.title).toBe(`Retur nou #${placed!.emag_id}`);

    // eMAG moves an open return placed long ago (outside the date window of later runs): the job still sees it.
    const approved = h.sandbox
      .returns(MAIN.username)
      .find((r) => r.request_status === 3 && expected.includes(r.emag_id))!;
    expect(approved).toBeDefined();
    h.sandbox.setReturnStatus(MAIN.username, approved.emag_id, 6);
    await h.engine.runJob('returns', accountId, 'manual');
    expect(h.repos.returns.get(accountId, approved.emag_id)!.history.map((e) => e.status)).toEqual([3, 6]);
    // ... and one that left the open statuses (read again by id).
    h.sandbox.setReturnStatus(MAIN.username, approved.emag_id, 7);
    await h.engine.runJob('returns', accountId, 'manual');
    expect(h.repos.returns.get(accountId, approved.emag_id)!.status).toBe(7);

    // A status eMAG does not document: set aside for the seller, the rest stored; back once it reads.
    h.sandbox.setReturnStatus(MAIN.username, placed!.emag_id, 9);
    const odd = await h.engine.runJob('returns', accountId, 'manual');
    expect(odd.status).toBe('completed');
    expect(odd.warnings).toBeGreaterThan(0);
    const listed = h.repos.needsAttention.list().filter((i) => i.kind === 'return');
    expect(listed.map((i) => i.emagId)).toEqual([String(placed!.emag_id)]);
    expect(listed[0]!.reason).toMatch(/request_status 9/);
    h.sandbox.setReturnStatus(MAIN.username, placed!.emag_id, 3);
    await h.engine.runJob('returns', accountId, 'manual');
    expect(h.repos.needsAttention.list().filter((i) => i.kind === 'return')).toEqual([]);
    expect(h.repos.returns.get(accountId, placed!.emag_id)!.status).toBe(3);
  });

  it('sends a status change with rma/save and fails one the matrix refuses', async () => {
    const { h, accountId } = await open();
    const [placed] = h.sandbox.addReturns(MAIN.username, 1);
    await h.engine.runJob('returns', accountId, 'manual');
    expect(h.repos.returns.get(accountId, placed!.emag_id)!.status).toBe(2);

    const approve = h.repos.outbox.enqueue({
      accountId,
      orderId: placed!.order_id,
      kind: 'return',
      payload: { emagId: placed!.emag_id, status: 3 },
    });
    await drainUntilIdle(h, accountId);
    expect(h.repos.outbox.get(approve.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(h.sandbox.returns(MAIN.username).find((r) => r.emag_id === placed!.emag_id)!.request_status).toBe(3);
    expect(h.repos.returns.get(accountId, placed!.emag_id)!.history.map((e) => e.status)).toEqual([2, 3]);
    expect(h.requests(MAIN.username, 'rma/save')).toBe(1);
    // The whole request went back as read (rma/save refuses a partial one), with the new status.
    const save = h.sandbox.requestLog.find((e) => e.route === 'rma/save')!;
    expect(save.status).toBe(200);

    // Approved -> finalized skips "received": eMAG's matrix refuses it; MagFlow says so without sending.
    const finalize = h.repos.outbox.enqueue({
      accountId,
      orderId: placed!.order_id,
      kind: 'return',
      payload: { emagId: placed!.emag_id, status: 7 },
    });
    await drainUntilIdle(h, accountId);
    const failed = h.repos.outbox.get(finalize.id)!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/cannot move to 7/);
    // For the window: MagFlow's own refusal, with the statuses it translates by name.
    expect(failed.failure).toEqual({
      cause: null,
      reason: null,
      code: 'action.return_change_not_allowed',
      params: { returnId: placed!.emag_id, from: 3, to: 7 },
    });
    expect(h.requests(MAIN.username, 'rma/save')).toBe(1);
    expect(h.repos.notifications.list().some((n) => n.kind === 'sync_failure')).toBe(true);
  });
});
