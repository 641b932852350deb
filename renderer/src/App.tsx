// The window: navigation, demo banner, the open screen; connects main's events to the stores for its lifetime.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call, hasApi, subscribe } from './api/client';
import { DemoBanner } from './components/DemoBanner';
import { ErrorNotice } from './components/ErrorNotice';
import { HealthBanner } from './components/HealthBanner';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Nav } from './components/Nav';
import { applyTheme } from './components/theme';
import { DashboardScreen } from './screens/Dashboard';
import { DiagnosticsScreen } from './screens/Diagnostics';
import { NotificationsScreen } from './screens/Notifications';
import { OffersScreen } from './screens/Offers';
import { OrderDetailScreen } from './screens/OrderDetail';
import { OrdersScreen } from './screens/Orders';
import { ReturnsScreen } from './screens/Returns';
import { SettingsScreen } from './screens/Settings';
import { SyncHistoryScreen } from './screens/SyncHistory';
import { TodayScreen } from './screens/Today';
import { useApp } from './stores/app';
import { connectEvents } from './stores/events';
import { followLocationHash, useNavigation, type Route } from './stores/navigation';
import { useHealth } from './stores/health';
import { useNotifications } from './stores/notifications';
import { useToday } from './stores/today';
import { useSync } from './stores/sync';

function CurrentScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'today':
      return <TodayScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'orders':
      return <OrdersScreen />;
    case 'order':
      return <OrderDetailScreen accountId={route.accountId} orderId={route.orderId} />;
    case 'offers':
      return <OffersScreen />;
    case 'returns':
      return <ReturnsScreen />;
    case 'sync':
      return <SyncHistoryScreen />;
    case 'notifications':
      return <NotificationsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'diagnostics':
      return <DiagnosticsScreen />;
  }
}

function NoConnection() {
  const { t } = useTranslation();
  return (
    <main className="startup" data-testid="no-connection">
      <h1>{t('startup.noApiTitle')}</h1>
      <p>{t('startup.noApiBody')}</p>
    </main>
  );
}

export function App({ followHash = true, eventDebounceMs }: { followHash?: boolean; eventDebounceMs?: number }) {
  const { t } = useTranslation();
  const connected = hasApi();
  const route = useNavigation((s) => s.route);
  const startupError = useApp((s) => s.startupError);
  const theme = useApp((s) => s.settings?.theme ?? 'system');

  useEffect(() => {
    if (!connected) return;
    void useApp.getState().load();
    void useNotifications.getState().load();
    // The start screen is the today queue when something waits on the seller (issue 17 §1).
    if (followHash) void useToday.getState().openIfWork(window.location.hash);
    // The banner and the nav mark need the health and the pause on every screen, not only on the dashboard.
    // Only when nothing newer arrived meanwhile (the dashboard's answer carries both too).
    void call('health.get')
      .then((report) => useHealth.getState().report ?? useHealth.getState().setReport(report))
      .catch(() => undefined);
    void call('sync.state')
      .then((state) => useSync.getState().state ?? useSync.getState().setState(state))
      .catch(() => undefined);
    return connectEvents(subscribe, { debounceMs: eventDebounceMs });
  }, [connected, eventDebounceMs, followHash]);

  useEffect(() => (followHash ? followLocationHash() : undefined), [followHash]);
  useEffect(() => applyTheme(theme), [theme]);

  if (!connected) return <NoConnection />;

  return (
    <div className="shell">
      <Nav />
      <div className="main-col">
        <header className="topbar">
          <div className="topbar-title">{t(`nav.${route.screen === 'order' ? 'orders' : route.screen}`)}</div>
          <LanguageSwitch />
        </header>
        <HealthBanner />
        <DemoBanner />
        <main className="content" id="content">
          {startupError ? (
            <ErrorNotice error={startupError} onRetry={() => void useApp.getState().load()} testId="startup-error" />
          ) : (
            <CurrentScreen route={route} />
          )}
        </main>
      </div>
    </div>
  );
}
