// @vitest-environment jsdom
// The window's start: each start-up call reaches main once, the screen in the URL is the only one mounted (so the
// dashboard's statistics are not computed when the window opens elsewhere), and on #/orders the list is asked first.
// Each test loads the renderer's modules afresh after setting the URL, as a new window does, and renders it in
// StrictMode, which runs every effect twice in development: the calls must still be sent once.
import { cleanup, render, screen } from '@testing-library/react';
import { act, StrictMode } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName } from '../../shared/ipc';
import { createFakeApi, type FakeApi } from './fakeApi';
import { giveLayout, settle } from './setup';

const STARTUP_CALLS: ChannelName[] = ['app.info', 'settings.get', 'notifications.list'];

/**
 * Opens a new window on a URL hash as main.tsx does: fresh stores, the API installed, the opening screen's loads
 * started (unless `early` is false), then the whole app rendered in StrictMode.
 */
async function openWindowAt(hash: string, { early = true } = {}): Promise<FakeApi> {
  window.history.replaceState(null, '', `/${hash}`);
  vi.resetModules();
  const { setApi } = await import('../../renderer/src/api/client');
  const { App } = await import('../../renderer/src/App');
  const { startOpeningScreenLoads } = await import('../../renderer/src/stores/startup');
  const api = createFakeApi();
  setApi(api);
  if (early) {
    startOpeningScreenLoads();
    expect(api.calls.map((c) => c.channel)).toEqual(hash === '#/orders' ? ['orders.list'] : []);
  }
  render(
    <StrictMode>
      <App eventDebounceMs={0} />
    </StrictMode>,
  );
  // Two turns: the loads, then the renders their answers cause.
  await settle();
  await settle();
  return api;
}

const timesSent = (api: FakeApi, channel: ChannelName) => api.callsTo(channel).length;

beforeAll(() => giveLayout());
beforeEach(() => cleanup());

describe('the window opening on #/orders', () => {
  it('sends each start-up call and the first orders page once, the orders page first, and no dashboard', async () => {
    const api = await openWindowAt('#/orders');
    expect(await screen.findAllByTestId(/^order-row-/)).not.toHaveLength(0);

    for (const channel of STARTUP_CALLS) expect(timesSent(api, channel), channel).toBe(1);
    expect(api.callsTo('orders.list')).toEqual([{ sort: { field: 'created', dir: 'desc' }, offset: 0, limit: 100 }]);
    expect(api.calls[0]?.channel).toBe('orders.list');
    expect(timesSent(api, 'dashboard.get')).toBe(0);
    expect(screen.queryByTestId('screen-dashboard')).toBeNull();
  });

  it('without the early start, the table starts the list: still one orders.list, still first', async () => {
    const api = await openWindowAt('#/orders', { early: false });
    expect(await screen.findAllByTestId(/^order-row-/)).not.toHaveLength(0);
    for (const channel of STARTUP_CALLS) expect(timesSent(api, channel), channel).toBe(1);
    expect(api.calls.map((c) => c.channel).filter((c) => c === 'orders.list')).toHaveLength(1);
    expect(api.calls[0]?.channel).toBe('orders.list');
    expect(timesSent(api, 'dashboard.get')).toBe(0);
  });

  it('loads the dashboard when the seller then opens it, once', async () => {
    const api = await openWindowAt('#/orders');
    await act(async () => screen.getByTestId('nav-dashboard').click());
    await settle();
    expect(await screen.findByTestId('screen-dashboard')).toBeTruthy();
    expect(timesSent(api, 'dashboard.get')).toBe(1);
  });
});

describe('the window opening on other screens', () => {
  it('on the dashboard: the dashboard and each start-up call once, no orders', async () => {
    const api = await openWindowAt('');
    expect(screen.getByTestId('screen-dashboard')).toBeTruthy();
    for (const channel of [...STARTUP_CALLS, 'dashboard.get' as const])
      expect(timesSent(api, channel), channel).toBe(1);
    expect(timesSent(api, 'orders.list')).toBe(0);
  });

  it('on settings, which also asks for the settings at mount: app.info and settings.get once', async () => {
    const api = await openWindowAt('#/settings');
    expect(screen.getByTestId('screen-settings')).toBeTruthy();
    for (const channel of STARTUP_CALLS) expect(timesSent(api, channel), channel).toBe(1);
    expect(timesSent(api, 'dashboard.get')).toBe(0);
  });

  it('on the notification feed, which also reads the feed at mount: notifications.list once', async () => {
    const api = await openWindowAt('#/notifications');
    expect(screen.getByTestId('screen-notifications')).toBeTruthy();
    for (const channel of STARTUP_CALLS) expect(timesSent(api, channel), channel).toBe(1);
    expect(timesSent(api, 'dashboard.get')).toBe(0);
  });

  it('a later load (a retry, a refresh) is sent again, not served from the start-up one', async () => {
    const api = await openWindowAt('#/notifications');
    const { useNotifications } = await import('../../renderer/src/stores/notifications');
    await act(() => useNotifications.getState().load());
    expect(timesSent(api, 'notifications.list')).toBe(2);
  });
});
