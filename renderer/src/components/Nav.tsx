// The side navigation: one entry per screen, the unread notifications count on its entry.
import { useTranslation } from 'react-i18next';
import { useHealth } from '../stores/health';
import { SCREENS, useNavigation, type Screen } from '../stores/navigation';
import { useNotifications } from '../stores/notifications';
import { useSync } from '../stores/sync';

const ICONS: Record<Screen, string> = {
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
  const current: Screen = route.screen === 'order' ? 'orders' : route.screen;
  // A failing or paused sync marks the dashboard entry (on the icon, so it shows when the labels are hidden too).
  const paused = useSync((s) => s.state?.paused ?? false);
  const level = useHealth((s) => {
    const levels = [s.report?.level, ...(s.report?.accounts ?? []).map((a) => a.level)];
    return levels.includes('failing') ? 'failing' : levels.includes('degraded') ? 'degraded' : 'ok';
  });
  const syncMark = paused ? 'paused' : level === 'failing' || level === 'degraded' ? level : null;
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
