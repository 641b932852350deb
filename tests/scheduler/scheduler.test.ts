// The scheduler over a real sync engine and sandbox: jittered first runs, no overlap (a trigger during a run joins
// it), pause/resume, catch-up after a simulated wake-up or coming back online, outbox kicks, start-up recovery of
// runs a crash left behind, and a clean stop. A hand-moved clock stands in for hours of sleep.
import { afterEach, describe, expect, it } from 'vitest';
import type { JobName } from '../../shared/domain';
import { systemClock } from '../../main/core/clock';
import { silentLogger } from '../../main/core/logging';
import { createScheduler, type Scheduler } from '../../main/core/scheduler/scheduler';
import { firstRunDelayMs } from '../../main/core/scheduler/timing';
import { intervalMs } from '../../main/core/sync/jobs/registry';
import { createHarness, manualClock, type Harness, type HarnessOptions } from '../sync/harness';

const MAIN = { username: 'sch-main', password: 'main-secret', kind: 'main' as const, orders: 60, offers: 5 };
const FBE = { username: 'sch-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 60, offers: 5 };
const ACCOUNT_JOBS: JobName[] = ['new-orders', 'order-changes', 'send-actions', 'offers', 'returns'];
/** A jitter source that puts every first run about half a minute away: nothing fires by itself during a test. */
const FAR = () => 0.999;

let h: Harness | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop({ abort: true });
  await h?.close();
  scheduler = undefined;
  h = undefined;
});

async function setup(options: Partial<HarnessOptions> & { random?: () => number; realClock?: boolean } = {}) {
  const clock = options.realClock ? systemClock : manualClock(Date.parse('2026-11-20T09:00:00Z'));
  h = await createHarness({ accounts: [MAIN, FBE], seed: 41, clock, ...options });
  const harness = h;
  scheduler = createScheduler({
    engine: harness.engine,
    repos: harness.repos,
    bus: harness.bus,
    clock,
    logger: silentLogger,
    settings: harness.settings,
    random: options.random ?? FAR,
  });
  return {
    h: harness,
    scheduler,
    clock: clock as ReturnType<typeof manualClock>,
    mainId: harness.accounts[MAIN.username]!.id,
    fbeId: harness.accounts[FBE.username]!.id,
  };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const runsOf = (harness: Harness) => harness.repos.syncRuns.list({ limit: 1_000 }).rows;

/** Every scheduled (job, account) pair as 'job:account', sorted. */
const allPairs = (mainId: number, fbeId: number): string[] =>
  [...[mainId, fbeId].flatMap((id) => ACCOUNT_JOBS.map((job) => `${job}:${id}`)), 'maintenance:*', 'health:*'].sort();

describe('scheduler', () => {
  it('spreads first runs by the injected jitter, off round times', async () => {
    const draws = [0.05, 0.9, 0.3, 0.6, 0.15, 0.75, 0.45, 0.2, 0.35, 0.5, 0.1, 0.8];
    let next = 0;
    const { scheduler, clock, h, mainId, fbeId } = await setup({ random: () => draws[next++ % draws.length]! });
    scheduler.start();
    const now = clock.now().getTime();
    const settings = h.settings();
    const order = [
      ...[mainId, fbeId].flatMap((accountId) => ACCOUNT_JOBS.map((job) => ({ job, accountId }))),
      { job: 'maintenance' as const, accountId: null },
      { job: 'health' as const, accountId: null },
    ];
    const planned = scheduler.state().jobs;
    for (const [index, { job, accountId }] of order.entries()) {
      const view = planned.find((j) => j.job === job && j.accountId === accountId)!;
      const expected = now + firstRunDelayMs(intervalMs(job, settings), () => draws[index]!);
      expect(Date.parse(view.nextRunAt!), `${job} ${accountId}`).toBe(expected);
      expect(Date.parse(view.nextRunAt!) - now).toBeGreaterThanOrEqual(1_000);
    }
    expect(new Set(planned.map((j) => j.nextRunAt)).size).toBe(planned.length);
  });

  it('runs every job of every account once at start, recorded as start-up runs', async () => {
    const { scheduler, h, mainId, fbeId } = await setup({ random: () => 0 });
    scheduler.start();
    const startup = () => runsOf(h).filter((r) => r.mode === 'startup' && r.status !== 'running');
    await waitFor(() => startup().length >= allPairs(mainId, fbeId).length, 'the first runs');
    // Each pair once (acknowledgements queued by the import may add kicked drains, recorded as scheduled).
    expect(
      startup()
        .map((r) => `${r.job}:${r.accountId ?? '*'}`)
        .sort(),
    ).toEqual(allPairs(mainId, fbeId));
    expect(startup().every((r) => r.status === 'completed')).toBe(true);
    await scheduler.stop();
    expect(h.repos.orders.count()).toBe(120);
  });

  it('joins a trigger that arrives while the same job of the same account is running', async () => {
    const { scheduler, h, mainId, fbeId } = await setup({
      faults: [{ route: 'order/read', account: MAIN.username, kind: 'slow', delayMs: 400 }],
    });
    scheduler.start();
    const [a, b] = await Promise.all([
      scheduler.syncNow({ job: 'new-orders', accountId: mainId }),
      sleep(50).then(() => scheduler.syncNow({ job: 'new-orders', accountId: mainId })),
    ]);
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    // A run started outside the scheduler is joined too (the engine keeps one run per job and account).
    const direct = h.engine.runJob('new-orders', mainId, 'manual');
    await sleep(50);
    const [joined] = await scheduler.syncNow({ job: 'new-orders', accountId: mainId });
    expect(joined!.id).toBe((await direct).id);
    expect(h.repos.syncRuns.list({ job: 'new-orders', accountId: mainId }).total).toBe(2);
    // The other account's job is another pair: it runs beside them.
    const [other] = await scheduler.syncNow({ job: 'new-orders', accountId: fbeId });
    expect(other!.status).toBe('completed');
  });

  it('runs nothing while paused, and overdue jobs at once on resume', async () => {
    const { scheduler, h, clock, mainId, fbeId } = await setup({ random: () => 0 });
    scheduler.start();
    scheduler.pause();
    expect(scheduler.isPaused()).toBe(true);
    expect(scheduler.state()).toMatchObject({ paused: true });
    expect(scheduler.state().jobs.every((j) => j.nextRunAt === null)).toBe(true);
    // A kick (a seller action queued meanwhile) waits too.
    scheduler.kickOutbox(mainId);
    await sleep(1_300); // past the 1 s first-run delay
    expect(runsOf(h)).toHaveLength(0);

    clock.advance(10_000);
    scheduler.resume();
    expect(scheduler.isPaused()).toBe(false);
    const caughtUp = () => runsOf(h).filter((r) => r.mode === 'catch-up' && r.status !== 'running');
    await waitFor(() => caughtUp().length >= allPairs(mainId, fbeId).length, 'the overdue runs');
    expect(
      caughtUp()
        .map((r) => `${r.job}:${r.accountId ?? '*'}`)
        .sort(),
    ).toEqual(allPairs(mainId, fbeId));
    expect(runsOf(h).some((r) => r.mode === 'startup')).toBe(false);
    await scheduler.stop();
  });

  it('catches up overdue jobs after a wake-up, and failed ones when back online', async () => {
    const { scheduler, h, clock, mainId, fbeId } = await setup({ settings: { autoAcknowledge: false } });
    scheduler.start();
    await scheduler.syncNow();
    await scheduler.syncNow({ job: 'maintenance' });
    await scheduler.syncNow({ job: 'health' });
    const before = runsOf(h).length;
    expect(before).toBe(allPairs(mainId, fbeId).length);

    // Nothing is overdue yet: catching up does nothing.
    await scheduler.catchUp('resume');
    expect(runsOf(h)).toHaveLength(before);

    // The laptop slept for a night and a day (no timer fired meanwhile): every job is overdue, maintenance too.
    clock.advance(25 * 3_600_000);
    await scheduler.catchUp('resume');
    const caughtUp = runsOf(h).filter((r) => r.mode === 'catch-up');
    expect(caughtUp.map((r) => `${r.job}:${r.accountId ?? '*'}`).sort()).toEqual(allPairs(mainId, fbeId));
    expect(caughtUp.every((r) => r.status === 'completed')).toBe(true);
    const planned = scheduler.state().jobs.map((j) => Date.parse(j.nextRunAt!));
    expect(planned.every((at) => at > clock.now().getTime())).toBe(true);

    // The network drops: a poll fails as a transport error. Back online, that job runs again at once.
    h.sandbox.setFaults([{ account: MAIN.username, kind: 'reset' }]);
    const [offline] = await scheduler.syncNow({ job: 'new-orders', accountId: mainId });
    expect(offline).toMatchObject({ status: 'failed', errorKind: 'transport' });
    h.sandbox.setFaults([]);
    const count = runsOf(h).length;
    await scheduler.catchUp('online');
    const rerun = runsOf(h).slice(0, runsOf(h).length - count);
    expect(rerun.map((r) => [r.job, r.accountId, r.mode, r.status])).toEqual([
      ['new-orders', mainId, 'catch-up', 'completed'],
    ]);
  });

  it('drains a seller action soon after it is queued', async () => {
    const { scheduler, h, mainId } = await setup({ settings: { autoAcknowledge: false } });
    scheduler.start();
    await scheduler.syncNow({ accountId: mainId });
    const order = h.sandbox.orders(MAIN.username).find((o) => o.status === 2)!;
    const action = h.repos.outbox.enqueue({
      accountId: mainId,
      orderId: order.id,
      kind: 'status',
      payload: { status: 3 },
    });
    h.bus.emit({ type: 'outbox_changed', action });
    await waitFor(() => h.repos.outbox.get(action.id)?.state === 'sent', 'the action to be sent', 5_000);
    expect(h.sandbox.orders(MAIN.username).find((o) => o.id === order.id)?.status).toBe(3);
    expect(h.repos.orders.get(mainId, order.id)?.status).toBe(3);
    expect(h.repos.syncRuns.last('send-actions', mainId)?.mode).toBe('scheduled');
  });

  it('still drains a queued action soon when a settings change reschedules everything right after it', async () => {
    const { scheduler, h, mainId } = await setup({ settings: { autoAcknowledge: false } });
    scheduler.start();
    await scheduler.syncNow({ accountId: mainId });
    const order = h.sandbox.orders(MAIN.username).find((o) => o.status === 2)!;
    const action = h.repos.outbox.enqueue({
      accountId: mainId,
      orderId: order.id,
      kind: 'status',
      payload: { status: 3 },
    });
    h.bus.emit({ type: 'outbox_changed', action });
    // The AWB dialog saves the pickup address in Settings as it queues the AWB: the reschedule must keep the drain.
    h.bus.emit({ type: 'settings_changed', settings: h.repos.settings.get() });
    await waitFor(() => h.repos.outbox.get(action.id)?.state === 'sent', 'the action to be sent', 5_000);
    expect(h.sandbox.orders(MAIN.username).find((o) => o.id === order.id)?.status).toBe(3);
  });

  it('keeps polling on its own: an order placed later is announced by a scheduled run', async () => {
    const { scheduler, h, mainId } = await setup({
      realClock: true,
      random: () => 0,
      settings: { autoAcknowledge: false },
      // A one-second new-orders interval (the seller's minimum is 15 s); everything else stays far away.
      adjustSettings: (settings) => ({ ...settings, intervals: { ...settings.intervals, newOrdersSec: 1 } }),
    });
    scheduler.start();
    await waitFor(() => h.repos.syncRuns.last('order-changes', mainId)?.status === 'completed', 'the first import');
    const [order] = h.sandbox.addOrders(MAIN.username, 1);
    await waitFor(() => h.eventsOf('order_new').some((e) => e.orderId === order!.id), 'the new order', 8_000);
    const polls = h.repos.syncRuns.list({ job: 'new-orders', accountId: mainId }).rows;
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls[0]!.mode).toBe('scheduled');
    expect(h.eventsOf('order_new').filter((e) => e.orderId === order!.id)).toHaveLength(1);
  });

  it('acknowledges new orders and retries failed acknowledgements by itself, with no one calling it', async () => {
    const { scheduler, h, mainId } = await setup({
      realClock: true,
      faults: [{ route: 'order/acknowledge', kind: 'http500', nth: [1, 2, 4] }],
      client: { retry: { maxAttempts: 1 } },
      tuning: { outboxRetryBaseMs: 50, outboxRetryMaxMs: 200 },
    });
    h.sandbox.addOrders(MAIN.username, 6);
    const newMain = h.sandbox
      .orders(MAIN.username)
      .filter((o) => o.status === 1)
      .map((o) => o.id);
    scheduler.start();
    await scheduler.syncNow({ job: 'new-orders', accountId: mainId });
    await waitFor(() => h.repos.outbox.countByState('sent', mainId) === newMain.length, 'every acknowledgement');
    expect(h.sandbox.orders(MAIN.username).filter((o) => newMain.includes(o.id) && o.status !== 2)).toHaveLength(0);
    const retried = newMain.flatMap((id) => h.repos.outbox.forOrder(mainId, id)).filter((a) => a.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(h.repos.syncRuns.list({ job: 'send-actions', accountId: mainId }).total).toBeGreaterThan(1);
  });

  it('follows settings and accounts when rescheduled: new intervals, a disabled account dropped', async () => {
    const { scheduler, h, clock, mainId, fbeId } = await setup();
    scheduler.start();
    await scheduler.syncNow({ job: 'offers' });
    const offersAt = () =>
      Date.parse(scheduler.state().jobs.find((j) => j.job === 'offers' && j.accountId === mainId)!.nextRunAt!);
    const started = Date.parse(h.repos.syncRuns.last('offers', mainId)!.startedAt);
    expect(offersAt()).toBe(started + 3_600_000);

    h.repos.settings.update({ intervals: { offersSec: 7_200 } });
    h.repos.accounts.update(fbeId, { enabled: false });
    scheduler.reschedule();
    // Planned again from the last run: the new interval after it, plus under 2 s so jobs do not fire together.
    expect(offersAt() - started).toBeGreaterThanOrEqual(7_200_000);
    expect(offersAt() - started).toBeLessThan(7_202_000);
    expect(scheduler.state().jobs.some((j) => j.accountId === fbeId)).toBe(false);
    expect(scheduler.state().jobs).toHaveLength(ACCOUNT_JOBS.length + 2);

    // The disabled account is no longer caught up either.
    clock.advance(25 * 3_600_000);
    await scheduler.catchUp('resume');
    expect(
      h.repos.syncRuns.list({ accountId: fbeId, limit: 100 }).rows.filter((r) => r.mode === 'catch-up'),
    ).toHaveLength(0);
  });

  it('says at once what a sync now started: the accounts it covers, or the app for an app-wide job', async () => {
    const { scheduler, h, mainId, fbeId } = await setup();
    scheduler.start();
    const all = scheduler.syncNow({ job: 'new-orders' });
    expect(all.targets).toEqual([mainId, fbeId]);
    expect((await all).map((run) => run.accountId)).toEqual([mainId, fbeId]);
    const one = scheduler.syncNow({ job: 'new-orders', accountId: fbeId });
    expect(one.targets).toEqual([fbeId]);
    await one;
    const health = scheduler.syncNow({ job: 'health' });
    expect(health.targets).toEqual([null]);
    expect((await health).map((run) => run.job)).toEqual(['health']);
    // A disabled account is covered only when asked for by name.
    h.repos.accounts.update(fbeId, { enabled: false });
    expect(scheduler.syncNow({ job: 'offers' }).targets).toEqual([mainId]);
    expect(scheduler.syncNow({ job: 'offers', accountId: fbeId }).targets).toEqual([fbeId]);
  });

  it('reschedules by itself when the bus says settings or accounts changed', async () => {
    const { scheduler, h, mainId, fbeId } = await setup();
    scheduler.start();
    await scheduler.syncNow({ job: 'offers' });
    const offersAt = () =>
      Date.parse(scheduler.state().jobs.find((j) => j.job === 'offers' && j.accountId === mainId)!.nextRunAt!);
    const started = Date.parse(h.repos.syncRuns.last('offers', mainId)!.startedAt);

    const settings = h.repos.settings.update({ intervals: { offersSec: 7_200 } });
    h.bus.emit({ type: 'settings_changed', settings });
    expect(offersAt() - started).toBeGreaterThanOrEqual(7_200_000);
    expect(offersAt() - started).toBeLessThan(7_202_000);

    const account = h.repos.accounts.update(fbeId, { enabled: false })!;
    h.bus.emit({ type: 'accounts_changed', change: 'saved', account });
    expect(scheduler.state().jobs.some((j) => j.accountId === fbeId)).toBe(false);

    // Stopped, it no longer follows them: nothing is planned for the account enabled again.
    await scheduler.stop();
    h.repos.accounts.update(fbeId, { enabled: true });
    h.bus.emit({ type: 'accounts_changed', change: 'saved', account: { ...account, enabled: true } });
    const fbeJobs = scheduler.state().jobs.filter((j) => j.accountId === fbeId);
    expect(fbeJobs).toHaveLength(ACCOUNT_JOBS.length);
    expect(fbeJobs.every((j) => j.nextRunAt === null)).toBe(true);
  });

  it('marks runs a crashed process left running as failed when it starts', async () => {
    const { scheduler, h, mainId } = await setup();
    const orphan = h.repos.syncRuns.start('order-changes', mainId, 'scheduled');
    scheduler.start();
    expect(h.repos.syncRuns.get(orphan.id)).toMatchObject({ status: 'failed' });
    expect(h.repos.syncRuns.get(orphan.id)!.error).toContain('stopped while this run was in progress');
  });

  it('stops cleanly: waits for a running job, or aborts it when asked', async () => {
    const { scheduler, h, mainId } = await setup({
      faults: [{ route: 'order/read', account: MAIN.username, kind: 'slow', delayMs: 300 }],
    });
    scheduler.start();
    const waited = scheduler.syncNow({ job: 'new-orders', accountId: mainId });
    await sleep(50);
    await scheduler.stop();
    expect((await waited)[0]!.status).toBe('completed');

    scheduler.start();
    const aborted = scheduler.syncNow({ job: 'order-changes', accountId: mainId });
    await sleep(50);
    await scheduler.stop({ abort: true });
    expect((await aborted)[0]).toMatchObject({ status: 'cancelled' });
    expect(h.repos.syncRuns.running()).toHaveLength(0);
  });

  it('a stop during "sync now" ends it there: the jobs after the aborted one are not started', async () => {
    const { scheduler, h, mainId } = await setup({
      faults: [{ route: 'order/read', account: MAIN.username, kind: 'slow', delayMs: 5_000 }],
    });
    scheduler.start();
    const all = scheduler.syncNow({ accountId: mainId });
    await waitFor(() => h.repos.syncRuns.running().length > 0, 'the first job to start');
    await scheduler.stop({ abort: true });
    const runs = await all;
    expect(runs.map((run) => [run.job, run.status])).toEqual([['new-orders', 'cancelled']]);
    await sleep(100);
    expect(h.repos.syncRuns.running()).toHaveLength(0);
    expect(runsOf(h).map((run) => run.job)).toEqual(['new-orders']);
  });
});
