// @vitest-environment jsdom
// The dashboard: main's statistics and sync state in the seller's language, the demo banner, sync now.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeDashboard, makeHealth, makeSyncState } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorld, freshWorldEachTest, settle } from './setup';

const api = freshWorldEachTest();

describe('dashboard', () => {
  it("shows revenue, counts per account, the chart data and each account's sync", async () => {
    await renderAt({ screen: 'dashboard' });
    expect(screen.getByTestId('revenue-today-RON').textContent).toMatch(/1\.234,56\sRON/);
    expect(within(screen.getByTestId('dashboard-counts-1')).getByTestId('count-1-1').textContent).toBe('3');
    expect(within(screen.getByTestId('orders-per-day')).getAllByRole('row')).toHaveLength(30);
    expect(screen.getByTestId('job-1-new-orders').textContent).toContain('Reușită');
    expect(screen.queryByTestId('account-error-1')).toBeNull();
  });

  it('shows why an account failed, in words the seller understands', async () => {
    const health = makeHealth();
    health.accounts[1] = {
      ...health.accounts[1]!,
      level: 'failing',
      lastError: "eMAG refused this computer's IP address (HTTP 200 on order/read)",
      lastErrorKind: 'auth',
      cause: 'ip_not_whitelisted',
      reason: 'Access denied: IP 10.0.0.7 is not whitelisted for this account',
      failedJob: 'new-orders',
    };
    api.on('dashboard.get', () => makeDashboard({ health }));
    await renderAt({ screen: 'dashboard' });
    const error = screen.getByTestId('account-error-2');
    // Issue 16: an IP refusal used to read "Utilizator sau parolă greșite"; now its cause, eMAG's words, what to do.
    expect(error.textContent).toContain('nu este pe lista de IP-uri permise');
    expect(error.textContent).not.toContain('parolă greșite');
    expect(error.textContent).toContain('eMAG a spus: „Access denied: IP 10.0.0.7');
    expect(error.textContent).toContain('Parola este bună: nu o schimba.');
    expect(error.textContent).not.toContain('HTTP 200 on order/read');
    expect(screen.getByTestId('health-banner').textContent).toContain('FBE RO: eMAG a refuzat adresa IP');
    expect(screen.getByTestId('nav-sync-mark').dataset['level']).toBe('failing');
  });

  it('"Sync now" asks main and then shows the live progress', async () => {
    await renderAt({ screen: 'dashboard' });
    fireEvent.click(screen.getByTestId('sync-now'));
    await settle();
    expect(api.callsTo('sync.now')).toHaveLength(1);
    act(() => api.emit({ type: 'sync_progress', job: 'new-orders', accountId: 1, done: 40, total: 100 }));
    const bar = within(screen.getByTestId('job-1-new-orders')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByTestId('sync-status').textContent).toBe('Sincronizare în curs…');
  });

  it('shows the demo banner only in demo mode', async () => {
    await renderAt({ screen: 'dashboard' });
    expect(screen.queryByTestId('demo-banner')).toBeNull();
    await freshWorld({ info: { demo: true } });
    await renderAt({ screen: 'dashboard' });
    expect(screen.getByTestId('demo-banner').textContent).toContain('Mod demonstrativ');
  });
});

describe('sync state on the dashboard', () => {
  it('lists account-less jobs under General', async () => {
    const sync = makeSyncState();
    sync.jobs.push({
      job: 'maintenance',
      accountId: null,
      account: null,
      running: false,
      progress: null,
      lastRun: null,
      lastGoodAt: null,
      nextRunAt: null,
    });
    api.on('dashboard.get', () => makeDashboard({ sync }));
    await renderAt({ screen: 'dashboard' });
    expect(screen.getByTestId('job-general-maintenance').textContent).toContain('Nu a rulat încă');
  });

  it('shows the last good sync from the jobs until the health check has run, ignoring idle acknowledgements', async () => {
    const health = makeHealth();
    for (const account of health.accounts) account.lastGoodSyncAt = null;
    const sync = makeSyncState();
    const idleAck = (accountId: number, account: string) => ({
      job: 'send-actions' as const,
      accountId,
      account,
      running: false,
      progress: null,
      lastRun: null,
      lastGoodAt: '2025-03-10T09:30:00Z',
      nextRunAt: null,
    });
    sync.jobs.push(idleAck(1, 'Magazin RO'), idleAck(2, 'FBE RO'));
    api.on('dashboard.get', () => makeDashboard({ sync, health }));
    api.on('health.get', () => health);
    api.on('sync.state', () => sync);
    await renderAt({ screen: 'dashboard' });
    // Account 1 last fetched orders at 08:00:02Z = 10:00 in Bucharest; account 2 never did (only idle acks).
    expect(screen.getByTestId('last-good-sync-1').textContent).toContain('10.03.2025, 10:00');
    expect(screen.getByTestId('last-good-sync-2').textContent).toContain('—');
  });
});
