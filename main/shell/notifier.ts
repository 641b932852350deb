// OS notifications: one per new order (several arriving together become one "12 new orders"), a failing account
// once per failure streak, AWB issued, invoice attached. Each kind can be switched off; sound and quiet hours apply.
// Clicking a notification opens the window on what it is about.
import type { NavigateEvent, OrderNewEvent } from '../../shared/events';
import type { SyncRun } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import type { EventBus } from '../core/events/bus';
import type { Logger } from '../core/logging';
import { HEALTH_FIGURE_UNIT } from '../../shared/accountHealth';
import { returnText } from '../core/returns/returnText';
import { shellText, type NotificationText } from './notificationText';
import type { NotificationPort, NotificationsPort } from './ports';
import { inQuietHours } from './quietHours';
import type { TodayQueue } from '../../shared/today';
import { deadlineText } from './deadlineText';

export type NavigateTarget = NavigateEvent['to'];
type Kind =
  'newOrder' | 'syncFailure' | 'awb' | 'invoice' | 'lowStock' | 'newReturn' | 'accountHealth' | 'shipDeadline';

export interface NotifierDeps {
  bus: EventBus;
  notifications: NotificationsPort;
  settings(): Settings;
  accountName(accountId: number): string;
  /** Shows the window and tells it where to go. */
  open(to: NavigateTarget): void;
  logger: Logger;
  now?: () => Date;
  iconPath?: string;
  /** Timer used to gather a burst of new orders (tests pass a manual one). */
  setTimer?: (run: () => void, ms: number) => { cancel(): void };
  /**
   * The today queue, computed by the core (issue 17 §1): with it, orders whose shipping deadline comes within the lead
   * time are announced once each, checked every `deadlineCheckMs` (a minute).
   */
  today?: () => TodayQueue;
  deadlineCheckMs?: number;
}

/** New orders arriving within this time of the first one are shown together. */
export const COALESCE_MS = 1_500;
/** Up to this many orders in one burst get a notification each; more get a single summary. */
export const MAX_SEPARATE = 3;

const realTimer = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return { cancel: () => clearTimeout(handle) };
};

export interface Notifier {
  /** Sends pending new orders at once (used on quit, and by tests). */
  flush(): void;
  /** Announces orders that came within their shipping deadline's lead time (the timer's tick; tests call it). */
  checkDeadlines(): void;
  stop(): void;
  /** Live notifications (kept referenced so their click handlers are not garbage collected). */
  readonly live: ReadonlySet<NotificationPort>;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const now = deps.now ?? (() => new Date());
  const setTimer = deps.setTimer ?? realTimer;
  const live = new Set<NotificationPort>();
  let pending: OrderNewEvent[] = [];
  let timer: { cancel(): void } | null = null;
  /** Per account, the jobs currently failing: a streak starts when the set fills and ends when it empties. */
  const failing = new Map<number, Set<string>>();

  const allowed = (kind: Kind): boolean => {
    const settings = deps.settings().notifications;
    if (!settings[kind]) return false;
    if (inQuietHours(settings.quietHours, now())) return false;
    return deps.notifications.isSupported();
  };

  const show = (text: NotificationText, to: NavigateTarget | null) => {
    const settings = deps.settings().notifications;
    try {
      const notification = deps.notifications.create({
        title: text.title,
        body: text.body,
        silent: !settings.sound,
        ...(deps.iconPath ? { icon: deps.iconPath } : {}),
      });
      live.add(notification);
      const forget = () => live.delete(notification);
      notification.on('click', () => {
        forget();
        deps.open(to ?? { screen: 'dashboard' });
      });
      notification.on('close', forget);
      notification.on('failed', forget);
      notification.show();
    } catch (error) {
      deps.logger.warn('notification could not be shown', { error });
    }
  };

  const flush = () => {
    timer?.cancel();
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0 || !allowed('newOrder')) return;
    const lang = deps.settings().language;
    if (batch.length > MAX_SEPARATE) {
      show(shellText.ordersNew(lang, batch), { screen: 'orders' });
      return;
    }
    for (const order of batch) {
      show(shellText.orderNew(lang, order), { screen: 'order', accountId: order.accountId, orderId: order.orderId });
    }
  };

  const onRunFinished = (run: SyncRun) => {
    if (run.accountId === null) return;
    const jobs = failing.get(run.accountId) ?? new Set<string>();
    if (run.status === 'failed' || run.status === 'timed_out') {
      const streakStarts = jobs.size === 0;
      jobs.add(run.job);
      failing.set(run.accountId, jobs);
      if (streakStarts && allowed('syncFailure')) {
        const account = run.account ?? deps.accountName(run.accountId);
        show(shellText.accountFailing(deps.settings().language, account, run), { screen: 'dashboard' });
      }
    } else if (run.status === 'completed') {
      jobs.delete(run.job);
      if (jobs.size === 0) failing.delete(run.accountId);
    }
  };

  /** account:order:deadline of each order already announced (a new deadline is announced again). */
  const announced = new Set<string>();
  const checkDeadlines = () => {
    if (!deps.today) return;
    let queue: TodayQueue;
    try {
      queue = deps.today();
    } catch (error) {
      deps.logger.warn('the today queue could not be read for deadline reminders', { error });
      return;
    }
    const near = queue.items.filter(
      (item) =>
        item.dueSoon && item.orderId !== null && !announced.has(`${item.accountId}:${item.orderId}:${item.deadlineAt}`),
    );
    // In quiet hours (or switched off) nothing is marked: what is still near afterwards is announced then.
    if (near.length === 0 || !allowed('shipDeadline')) return;
    for (const item of near) announced.add(`${item.accountId}:${item.orderId}:${item.deadlineAt}`);
    const lang = deps.settings().language;
    if (near.length > MAX_SEPARATE) show(deadlineText(lang, near, now()), { screen: 'today' });
    else
      for (const item of near)
        show(deadlineText(lang, [item], now()), { screen: 'order', accountId: item.accountId, orderId: item.orderId! });
  };
  let deadlineTimer: { cancel(): void } | null = null;
  const planDeadlineCheck = () => {
    if (!deps.today) return;
    deadlineTimer = setTimer(() => {
      checkDeadlines();
      planDeadlineCheck();
    }, deps.deadlineCheckMs ?? 60_000);
  };
  planDeadlineCheck();

  const unsubscribe = [
    deps.bus.on('order_new', (event) => {
      pending.push(event);
      timer ??= setTimer(flush, COALESCE_MS);
    }),
    deps.bus.on('sync_finished', (event) => onRunFinished(event.run)),
    deps.bus.on('awb_generated', (event) => {
      if (!allowed('awb')) return;
      const text = shellText.awb(
        deps.settings().language,
        deps.accountName(event.accountId),
        event.orderId,
        event.awbNumber,
      );
      show(text, { screen: 'order', accountId: event.accountId, orderId: event.orderId });
    }),
    deps.bus.on('invoice_generated', (event) => {
      if (!allowed('invoice')) return;
      const text = shellText.invoice(deps.settings().language, deps.accountName(event.accountId), event.orderId);
      show(text, { screen: 'order', accountId: event.accountId, orderId: event.orderId });
    }),
    // Low stock: the core writes the feed row in the seller's language (sync/offerFollowUp.ts); the OS shows it too.
    deps.bus.on('notification_added', ({ notification }) => {
      if (notification.kind !== 'low_stock' || !allowed('lowStock')) return;
      show({ title: notification.title, body: notification.body }, { screen: 'offers' });
    }),
    // Issue 18: each new return, and an account-health figure crossing its threshold (the core notes it once).
    deps.bus.on('return_new', (event) => {
      if (!allowed('newReturn')) return;
      show(returnText.returnNew(deps.settings().language, event), { screen: 'returns' });
    }),
    deps.bus.on('account_health_alert', (event) => {
      if (!allowed('accountHealth')) return;
      const unit = HEALTH_FIGURE_UNIT[event.figure];
      show(returnText.healthCrossed(deps.settings().language, { ...event, unit }), { screen: 'dashboard' });
    }),
  ];

  return {
    flush,
    checkDeadlines,
    live,
    stop() {
      deadlineTimer?.cancel();
      deadlineTimer = null;
      for (const off of unsubscribe) off();
      timer?.cancel();
      timer = null;
      pending = [];
    },
  };
}
