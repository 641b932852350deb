// The side navigation: one entry per screen, the unread notifications count on its entry. It collapses to icons on
// a narrow window (or when the seller says so), leaving the room to the tables.
import { useTranslation } from 'react-i18next';
import { useNavCollapsed } from './navCollapse';
import { useHealth } from '../stores/health';
import { SCREENS, useNavigation, type Screen } from '../stores/navigation';
import { useNotifications } from '../stores/notifications';
import { useToday } from '../stores/today';
import { useSync } from '../stores/sync';

const ICONS: Record<Screen, string> = {
  today: '◉',
  dashboard: '◧',
  orders: '☰',
  offers: '▦',
  returns: '↩',
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
  const [collapsed, setCollapsed] = useNavCollapsed();
  // A failing or paused sync marks the dashboard entry (on the icon, so it shows when the labels are hidden too).
  const paused = useSync((s) => s.state?.paused ?? false);
  const level = useHealth((s) => {
    const levels = [s.report?.level, ...(s.report?.accounts ?? []).map((a) => a.level)];
    return levels.includes('failing') ? 'failing' : levels.includes('degraded') ? 'degraded' : 'ok';
  });
  const syncMark = paused ? 'paused' : level === 'failing' || level === 'degraded' ? level : null;
  return (
    <nav className={`nav${collapsed ? ' collapsed' : ''}`} aria-label={t('nav.label')} data-testid="nav">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          M
        </span>
        <span className="brand-name">MagFlow</span>
      </div>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={!collapsed}
        aria-label={collapsed ? t('layout.expandNav') : t('layout.collapseNav')}
        title={collapsed ? t('layout.expandNav') : t('layout.collapseNav')}
        onClick={() => setCollapsed(!collapsed)}
        data-testid="nav-toggle"
      >
        <span aria-hidden="true">{collapsed ? '»' : '«'}</span>
      </button>
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className={`nav-item${current === screen ? ' active' : ''}`}
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => navigate({ screen })}
              title={collapsed ? t(`nav.${screen}`) : undefined}
              data-testid={`nav-${screen}`}
            >
              <span className="nav-icon" aria-hidden="true">
                {ICONS[screen]}
                {screen === 'dashboard' && syncMark && (
                  <span
                    className={`nav-sync-mark level-${syncMark}`}
                    data-testid="nav-sync-mark"
                    data-level={syncMark}
                    role="img"
                    aria-label={syncMark === 'paused' ? t('truth.navPaused') : t('truth.navProblem')}
                  />
                )}
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
