// The in-app feed: what happened (new orders, failures, AWBs, invoices), unread first to the eye; a new-order entry
// opens its order.
import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../../shared/domain';
import { useEffect } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateTime } from '../components/Formatted';
import { useGuardedCall, type Guard } from '../components/useGuardedCall';
import { useNavigation } from '../stores/navigation';
import { useNotifications } from '../stores/notifications';

export function NotificationsScreen() {
  const { t } = useTranslation();
  const { rows, unread, loaded, error } = useNotifications();
  const { error: actionError, guard } = useGuardedCall();

  useEffect(() => {
    void useNotifications.getState().load();
  }, []);

  return (
    <section className="page" data-testid="screen-notifications" aria-labelledby="notif-title">
      <div className="page-head">
        <h1 id="notif-title">{t('notifications.title')}</h1>
        <div className="head-actions">
          <span className="muted" data-testid="notifications-unread">
            {t('notifications.unreadCount', { count: unread })}
          </span>
          <button
            type="button"
            className="btn"
            disabled={unread === 0}
            onClick={() => void guard(() => useNotifications.getState().markAllRead())}
            data-testid="notifications-mark-all"
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void useNotifications.getState().load()} />}
      {actionError && <ErrorNotice error={actionError} />}
      {loaded && rows.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      <ul className="feed" aria-label={t('notifications.title')}>
        {rows.map((n) => (
          <NotificationItem key={n.id} n={n} guard={guard} />
        ))}
      </ul>
    </section>
  );
}

function NotificationItem({ n, guard }: { n: AppNotification; guard: Guard }) {
  const { t } = useTranslation();
  const navigate = useNavigation((s) => s.navigate);
  const opensOrder = n.accountId !== null && n.orderId !== null;

  function open() {
    if (n.accountId === null || n.orderId === null) return;
    void guard(() => useNotifications.getState().markRead([n.id]));
    navigate({ screen: 'order', accountId: n.accountId, orderId: n.orderId });
  }

  return (
    <li
      className={`feed-item${n.read ? '' : ' unread'}`}
      data-testid={`notification-${n.id}`}
      data-read={n.read}
      data-kind={n.kind}
    >
      <div className="feed-body">
        <div className="action-line">
          <span className="badge">{t(`notifications.kind.${n.kind}`)}</span>
          {!n.read && <span className="sr-only">{t('notifications.unread')}</span>}
          <span className="muted small">
            <DateTime value={n.createdAt} />
          </span>
        </div>
        {opensOrder ? (
          <button
            type="button"
            className="link-button feed-title"
            onClick={open}
            data-testid={`notification-open-${n.id}`}
          >
            {n.title}
          </button>
        ) : (
          <span className="feed-title">{n.title}</span>
        )}
        {n.body && <span>{n.body}</span>}
      </div>
      <div className="feed-actions">
        {!n.read && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void guard(() => useNotifications.getState().markRead([n.id]))}
            data-testid={`notification-read-${n.id}`}
          >
            {t('notifications.markRead')}
          </button>
        )}
      </div>
    </li>
  );
}
