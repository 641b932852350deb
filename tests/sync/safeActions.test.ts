// Safe actions (#16 §3) against the sandbox over HTTP: a status change waits in the outbox for the undo window (the
// send-actions job does not send it early), "Undo" inside the window takes it back before eMAG hears of it, and a
// cancellation goes to eMAG with the seller's reason.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../main/core/errors';
import { orderActions } from '../../main/core/orders/actions';
import { createHarness, manualClock, type Harness } from './harness';

const MAIN = { username: 'safe-main', password: 'main-secret', kind: 'main' as const, orders: 60, offers: 2 };
const UNDO_MS = 8_000;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setup() {
  const clock = manualClock(Date.parse('2026-11-25T09:00:00Z'));
  const h = await createHarness({ accounts: [MAIN], seed: 71, clock, settings: { autoAcknowledge: false } });
  harness = h;
  const accountId = h.accounts[MAIN.username]!.id;
  await h.engine.runJob('new-orders', accountId, 'startup');
  await h.engine.runJob('order-changes', accountId, 'startup');
  const inProgress = h.sandbox.orders(MAIN.username).filter((o) => o.status === 2 && o.type === 3);
  expect(inProgress.length).toBeGreaterThan(1);
  const actions = orderActions({ repos: h.repos, bus: h.bus, clock, kickOutbox: vi.fn(), undoDelayMs: () => UNDO_MS });
  const saves = () => h.requests(MAIN.username, 'order/save');
  const remote = (id: number) => h.sandbox.orders(MAIN.username).find((o) => o.id === id)!;
  const drain = () => h.engine.runJob('send-actions', accountId, 'manual');
  return { h, clock, accountId, actions, saves, remote, drain, ids: inProgress.map((o) => o.id) };
}

describe('safe actions: undo window and cancellation reasons', () => {
  it('holds a cancellation for the undo window, then sends it with the chosen reason', async () => {
    const { clock, accountId, actions, saves, remote, drain, ids } = await setup();
    const orderId = ids[0]!;
    const queued = actions.changeStatus(accountId, orderId, 0, 33);
    expect(queued.payload).toMatchObject({ status: 0, reasonCancellation: 33 });
    expect(Date.parse(queued.nextAttemptAt!) - clock.now().getTime()).toBe(UNDO_MS);

    // Inside the window the drain sends nothing.
    clock.advance(UNDO_MS - 1_000);
    await drain();
    expect(saves()).toBe(0);
    expect(remote(orderId).status).toBe(2);

    clock.advance(1_000);
    await drain();
    expect(saves()).toBe(1);
    expect(remote(orderId)).toMatchObject({ status: 0, reason_cancellation: 33 });
    expect(harness!.repos.outbox.get(queued.id)?.state).toBe('sent');
    // Too late to undo once sent.
    expect(() => actions.undo(queued.id)).toThrow(AppError);
  });

  it('"Undo" inside the window takes the change back: eMAG never hears of it', async () => {
    const { clock, accountId, actions, saves, remote, drain, ids } = await setup();
    const orderId = ids[1]!;
    const queued = actions.changeStatus(accountId, orderId, 3);
    clock.advance(3_000);
    const undone = actions.undo(queued.id);
    expect(undone.state).toBe('cancelled');
    expect(harness!.eventsOf('outbox_changed').at(-1)?.action).toMatchObject({ id: queued.id, state: 'cancelled' });
    clock.advance(UNDO_MS * 2);
    await drain();
    expect(saves()).toBe(0);
    expect(remote(orderId).status).toBe(2);
    // The seller may change their mind again: a new change is queued (and held) afresh.
    expect(actions.changeStatus(accountId, orderId, 3).state).toBe('pending');
  });

  it("refuses a cancellation without a reason from eMAG's list, and a reason on anything else", async () => {
    const { accountId, actions, ids } = await setup();
    for (const reason of [undefined, 7, 22, 99]) {
      expect(() => actions.changeStatus(accountId, ids[0]!, 0, reason)).toThrow(/reason/);
    }
    expect(() => actions.changeStatus(accountId, ids[0]!, 3, 1)).toThrow(/only with a cancellation/);
  });

  it('the client refuses to send an unlisted reason code, before anything goes out', async () => {
    const { h, accountId, ids } = await setup();
    const client = h.clientFor(accountId);
    const [raw] = await client.orders.readRaw({ id: ids[0]!, type: 3 });
    const before = h.requests(MAIN.username, 'order/save');
    await expect(client.orders.changeStatus(raw!, 0, undefined, 12)).rejects.toThrow(/reason_cancellation/);
    expect(h.requests(MAIN.username, 'order/save')).toBe(before);
  });
});
