// The side navigation: one entry per screen, the unread notifications count on its entry.
import { useTranslation } from 'react-i18next';
import { SCREENS, useNavigation, type Screen } from '../stores/navigation';
import { useNotifications } from '../stores/notifications';
import { useToday } from '../stores/today';

const ICONS: Record<Screen, string> = {
  today: '◉',
  dashboard: '◧',
  orders: '☰',
  offers: '▦',
  sync: '⟳',
  notifications: '◔',
  settings: '⚙',
  diagnostics: '⌁',
};

export function Nav() {
  const { t } = useTranslation();
  const route = useNavigation((s) => s.route);
  const navigate = useNavigation((s) => s.navigate);
  const unread = useNotifications((s) => s.unread);
  const todayCounts = useToday((s) => s.queue?.counts);
  const current: Screen = route.screen === 'order' ? 'orders' : route.screen;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          M
        </span>
        <span>MagFlow</span>
      </div>
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className={`nav-item${current === screen ? ' active' : ''}`}
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => navigate({ screen })}
              data-testid={`nav-${screen}`}
            >
              <span className="nav-icon" aria-hidden="true">
                {ICONS[screen]}
              </span>
              <span className="nav-text">{t(`nav.${screen}`)}</span>
              {screen === 'today' && todayCounts && todayCounts.total > 0 && (
                <span
                  className={`count-badge${todayCounts.overdue > 0 ? ' today-badge-overdue' : ''}`}
                  data-testid="today-count"
                  aria-label={t('today.summary', { count: todayCounts.total })}
                >
                  {todayCounts.total}
                </span>
              )}
              {screen === 'notifications' && unread > 0 && (
                <span
                  className="count-badge"
                  data-testid="unread-count"
                  aria-label={t('notifications.unreadCount', { count: unread })}
                >
                  {unread}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
