// Which screen is open. Mirrored in the URL hash so reloads, back/forward and the e2e suite can address a screen.
import { create } from 'zustand';

export const SCREENS = [
  'today',
  'dashboard',
  'orders',
  'offers',
  'returns',
  'sync',
  'notifications',
  'settings',
  'diagnostics',
] as const;
export type Screen = (typeof SCREENS)[number];

export type Route = { screen: Screen } | { screen: 'order'; accountId: number; orderId: number };

export function routeToHash(route: Route): string {
  return route.screen === 'order' ? `#/order/${route.accountId}/${route.orderId}` : `#/${route.screen}`;
}

export function hashToRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'order' && parts.length === 3) {
    const accountId = Number(parts[1]);
    const orderId = Number(parts[2]);
    if (Number.isInteger(accountId) && accountId > 0 && Number.isInteger(orderId) && orderId > 0) {
      return { screen: 'order', accountId, orderId };
    }
  }
  const screen = SCREENS.find((s) => s === parts[0]);
  return { screen: screen ?? 'dashboard' };
}

interface NavigationState {
  route: Route;
  navigate(route: Route): void;
}

/** The screen the window opens on: the one in the URL, so the first render mounts it (and only it) directly. */
function openingRoute(): Route {
  return typeof window === 'undefined' ? { screen: 'dashboard' } : hashToRoute(window.location.hash);
}

export const useNavigation = create<NavigationState>()((set) => ({
  route: openingRoute(),
  navigate(route) {
    set({ route });
    if (typeof window !== 'undefined') {
      const hash = routeToHash(route);
      if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    }
  },
}));

/** Follows the hash (initial load, back/forward). Returns the unsubscribe function. */
export function followLocationHash(): () => void {
  const sync = () => useNavigation.setState({ route: hashToRoute(window.location.hash) });
  sync();
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  return () => {
    window.removeEventListener('popstate', sync);
    window.removeEventListener('hashchange', sync);
  };
}
