// The account-health watch: the figures of one account now, with their weekly trend, from what MagFlow stored; and
// the check the returns job runs each time, which notifies a figure crossing its threshold once per crossing.
import { HEALTH_FIGURE_UNIT, type AccountHealthView, type HealthFigureKey } from '../../../shared/accountHealth';
import type { Account } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { formatWallTime, PLATFORM_ZONES } from '../../../shared/zoneTime';
import type { Repositories } from '../db';
import type { HealthOrderRow } from '../db/repositories/accountHealth';
import { returnText } from '../returns/returnText';
import { accountOf, type JobContext } from '../sync/context';
import { countFigures, figuresOf, trendOf, wallMs, wallText, type HealthOrder } from './figures';

/** The rolling window every rate covers. */
export const HEALTH_WINDOW_DAYS = 30;
/** Weekly points in the trend. */
export const HEALTH_TREND_WEEKS = 8;
const DAY = 86_400_000;

/** `reason_cancellation` as a code, whether stored as a number, as text, or as `{id, name}` (README §13). */
export function cancelReasonCode(value: string | number | null): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed && typeof parsed === 'object' && 'id' in parsed) {
      const id = Number((parsed as { id: unknown }).id);
      return Number.isInteger(id) ? id : null;
    }
  } catch {
    return null;
  }
  return null;
}

const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const dateOrNull = (value: string | null): string | null => (value && DATE.test(value.trim()) ? value.trim() : null);

export function toHealthOrder(row: HealthOrderRow): HealthOrder {
  // A finalized order without finalization_date: its last change is the closest eMAG time there is.
  const shippedAt =
    dateOrNull(row.finalized) ?? (row.status === 4 || row.status === 5 ? dateOrNull(row.modified_at) : null);
  return {
    id: row.id,
    status: row.status,
    createdAt: row.created_at,
    deadline: dateOrNull(row.deadline),
    shippedAt,
    hasInvoice: row.has_invoice === 1,
    cancelReason: cancelReasonCode(row.cancel_reason),
  };
}

export function accountHealthOf(
  repos: Repositories,
  account: Account,
  settings: Settings,
  now: Date,
): AccountHealthView {
  const end = formatWallTime(now, PLATFORM_ZONES[account.platform]);
  // Far enough back for the oldest trend window and the orders shipped or due in it.
  const since = wallText(wallMs(end) - (HEALTH_WINDOW_DAYS * 2 + HEALTH_TREND_WEEKS * 7) * DAY);
  const orders = repos.accountHealth.orders(account.id, since).map(toHealthOrder);
  const returnedOrderIds = new Set(repos.returns.orderIdsReturnedBetween(account.id, since, '9999-12-31 23:59:59'));
  const inputs = { orders, returnedOrderIds, windowDays: HEALTH_WINDOW_DAYS };
  const thresholds = settings.accountHealth as Record<HealthFigureKey, number>;
  return {
    accountId: account.id,
    account: account.name,
    windowDays: HEALTH_WINDOW_DAYS,
    asOf: end,
    figures: figuresOf(countFigures({ ...inputs, end }), thresholds),
    trend: trendOf({ ...inputs, now: end }, HEALTH_TREND_WEEKS),
  };
}

const crossingKey = (account: Account, figure: HealthFigureKey): string =>
  `accountHealth:breached:${account.id}:${account.createdAt}:${figure}`;

/**
 * Computes the account's figures and notifies each one that is past its threshold now and was not at the last check
 * (once per crossing: it must come back under the threshold before it is notified again). Returns the view.
 */
export function watchAccountHealth(ctx: JobContext): AccountHealthView {
  const { repos, bus, clock } = ctx.deps;
  const account = accountOf(ctx);
  const settings = ctx.deps.settings();
  const view = accountHealthOf(repos, account, settings, clock.now());
  // The account's first check (during its first returns run) sets the baseline quietly: the dashboard shows what is
  // already past its limit, and only later crossings are notified.
  const baseline = !repos.syncRuns.last('returns', account.id, 'completed');
  for (const figure of view.figures) {
    const key = crossingKey(account, figure.key);
    const was = repos.settings.getValue(key) === '1';
    if (figure.breached === was) continue;
    if (!figure.breached || baseline) {
      repos.settings.setValue(key, figure.breached ? '1' : '0');
      continue;
    }
    const alert = {
      account: account.name,
      figure: figure.key,
      value: figure.value ?? 0,
      threshold: figure.threshold,
      unit: HEALTH_FIGURE_UNIT[figure.key],
    };
    const notification = repos.transaction(() => {
      repos.settings.setValue(key, '1');
      return repos.notifications.add({
        kind: 'account_health',
        ...returnText.healthCrossed(settings.language, alert),
        accountId: account.id,
        orderId: null,
      });
    });
    ctx.logger.warn('account-health figure past its threshold', { ...alert });
    bus.emit({
      type: 'account_health_alert',
      accountId: account.id,
      account: account.name,
      figure: figure.key,
      value: alert.value,
      threshold: alert.threshold,
    });
    bus.emit({ type: 'notification_added', notification });
  }
  return view;
}
