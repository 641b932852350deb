// Today (issue 17 §1): what waits on the seller now, group by group — orders to acknowledge, to prepare, to hand to the
// courier before eMAG's shipping deadline (a countdown; past it, in red), finalized orders without an invoice, and
// actions that failed. Every row opens its order. The window opens here when there is work.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdown, TODAY_BUCKETS, type TodayBucket, type TodayItem } from '../../../shared/today';
import { useActionFailureText } from '../components/ActionFailure';
import { Card } from '../components/Card';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatMoney } from '../format/money';
import { useNavigation } from '../stores/navigation';
import { useToday } from '../stores/today';

/** The countdowns move on their own between two reads of the queue. */
const TICK_MS = 30_000;

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Countdown({ item, now }: { item: TodayItem; now: Date }) {
  const { t, i18n } = useTranslation();
  if (!item.deadlineAt) return <span className="muted">{t('today.noDeadline')}</span>;
  const left = countdown(item.deadlineAt, now);
  const time = t(left.days > 0 ? 'today.durationDays' : 'today.duration', {
    days: left.days,
    hours: left.hours,
    minutes: String(left.minutes).padStart(2, '0'),
  });
  const at = new Date(item.deadlineAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ro-RO', {
    timeZone: 'Europe/Bucharest',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const soon = !left.overdue && item.dueSoon;
  return (
    <span
      className={`today-countdown${left.overdue ? ' overdue' : soon ? ' soon' : ''}`}
      title={t('today.deadlineAt', { at })}
      data-testid="today-countdown"
    >
      {left.overdue ? t('today.overdueBy', { time }) : t('today.timeLeft', { time })}
    </span>
  );
}

function Row({ item, now }: { item: TodayItem; now: Date }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((s) => s.navigate);
  const open = () =>
    item.orderId !== null && navigate({ screen: 'order', accountId: item.accountId, orderId: item.orderId });
  const failureText = useActionFailureText();
  const reason = failureText(item.action?.failure, item.action?.error ?? null);
  const label =
    item.orderId !== null ? t('today.order', { id: item.orderId }) : t(`today.actionKinds.${item.action?.kind ?? ''}`);
  return (
    <li
      className={`today-row${item.overdue ? ' overdue' : ''}`}
      data-testid={`today-item-${item.bucket}-${item.orderId ?? item.action?.id}`}
    >
      <button type="button" className="link-button today-order" onClick={open} disabled={item.orderId === null}>
        {label}
      </button>
      <span className="today-customer">{item.customerName ?? '—'}</span>
      <span className="muted today-account">{item.account}</span>
      <span className="today-total">
        {item.totalMinor !== null && item.currency ? formatMoney(item.totalMinor, item.currency, i18n.language) : ''}
      </span>
      <span className="today-when">
        {item.bucket === 'failed' ? (
          <span className="today-reason" title={reason ?? ''}>
            {t(`today.actionKinds.${item.action?.kind ?? ''}`)}: {reason ?? t('today.noReason')}
          </span>
        ) : item.bucket === 'invoice' ? (
          <span className="muted">{t('today.invoiceHint')}</span>
        ) : (
          <Countdown item={item} now={now} />
        )}
      </span>
    </li>
  );
}

function Group({ bucket, items, now }: { bucket: TodayBucket; items: TodayItem[]; now: Date }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`today.groups.${bucket}`, { count: items.length })} testId={`today-group-${bucket}`}>
      <ul className="today-list">
        {items.map((item) => (
          <Row key={`${item.accountId}-${item.orderId}-${item.action?.id ?? ''}`} item={item} now={now} />
        ))}
      </ul>
    </Card>
  );
}

export function TodayScreen() {
  const { t } = useTranslation();
  const queue = useToday((s) => s.queue);
  const error = useToday((s) => s.error);
  const now = useNow();

  useEffect(() => {
    void useToday.getState().load();
  }, []);

  return (
    <section className="page" data-testid="screen-today" aria-labelledby="today-title">
      <div className="page-head">
        <h1 id="today-title">{t('today.title')}</h1>
        {queue && (
          <span className="muted" data-testid="today-summary">
            {queue.counts.total === 0
              ? t('today.nothing')
              : t('today.summary', { count: queue.counts.total }) +
                (queue.counts.overdue > 0 ? ` · ${t('today.overdueCount', { count: queue.counts.overdue })}` : '')}
          </span>
        )}
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void useToday.getState().load()} testId="today-error" />}
      {queue && queue.counts.total === 0 && (
        <Card title={t('today.allDoneTitle')} testId="today-empty">
          <p className="muted">{t('today.allDone')}</p>
        </Card>
      )}
      {queue &&
        TODAY_BUCKETS.map((bucket) => {
          const items = queue.items.filter((item) => item.bucket === bucket);
          return items.length > 0 ? <Group key={bucket} bucket={bucket} items={items} now={now} /> : null;
        })}
      {queue && queue.autoAcknowledge && (
        <p className="muted" data-testid="today-auto-ack">
          {t('today.autoAckNote')}
        </p>
      )}
    </section>
  );
}
