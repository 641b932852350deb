// Shared set-up for the renderer's component tests: a fake API in place, fresh stores, Romanian, a measurable layout.
import { cleanup } from '@testing-library/react';
import { act } from 'react';
import { beforeAll, beforeEach } from 'vitest';
import { setApi } from '../../renderer/src/api/client';
import { i18n } from '../../renderer/src/i18n/language';
import { useApp } from '../../renderer/src/stores/app';
import { useDashboard } from '../../renderer/src/stores/dashboard';
import { useBulkInvoices } from '../../renderer/src/stores/bulkInvoices';
import { useDiagnostics } from '../../renderer/src/stores/diagnostics';
import { useHealth } from '../../renderer/src/stores/health';
import { useInvoices } from '../../renderer/src/stores/invoices';
import { useNavigation } from '../../renderer/src/stores/navigation';
import { useNotifications } from '../../renderer/src/stores/notifications';
import { useOffers } from '../../renderer/src/stores/offers';
import { useOrderDetail } from '../../renderer/src/stores/orderDetail';
import { useLiveOrders, useOrders } from '../../renderer/src/stores/orders';
import { useSelection } from '../../renderer/src/stores/selection';
import { useSync } from '../../renderer/src/stores/sync';
import { useUpdates } from '../../renderer/src/stores/updates';
import { createFakeApi, type FakeApi } from './fakeApi';

// Tells React this is a test environment that wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const stores = [
  useApp,
  useBulkInvoices,
  useInvoices,
  useDashboard,
  useDiagnostics,
  useHealth,
  useNavigation,
  useNotifications,
  useOffers,
  useOrderDetail,
  useOrders,
  useLiveOrders,
  useSelection,
  useSync,
  useUpdates,
];

/** jsdom lays nothing out; give scroll containers a size so the virtualizer renders rows. */
export function giveLayout(height = 600): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1000 });
}

let currentApi: FakeApi | null = null;

export async function freshWorld(options?: Parameters<typeof createFakeApi>[0]): Promise<FakeApi> {
  cleanup();
  for (const store of stores)
    (store as { setState(s: unknown, replace: true): void; getInitialState(): unknown }).setState(
      store.getInitialState(),
      true,
    );
  const api = createFakeApi(options);
  currentApi = api;
  setApi(api);
  await act(() => i18n.changeLanguage('ro'));
  window.history.replaceState(null, '', '/');
  window.localStorage.clear(); // e.g. the remembered AWB pickup address
  return api;
}

/**
 * A test file's world: the layout once, a fresh world before each test. Returns the fake API of the world in force,
 * also after a test makes another with freshWorld(options).
 */
export function freshWorldEachTest(): FakeApi {
  beforeAll(() => giveLayout());
  beforeEach(() => freshWorld().then(() => undefined));
  const world = (): FakeApi => {
    if (!currentApi) throw new Error('no world yet: the fake API is made before each test');
    return currentApi;
  };
  return new Proxy({} as FakeApi, {
    get: (_, key) => {
      const value: unknown = Reflect.get(world(), key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(world()) : value;
    },
    set: (_, key, value) => Reflect.set(world(), key, value),
  });
}

/** Lets pending promises and zero-delay timers run. */
export const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
