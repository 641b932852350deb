// New orders in seconds (issue 17 §5). eMAG cannot call a desktop app behind NAT (README §5), so MagFlow polls; a
// full new-orders read every few seconds would spend the order routes' budget on nothing. So every
// `intervals.newOrdersCheckSec` (12 s) each enabled account gets ONE `order/count` of its new orders (status 1, its
// type): a few bytes, one request. When eMAG counts more new orders than are stored as new, the account's
// new-orders job runs at once (the scheduler's own run, so the acknowledgement, the notification and the next full
// read follow as usual). The arithmetic of its cost is in docs/sync.md ("The quick new-order check").
import type { Account } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import type { Repositories } from '../db';
import type { EmagClient } from '../emag';
import type { Logger } from '../logging';
import { orderTypeFor } from '../sync/mapOrder';

export interface NewOrderWatchDeps {
  repos: Pick<Repositories, 'accounts' | 'today'>;
  clientFor(accountId: number): Pick<EmagClient, 'orders'>;
  scheduler: { kickNewOrders(accountId: number): boolean; isPaused(): boolean };
  settings(): Settings;
  logger: Logger;
  /** Jitter of the first check (tests pass a fixed one). */
  random?: () => number;
  /** Timers (tests pass manual ones and call `checkNow`). */
  setTimer?: (run: () => void, ms: number) => { cancel(): void };
}

export type CheckOutcome = 'triggered' | 'unchanged' | 'busy' | 'failed' | 'off';

export interface NewOrderWatch {
  start(): void;
  stop(): void;
  /** One check of every enabled account now (the timer's tick; tests call it directly). */
  checkNow(): Promise<Map<number, CheckOutcome>>;
  /** Checks and triggers so far (Diagnostics, the bench). */
  counts(): { checks: number; triggers: number; failures: number };
}

const realTimer = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  handle.unref?.();
  return { cancel: () => clearTimeout(handle) };
};

/** A check slower than this is abandoned (the next tick asks again). */
const CHECK_TIMEOUT_MS = 8_000;

export function createNewOrderWatch(deps: NewOrderWatchDeps): NewOrderWatch {
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? realTimer;
  let timer: { cancel(): void } | null = null;
  let running = false;
  let ticking = false;
  const stats = { checks: 0, triggers: 0, failures: 0 };
  /**
   * Per account, the difference a triggered read was sent for: eMAG's count and how many orders were stored then.
   * When the next check finds the same count and nothing was imported since (records set aside), the difference is
   * lasting and costs one full read, not one per check. Anything imported since means the read brought orders home
   * (and the acknowledgement took them out of "new"), so the same count now is another order: read again.
   */
  const settled = new Map<number, { atEmag: number; stored: number }>();
  const controllers = new Set<AbortController>();

  const intervalMs = (): number => deps.settings().intervals.newOrdersCheckSec * 1000;

  async function checkAccount(account: Account): Promise<CheckOutcome> {
    const type = orderTypeFor(account.kind);
    const controller = new AbortController();
    controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), CHECK_TIMEOUT_MS);
    try {
      stats.checks += 1;
      const count = await deps.clientFor(account.id).orders.count({ status: 1, type }, { signal: controller.signal });
      const atEmag = count.noOfItems;
      const stored = deps.repos.today.newOrdersCount(account.id, type);
      if (atEmag <= stored) {
        settled.delete(account.id);
        return 'unchanged';
      }
      const storedAll = deps.repos.today.storedOrdersCount(account.id);
      const memo = settled.get(account.id);
      if (memo && memo.atEmag === atEmag && memo.stored === storedAll) return 'unchanged';
      if (!deps.scheduler.kickNewOrders(account.id)) return 'busy';
      stats.triggers += 1;
      settled.set(account.id, { atEmag, stored: storedAll });
      deps.logger.debug('quick check: new orders at eMAG, reading them now', { account: account.name, atEmag, stored });
      return 'triggered';
    } catch (error) {
      // The full new-orders job reports failures (run history, notification); a failed check only waits for the next.
      stats.failures += 1;
      deps.logger.debug('quick new-order check failed', { account: account.name, error });
      return 'failed';
    } finally {
      clearTimeout(timeout);
      controllers.delete(controller);
    }
  }

  async function checkNow(): Promise<Map<number, CheckOutcome>> {
    const outcomes = new Map<number, CheckOutcome>();
    if (intervalMs() === 0 || deps.scheduler.isPaused() || ticking) return outcomes;
    ticking = true;
    try {
      const accounts = deps.repos.accounts.list().filter((account) => account.enabled);
      const results = await Promise.all(accounts.map((account) => checkAccount(account)));
      accounts.forEach((account, i) => outcomes.set(account.id, results[i] ?? 'failed'));
    } finally {
      ticking = false;
    }
    return outcomes;
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    timer = setTimer(() => {
      timer = null;
      void checkNow().finally(() => schedule(nextDelay()));
    }, delayMs);
  }

  /** The interval, or a minute's nap while the check is off (0), so turning it back on needs no restart. */
  const nextDelay = (): number => intervalMs() || 60_000;

  return {
    start() {
      if (running) return;
      running = true;
      // Not at round times and not in step with the full read (eMAG asks for both, README §4).
      schedule(1_000 + Math.floor(random() * nextDelay()));
    },
    stop() {
      running = false;
      timer?.cancel();
      timer = null;
      for (const controller of controllers) controller.abort();
    },
    checkNow,
    counts: () => ({ ...stats }),
  };
}
