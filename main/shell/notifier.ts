// OS notifications: one per new order (several arriving together become one "12 new orders"), a failing account
// once per failure streak, AWB issued, invoice attached. Each kind can be switched off; sound and quiet hours apply.
// Clicking a notification opens the window on what it is about.
import type { NavigateEvent, OrderNewEvent } from '../../shared/events';
import type { SyncRun } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import type { EventBus } from '../core/events/bus';
import type { Logger } from '../core/logging';
import { shellText, type NotificationText } from './notificationText';
import type { NotificationPort, NotificationsPort } from './ports';
import { inQuietHours } from './quietHours';

export type NavigateTarget = NavigateEvent['to'];
type Kind = 'newOrder' | 'syncFailure' | 'awb' | 'invoice';

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
  ];

  return {
    flush,
    live,
    stop() {
      for (const off of unsubscribe) off();
      timer?.cancel();
      timer = null;
      pending = [];
    },
  };
}
