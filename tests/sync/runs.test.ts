// How runs end and what they leave behind, against the sandbox over real HTTP: the run timeout (kept work, resumed
// from the watermark), account isolation, retention cleanup, the health job, the offers job and coalesced bursts.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRun } from '../../shared/domain';
import { CACHE_TTL } from '../../main/core/cache/entries';
import { createHarness, manualClock, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const spec = (username: string, kind: 'main' | 'fbe', orders: number, offers = 2) => ({
  username,
  password: `${username}-secret`,
  kind,
  orders,
  offers,
});

const DAY_MS = 86_400_000;

describe('run timeout', () => {
  it('records a timed-out run as timed_out, keeps what it stored, and the next run continues from the watermark', async () => {
    const MAIN = spec('tmo-main', 'main', 900);
    let runTimeoutSec = 4;
    h = await createHarness({
      accounts: [MAIN],
      seed: 31,
      settings: { autoAcknowledge: false },
      // The sixth page read (in the second window) hangs; the run gives up after 4 s, a budget the five reads before
      // it fit in even on a loaded machine (the seller's minimum is 30 s: too slow for a test).
      faults: [{ route: 'order/read', kind: 'slow', nth: [6], delayMs: 15_000 }],
      client: { timeoutMs: 30_000 },
      adjustSettings: (settings) => ({ ...settings, runTimeoutSec }),
    });
    const mainId = h.accounts[MAIN.username]!.id;
    const finished: SyncRun[] = [];
    h.bus.on('sync_finished', (event) => finished.push(event.run));

    const first = await h.engine.runJob('order-changes', mainId, 'startup');
    // It stopped waiting on the hung sixth read (order/count requests, if any, come on top).
    expect(first).toMatchObject({ status: 'timed_out', errorKind: 'timeout' });
    expect(first.requests).toBeGreaterThanOrEqual(6);
    expect(first.error).toContain('run timeout');
    expect(finished.map((run) => run.status)).toEqual(['timed_out']);
    // What it stored before the timeout is kept, and the watermark moved past the windows it finished.
    expect(first.created).toBeGreaterThan(0);
    expect(h.repos.orders.countByAccount(mainId)).toBe(first.created);
    const watermark = h.repos.cursors.get(mainId, 'order-changes');
    expect(watermark).toBeDefined();
    expect(Date.parse(watermark!)).toBeGreaterThan(Date.now() - 91 * DAY_MS);
    // Not finished: no summary yet, and nothing announced order by order.
    expect(h.eventsOf('orders_imported')).toHaveLength(0);

    runTimeoutSec = 600; // the rest of the import gets the normal budget
    const second = await h.engine.runJob('order-changes', mainId, 'scheduled');
    expect(second.status).toBe('completed');
    expect(first.created + second.created).toBe(900);
    // It did not start over: it read fewer orders than the whole account.
    expect(second.created + second.unchanged + second.updated).toBeLessThan(900);
    expect(h.repos.orders.countByAccount(mainId)).toBe(900);
    expect(h.eventsOf('order_new')).toHaveLength(0);
    expect(h.eventsOf('orders_imported').map((e) => e.count)).toEqual([900]);
    const text = await h.metrics.registry.metrics();
    expect(text).toMatch(/magflow_sync_timeouts_total\{job="order-changes",account="TMO-MAIN"\} 1/);
    expect(text).toMatch(
      /magflow_sync_run_duration_seconds_count\{job="order-changes",account="TMO-MAIN",status="timed_out"\} 1/,
    );
  });

  it('tells a caller’s cancel apart from a timeout', async () => {
    const MAIN = spec('cnc-main', 'main', 300);
    h = await createHarness({
      accounts: [MAIN],
      seed: 32,
      faults: [{ route: 'order/read', kind: 'slow', nth: [2], delayMs: 3_000 }],
    });
    const controller = new AbortController();
    const running = h.engine.runJob('order-changes', h.accounts[MAIN.username]!.id, 'manual', controller.signal);
    setTimeout(() => controller.abort(), 200);
    const run = await running;
    expect(run).toMatchObject({ status: 'cancelled', errorKind: 'cancelled' });
    expect(h.repos.syncRuns.running()).toHaveLength(0);
  });
});

describe('account isolation', () => {
  it('records wrong credentials on that account’s runs while the other account syncs fully', async () => {
    const MAIN = spec('iso-main', 'main', 200);
    const FBE = spec('iso-fbe', 'fbe', 200);
    h = await createHarness({ accounts: [MAIN, FBE], seed: 33, passwords: { [MAIN.username]: 'wrong-password' } });
    const mainId = h.accounts[MAIN.username]!.id;
    const fbeId = h.accounts[FBE.username]!.id;
    const jobs = ['new-orders', 'order-changes', 'send-actions', 'offers'] as const;
    const runs = await Promise.all(
      [mainId, fbeId].flatMap((accountId) => jobs.map((job) => h!.engine.runJob(job, accountId, 'manual'))),
    );
    const mainRuns = runs.filter((run) => run.accountId === mainId);
    const fbeRuns = runs.filter((run) => run.accountId === fbeId);
    // The outbox of the failing account is empty, so its drain has nothing to send and does not fail.
    expect(mainRuns.map((run) => [run.job, run.status, run.errorKind])).toEqual([
      ['new-orders', 'failed', 'auth'],
      ['order-changes', 'failed', 'auth'],
      ['send-actions', 'completed', null],
      ['offers', 'failed', 'auth'],
    ]);
    expect(fbeRuns.map((run) => run.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(h.repos.orders.countByAccount(fbeId)).toBe(200);
    expect(h.repos.orders.countByAccount(mainId)).toBe(0);
    // One notification for the failing account, not one per job.
    const failures = h.repos.notifications.list().filter((n) => n.kind === 'sync_failure');
    expect(failures.map((n) => n.accountId)).toEqual([mainId]);
    // A failing account fails again without a new notification.
    await h.engine.runJob('new-orders', mainId, 'scheduled');
    expect(h.repos.notifications.list().filter((n) => n.kind === 'sync_failure')).toHaveLength(1);

    const health = await h.engine.runJob('health', null, 'scheduled');
    expect(health).toMatchObject({ status: 'completed', failed: 1 });
    const report = h.engine.healthReport();
    expect(report.accounts.map((a) => [a.account, a.level, a.reachable, a.lastErrorKind])).toEqual([
      ['ISO-MAIN', 'failing', false, 'auth'],
      ['ISO-FBE', 'ok', true, null],
    ]);
    expect(report.level).toBe('failing');
  });

  it('does not hold up one account while the other one hangs', async () => {
    const MAIN = spec('hang-main', 'main', 50);
    const FBE = spec('hang-fbe', 'fbe', 50);
    h = await createHarness({
      accounts: [MAIN, FBE],
      seed: 34,
      faults: [{ account: MAIN.username, kind: 'slow', delayMs: 4_000 }],
      adjustSettings: (settings) => ({ ...settings, runTimeoutSec: 2 }),
    });
    const mainId = h.accounts[MAIN.username]!.id;
    const fbeId = h.accounts[FBE.username]!.id;
    const hanging = h.engine.runJob('new-orders', mainId, 'manual');
    const fine = await h.engine.runJob('new-orders', fbeId, 'manual');
    expect(fine.status).toBe('completed');
    expect(h.engine.isRunning('new-orders', mainId)).toBe(true);
    expect((await hanging).status).toBe('timed_out');
  });
});

describe('maintenance', () => {
  it('deletes runs, notifications and finished outbox actions older than the retention, and expired cache rows', async () => {
    const MAIN = spec('ret-main', 'main', 5);
    const clock = manualClock(Date.parse('2026-10-01T08:00:00Z'));
    h = await createHarness({ accounts: [MAIN], seed: 35, clock, settings: { retentionDays: 10 } });
    const mainId = h.accounts[MAIN.username]!.id;
    const { repos } = h;

    const oldRun = repos.syncRuns.finish(repos.syncRuns.start('new-orders', mainId, 'scheduled').id, {
      status: 'completed',
    });
    const oldNote = repos.notifications.add({ kind: 'order_new', title: 'old', body: 'old', accountId: mainId });
    const oldSent = repos.outbox.enqueue({ accountId: mainId, orderId: 1, kind: 'acknowledge', payload: {} });
    repos.outbox.markSent(oldSent.id);
    const oldPending = repos.outbox.enqueue({ accountId: mainId, orderId: 2, kind: 'acknowledge', payload: {} });
    await h.cache.set('courier-accounts:1', ['old'], CACHE_TTL.courierAccounts);

    clock.advance(9 * DAY_MS);
    const recentRun = repos.syncRuns.finish(repos.syncRuns.start('offers', mainId, 'scheduled').id, {
      status: 'failed',
      error: 'recent',
    });
    const recentNote = repos.notifications.add({ kind: 'sync_failure', title: 'new', body: 'new' });
    clock.advance(2 * DAY_MS);
    await h.cache.set('vat:1', ['live'], CACHE_TTL.vat);

    const run = await h.engine.runJob('maintenance', null, 'scheduled');
    expect(run.status).toBe('completed');
    // One old run, one old notification, one old sent action, one expired cache row.
    expect(run.updated).toBe(4);
    expect(repos.syncRuns.get(oldRun.id)).toBeUndefined();
    expect(repos.syncRuns.get(recentRun.id)?.error).toBe('recent');
    expect(repos.notifications.list().map((n) => n.id)).toEqual([recentNote.id]);
    expect(repos.notifications.list().some((n) => n.id === oldNote.id)).toBe(false);
    expect(repos.outbox.get(oldSent.id)).toBeUndefined();
    // An action still waiting to go out is never thrown away, however old.
    expect(repos.outbox.get(oldPending.id)?.state).toBe('pending');
    expect(h.cache.stats().keys).toBe(1);
    expect(await h.cache.get('vat:1')).toEqual(['live']);
  });
});

describe('health', () => {
  it('marks runs stuck past the stuck timeout as failed and announces a changed report once', async () => {
    const MAIN = spec('hlt-main', 'main', 5);
    const clock = manualClock();
    h = await createHarness({ accounts: [MAIN], seed: 36, clock, settings: { stuckTimeoutMin: 15 } });
    const mainId = h.accounts[MAIN.username]!.id;
    const stuck = h.repos.syncRuns.start('offers', mainId, 'scheduled');
    clock.advance(10 * 60_000);
    const young = h.repos.syncRuns.start('order-changes', mainId, 'scheduled');
    clock.advance(6 * 60_000);

    const run = await h.engine.runJob('health', null, 'scheduled');
    expect(run).toMatchObject({ status: 'completed', updated: 1, failed: 0 });
    expect(h.repos.syncRuns.get(stuck.id)).toMatchObject({ status: 'failed' });
    expect(h.repos.syncRuns.get(stuck.id)!.error).toContain('15 min');
    expect(h.repos.syncRuns.get(young.id)!.status).toBe('running');
    const report = h.engine.healthReport();
    expect(report).toMatchObject({ level: 'ok', database: { ok: true }, stuckRunsMarked: 1 });
    expect(report.accounts.map((a) => [a.account, a.reachable, a.breaker])).toEqual([['HLT-MAIN', true, 'closed']]);
    expect(h.eventsOf('health_changed')).toHaveLength(1);

    await h.engine.runJob('health', null, 'scheduled');
    expect(h.eventsOf('health_changed')).toHaveLength(1);
    h.sandbox.setFaults([{ kind: 'reset' }]);
    await h.engine.runJob('health', null, 'scheduled');
    expect(h.eventsOf('health_changed').map((e) => e.health.level)).toEqual(['ok', 'failing']);
  });
});

describe('health of one job', () => {
  it('reports an account degraded when one of its jobs keeps failing while the API answers', async () => {
    const MAIN = spec('lag-main', 'main', 20, 30);
    const clock = manualClock();
    h = await createHarness({
      accounts: [MAIN],
      seed: 39,
      clock,
      faults: [{ route: 'product_offer/read', kind: 'isError' }],
    });
    const mainId = h.accounts[MAIN.username]!.id;
    expect((await h.engine.runJob('offers', mainId, 'manual')).status).toBe('failed');
    // One failure is not yet a health problem (the failure notification already told the seller).
    await h.engine.runJob('new-orders', mainId, 'manual');
    await h.engine.runJob('health', null, 'scheduled');
    expect(h.engine.healthReport().accounts[0]!.level).toBe('ok');

    // Three offer intervals later it still fails, while new orders keep working.
    clock.advance(3 * 3_600_000 + 1_000);
    expect((await h.engine.runJob('offers', mainId, 'scheduled')).status).toBe('failed');
    expect((await h.engine.runJob('new-orders', mainId, 'scheduled')).status).toBe('completed');
    await h.engine.runJob('health', null, 'scheduled');
    const [account] = h.engine.healthReport().accounts;
    expect(account).toMatchObject({ level: 'degraded', reachable: true, lastErrorKind: 'api' });
    // eMAG's message said once, not once by the client and again by the sync.
    expect(account!.lastError).toBe(
      'offers: eMAG rejected product_offer/read: The request could not be processed (simulated fault)',
    );
    expect(h.engine.healthReport().level).toBe('degraded');

    h.sandbox.setFaults([]);
    expect((await h.engine.runJob('offers', mainId, 'manual')).status).toBe('completed');
    await h.engine.runJob('health', null, 'scheduled');
    expect(h.engine.healthReport().accounts[0]).toMatchObject({ level: 'ok', lastError: null });
    expect(h.eventsOf('health_changed').map((e) => e.health.level)).toEqual(['ok', 'degraded', 'ok']);
  });
});

describe('offers', () => {
  it('counts, reads every page once, reports progress, and drops cached offer lists only when offers changed', async () => {
    const MAIN = spec('off-main', 'main', 5, 250);
    h = await createHarness({ accounts: [MAIN], seed: 37 });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.cache.set('offers:list:all', ['stale'], CACHE_TTL.offerList);

    const first = await h.engine.runJob('offers', mainId, 'startup');
    expect(first).toMatchObject({ status: 'completed', created: 250, pages: 3, requests: 4 });
    expect(h.repos.offers.countByAccount(mainId)).toBe(250);
    const progress = h.eventsOf('sync_progress').filter((e) => e.job === 'offers');
    expect(progress[0]).toMatchObject({ done: 0, total: 250, accountId: mainId });
    expect(progress.at(-1)).toMatchObject({ done: 250, total: 250 });
    expect(await h.cache.get('offers:list:all')).toBeUndefined();

    await h.cache.set('offers:list:all', ['fresh'], CACHE_TTL.offerList);
    const second = await h.engine.runJob('offers', mainId, 'scheduled');
    expect(second).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 250 });
    expect(await h.cache.get('offers:list:all')).toEqual(['fresh']);
    const text = await h.metrics.registry.metrics();
    expect(text).toMatch(/magflow_sync_offers\{account="OFF-MAIN"\} 250/);
  });
});

describe('offers while the list shifts', () => {
  it('writes an offer met twice in one walk once, and picks up the offer that pushed it on the next run', async () => {
    const MAIN = spec('shift-main', 'main', 5, 250);
    h = await createHarness({ accounts: [MAIN], seed: 40 });
    const mainId = h.accounts[MAIN.username]!.id;
    const live = h.sandbox.offers(MAIN.username);
    const newcomer = { ...structuredClone(live[0]!), id: 9_900_001 };
    // The seller adds an offer in eMAG while page 1 is being stored: page 2 now starts one offer earlier.
    const unsubscribe = h.bus.on('sync_progress', (event) => {
      if (event.job === 'offers' && event.done === 100) live.unshift(newcomer);
    });
    const first = await h.engine.runJob('offers', mainId, 'manual');
    unsubscribe();
    expect(first).toMatchObject({ status: 'completed', created: 250, updated: 0, unchanged: 0, pages: 3 });
    expect(h.repos.offers.countByAccount(mainId)).toBe(250);

    const second = await h.engine.runJob('offers', mainId, 'scheduled');
    expect(second).toMatchObject({ status: 'completed', created: 1, unchanged: 250 });
    expect(h.repos.offers.countByAccount(mainId)).toBe(251);
  });
});

describe('new orders after the first import', () => {
  it('announces a burst above the coalescing limit as one summary, and fewer orders one by one', async () => {
    const MAIN = spec('brs-main', 'main', 40);
    h = await createHarness({ accounts: [MAIN], seed: 38, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('new-orders', mainId, 'startup');
    await h.engine.runJob('order-changes', mainId, 'startup');
    expect(h.eventsOf('orders_imported').map((e) => e.count)).toEqual([40]);

    h.sandbox.addOrders(MAIN.username, 30);
    await h.engine.runJob('new-orders', mainId, 'scheduled');
    expect(h.eventsOf('orders_imported').map((e) => e.count)).toEqual([40, 30]);
    expect(h.eventsOf('order_new')).toHaveLength(0);

    const few = h.sandbox.addOrders(MAIN.username, 3);
    await h.engine.runJob('new-orders', mainId, 'scheduled');
    expect(
      h
        .eventsOf('order_new')
        .map((e) => e.orderId)
        .sort(),
    ).toEqual(few.map((o) => o.id).sort());
    expect(h.repos.notifications.list().filter((n) => n.kind === 'orders_imported')).toHaveLength(2);
  });
});
