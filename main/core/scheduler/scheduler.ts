// The scheduler: every job of every enabled account (and the app-wide ones) on node-schedule timers, first runs
// jittered, never overlapping itself, with sync-now, pause/resume, catch-up after sleep, outbox kicks and a clean stop.
import { scheduleJob, type Job } from 'node-schedule';
import type { JobName, RunMode, SyncRun } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import type { JobStateView, SyncStateView } from '../../../shared/views';
import type { Clock } from '../clock';
import type { Repositories } from '../db';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logging';
import type { SyncEngine } from '../sync/engine';
import { ACCOUNT_JOBS, APP_JOBS, intervalMs, isAccountJob, OUTBOX_JOB, SYNC_NOW_ORDER } from '../sync/jobs/registry';
import { firstRunDelayMs } from './timing';

export interface SchedulerDeps {
  engine: SyncEngine;
  repos: Repositories;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  settings(): Settings;
  /** Jitter source (tests pass a fixed one). */
  random?: () => number;
  /** Multiplies every interval (the reliability soak runs the real schedule faster); default 1. */
  intervalScale?: number;
  /** Whether the accounts being synced are demo mode's (the state says so); default never. */
  isDemo?: () => boolean;
}

export interface Scheduler {
  /** Marks runs stuck from a previous crash as failed, then schedules every job (first runs jittered). */
  start(): void;
  /** Cancels the timers and waits for running jobs (or aborts them first): none is left 'running'. */
  stop(options?: { abort?: boolean }): Promise<void>;
  /** Runs the jobs now (all per-account jobs by default); joins runs already in progress. */
  syncNow(options?: { job?: JobName; accountId?: number }): SyncNowRuns;
  pause(): void;
  /** Un-pauses; overdue jobs run at once. */
  resume(): void;
  isPaused(): boolean;
  /** Runs overdue jobs now (after the machine wakes up or comes back online). */
  catchUp(reason: 'resume' | 'online'): Promise<void>;
  /** Rebuilds the schedule (done by itself when settings or accounts change). */
  reschedule(): void;
  /** A seller action was just queued: drain the account's outbox soon. */
  kickOutbox(accountId: number): void;
  /**
   * The quick check saw new orders at eMAG (newOrderWatch.ts): run the account's new-orders job now, as its scheduled
   * run (the next one is then planned an interval later, so the check adds no full reads of its own). False when it
   * did not start one (not scheduled, paused, stopping); a run under way is run again right after it.
   */
  kickNewOrders(accountId: number): boolean;
  state(): SyncStateView;
}

/**
 * What "sync now" started, known at once: the accounts it covers (null for an app-wide job); awaited, its runs (the
 * per-account jobs of each account in the sync-now order, accounts in parallel).
 */
export type SyncNowRuns = Promise<SyncRun[]> & { readonly targets: readonly (number | null)[] };

interface Entry {
  job: JobName;
  accountId: number | null;
  /** Clock time (ms) of the next planned run; null while running or not planned. */
  nextRunAt: number | null;
  timer: Job | NodeJS.Timeout | null;
  /** The first run after start() is recorded as a 'startup' run. */
  first: boolean;
  /** Kicked while running: run again right after. */
  again: boolean;
}

interface InFlight {
  promise: Promise<SyncRun | null>;
  controller: AbortController;
}

const keyOf = (job: JobName, accountId: number | null): string => `${job}:${accountId ?? '*'}`;

/** Never plan the next run closer than this after the last one ended. */
const MIN_GAP_MS = 1_000;
/** A kicked outbox drain starts this soon (a short pause lets a burst of actions go in one run). */
const KICK_DELAY_MS = 200;
/** A failure of these kinds means "offline": coming back online re-runs the job at once. */
const OFFLINE_KINDS = new Set(['transport', 'timeout', 'circuitOpen']);

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { engine, repos, bus, clock, logger } = deps;
  const random = deps.random ?? Math.random;
  const scale = deps.intervalScale ?? 1;
  const intervalOf = (job: JobName, settings: Settings): number => intervalMs(job, settings) * scale;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, InFlight>();
  let started = false;
  let stopping = false;
  let paused = false;
  let unsubscribe: (() => void)[] = [];

  const now = (): number => clock.now().getTime();

  function cancelTimer(entry: Entry): void {
    if (entry.timer === null) return;
    if ('cancel' in entry.timer) entry.timer.cancel();
    else clearTimeout(entry.timer);
    entry.timer = null;
  }

  /** Plans the entry's next run at clock time `at` (the timer is armed only while running and not paused). */
  function plan(entry: Entry, at: number): void {
    cancelTimer(entry);
    entry.nextRunAt = at;
    if (!started || stopping || paused) return;
    const fire = () => {
      entry.timer = null;
      void trigger(entry, entry.first ? 'startup' : 'scheduled');
    };
    // Timers run on the real clock: convert the clock-time target into a delay.
    const delay = Math.max(0, at - now());
    const job = delay > 0 ? scheduleJob(new Date(Date.now() + delay), fire) : null;
    entry.timer = job ?? setTimeout(fire, 0);
  }

  /** When an entry should first run: its interval after its last recorded run, or soon (jittered) when overdue. */
  function initialRunAt(entry: Entry): number {
    const settings = deps.settings();
    const interval = intervalOf(entry.job, settings);
    const last = repos.syncRuns.last(entry.job, entry.accountId);
    const due = last ? Date.parse(last.startedAt) + interval : Number.NEGATIVE_INFINITY;
    const soonest = now() + firstRunDelayMs(interval, random);
    // Not at a round time, and not every job at the same instant (eMAG asks for both).
    const at = due <= now() ? soonest : due + Math.floor(random() * 2_000);
    // A seller action already due (kicked just before a settings change rescheduled everything) is not left waiting
    // for the drain's next interval: saving the pickup address while queuing an AWB does exactly that.
    if (entry.job === OUTBOX_JOB && entry.accountId !== null) {
      const nextDue = repos.outbox.nextDueAt(entry.accountId);
      if (nextDue) return Math.min(at, Math.max(Date.parse(nextDue), now() + KICK_DELAY_MS));
    }
    return at;
  }

  /** After a run: its interval after it started, never sooner than a short gap; outbox drains also follow due actions. */
  function planNext(entry: Entry, startedAt: number): void {
    if (!started || stopping || entries.get(keyOf(entry.job, entry.accountId)) !== entry) return;
    const settings = deps.settings();
    let at = Math.max(startedAt + intervalOf(entry.job, settings), now() + MIN_GAP_MS);
    // Kicked while it ran (an outbox drain, or new orders the quick check saw): again, soon.
    if (entry.again) at = now() + KICK_DELAY_MS;
    if (entry.job === OUTBOX_JOB && entry.accountId !== null) {
      const nextDue = repos.outbox.nextDueAt(entry.accountId);
      if (nextDue) at = Math.min(at, Math.max(Date.parse(nextDue), now() + KICK_DELAY_MS));
    }
    entry.again = false;
    plan(entry, at);
  }

  function trigger(entry: Entry, mode: RunMode): Promise<SyncRun | null> {
    const key = keyOf(entry.job, entry.accountId);
    const running = inFlight.get(key);
    if (running) return running.promise;
    // Stopping (or stopped): a "sync now" still walking its list of jobs starts no more of them, so nothing is left
    // running (and unrecorded) after the database closes.
    if (stopping) return Promise.resolve(null);
    cancelTimer(entry);
    entry.nextRunAt = null;
    entry.first = false;
    const controller = new AbortController();
    const startedAt = now();
    const promise = engine
      .runJob(entry.job, entry.accountId, mode, controller.signal)
      .catch((error: unknown) => {
        // runJob refuses only bad arguments (an account removed meanwhile); the run itself never throws.
        logger.warn('job not run', { job: entry.job, accountId: entry.accountId, error: String(error) });
        return null;
      })
      .finally(() => {
        inFlight.delete(key);
        planNext(entry, startedAt);
      });
    inFlight.set(key, { promise, controller });
    return promise;
  }

  /** Every (job, account) pair that should be scheduled now. */
  function wanted(): { job: JobName; accountId: number | null }[] {
    const accounts = repos.accounts.list().filter((account) => account.enabled);
    return [
      ...accounts.flatMap((account) => ACCOUNT_JOBS.map((job) => ({ job, accountId: account.id }))),
      ...APP_JOBS.map((job) => ({ job, accountId: null })),
    ];
  }

  function entryFor(job: JobName, accountId: number | null): Entry {
    const key = keyOf(job, accountId);
    let entry = entries.get(key);
    if (!entry) {
      entry = { job, accountId, nextRunAt: null, timer: null, first: true, again: false };
      // Only scheduled pairs are remembered: a manual run of a disabled account stays a one-off.
      if (started && wanted().some((w) => keyOf(w.job, w.accountId) === key)) entries.set(key, entry);
    }
    return entry;
  }

  function reschedule(): void {
    if (!started || stopping) return;
    const keep = new Set<string>();
    for (const { job, accountId } of wanted()) {
      const key = keyOf(job, accountId);
      keep.add(key);
      let entry = entries.get(key);
      if (!entry) {
        entry = { job, accountId, nextRunAt: null, timer: null, first: true, again: false };
        entries.set(key, entry);
      }
      if (!inFlight.has(key)) plan(entry, initialRunAt(entry));
    }
    for (const [key, entry] of entries) {
      if (keep.has(key)) continue;
      cancelTimer(entry);
      entries.delete(key);
    }
  }

  function onOutboxChanged(accountId: number, nextAttemptAt: string | null, state: string): void {
    // Only an action due now needs a drain; a retry scheduled for later is planned by the drain that failed it.
    if (state !== 'pending' || (nextAttemptAt !== null && Date.parse(nextAttemptAt) > now())) return;
    kickOutbox(accountId);
  }

  function kickOutbox(accountId: number): void {
    if (!started || stopping || paused) return;
    const entry = entries.get(keyOf(OUTBOX_JOB, accountId));
    if (!entry) return;
    if (inFlight.has(keyOf(OUTBOX_JOB, accountId))) {
      entry.again = true;
      return;
    }
    const at = now() + KICK_DELAY_MS;
    if (entry.nextRunAt === null || entry.nextRunAt > at) plan(entry, at);
  }

  function kickNewOrders(accountId: number): boolean {
    if (!started || stopping || paused) return false;
    const entry = entries.get(keyOf('new-orders', accountId));
    if (!entry) return false;
    // A read already under way may have asked eMAG before the order arrived: read again right after it.
    if (inFlight.has(keyOf('new-orders', accountId))) {
      entry.again = true;
      return true;
    }
    plan(entry, now());
    return true;
  }

  /** The accounts "sync now" covers: the one asked for (even if disabled), else every enabled account. */
  const syncNowAccounts = (accountId: number | undefined) =>
    repos.accounts.list().filter((account) => (accountId === undefined ? account.enabled : account.id === accountId));

  function syncNow(options: { job?: JobName; accountId?: number } = {}): SyncNowRuns {
    const { job, accountId } = options;
    if (job && !isAccountJob(job)) {
      const runs = trigger(entryFor(job, null), 'manual').then((run) => (run ? [run] : []));
      return Object.assign(runs, { targets: [null] });
    }
    const accountIds = syncNowAccounts(accountId).map((account) => account.id);
    const jobs = job ? [job] : SYNC_NOW_ORDER;
    // Accounts in parallel (one failing never holds up another), each account's jobs in order.
    const runs = Promise.all(
      accountIds.map(async (id) => {
        const done: SyncRun[] = [];
        for (const name of jobs) {
          const run = await trigger(entryFor(name, id), 'manual');
          if (run) done.push(run);
        }
        return done;
      }),
    ).then((perAccount) => perAccount.flat());
    return Object.assign(runs, { targets: accountIds });
  }

  async function catchUp(reason: 'resume' | 'online'): Promise<void> {
    if (!started || stopping || paused) return;
    const at = now();
    const due = [...entries.values()].filter((entry) => {
      if (inFlight.has(keyOf(entry.job, entry.accountId))) return false;
      if (entry.nextRunAt !== null && entry.nextRunAt <= at) return true;
      if (reason !== 'online') return false;
      const last = repos.syncRuns.last(entry.job, entry.accountId);
      return last?.status === 'failed' && OFFLINE_KINDS.has(last.errorKind ?? '');
    });
    logger.info('catching up overdue jobs', { reason, jobs: due.length });
    await Promise.all(due.map((entry) => trigger(entry, 'catch-up')));
  }

  function view(job: JobName, accountId: number | null, accountName: string | null): JobStateView {
    const entry = entries.get(keyOf(job, accountId));
    const active = engine.activeRuns().find((run) => run.job === job && run.accountId === accountId);
    return {
      job,
      accountId,
      account: accountName,
      running: active !== undefined || inFlight.has(keyOf(job, accountId)),
      progress: active?.progress ?? null,
      lastRun: repos.syncRuns.last(job, accountId) ?? null,
      lastGoodAt: repos.syncRuns.last(job, accountId, 'completed')?.finishedAt ?? null,
      nextRunAt: !paused && entry?.nextRunAt != null ? new Date(entry.nextRunAt).toISOString() : null,
    };
  }

  return {
    start() {
      if (started) return;
      // Nothing of ours runs yet, so every run still marked 'running' was left by a process that died.
      const marked = repos.syncRuns.markInterrupted(engine.activeRuns().map((run) => run.runId));
      if (marked > 0) logger.warn('runs left running by a previous process marked failed', { count: marked });
      started = true;
      stopping = false;
      unsubscribe = [
        bus.on('outbox_changed', ({ action }) => onOutboxChanged(action.accountId, action.nextAttemptAt, action.state)),
        bus.on('accounts_changed', () => reschedule()),
        bus.on('settings_changed', () => reschedule()),
      ];
      reschedule();
    },

    async stop(options = {}) {
      if (!started) return;
      stopping = true;
      for (const stopListening of unsubscribe.splice(0)) stopListening();
      for (const entry of entries.values()) cancelTimer(entry);
      if (options.abort) for (const running of inFlight.values()) running.controller.abort();
      await Promise.allSettled([...inFlight.values()].map((running) => running.promise));
      entries.clear();
      started = false;
    },

    syncNow,

    pause() {
      paused = true;
      for (const entry of entries.values()) cancelTimer(entry);
      logger.info('sync paused');
    },

    resume() {
      if (!paused) return;
      paused = false;
      logger.info('sync resumed');
      for (const entry of entries.values()) {
        const key = keyOf(entry.job, entry.accountId);
        if (inFlight.has(key)) continue;
        if (entry.nextRunAt !== null && entry.nextRunAt <= now()) void trigger(entry, 'catch-up');
        else plan(entry, entry.nextRunAt ?? initialRunAt(entry));
      }
    },

    isPaused: () => paused,
    catchUp,
    reschedule,
    kickOutbox,
    kickNewOrders,

    state() {
      const accounts = repos.accounts.list().filter((account) => account.enabled);
      return {
        paused,
        demo: deps.isDemo?.() ?? false,
        jobs: [
          ...accounts.flatMap((account) => ACCOUNT_JOBS.map((job) => view(job, account.id, account.name))),
          ...APP_JOBS.map((job) => view(job, null, null)),
        ],
      };
    },
  };
}
