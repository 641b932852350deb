// The tray: its menu items and what they do, the state icon, the tooltip and the per-account lines.
import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../main/core/events/bus';
import { createMemoryLogger } from '../../main/core/logging';
import { createTrayController, type TraySync } from '../../main/shell/tray';
import { accountLines, trayState, trayTooltip, type TrayState } from '../../main/shell/trayModel';
import { DEFAULT_SETTINGS, mergeSettings } from '../../shared/settings';
import type { SyncRun } from '../../shared/domain';
import type { JobStateView, SyncStateView } from '../../shared/views';
import { FakeTray, type FakeMenu } from './fakeElectron';

const run = (status: SyncRun['status'], accountId: number | null, at = '2026-11-23T10:00:00.000Z'): SyncRun => ({
  id: 1,
  job: 'new-orders',
  accountId,
  account: accountId === null ? null : `Shop ${accountId}`,
  mode: 'scheduled',
  status,
  startedAt: at,
  finishedAt: at,
  durationMs: 10,
  pages: 1,
  requests: 1,
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  warnings: 0,
  error: status === 'failed' ? 'HTTP 503' : null,
  errorKind: status === 'failed' ? 'server' : null,
  cause: status === 'failed' ? 'emag_error' : null,
  reason: null,
});

const job = (accountId: number | null, patch: Partial<JobStateView> = {}): JobStateView => ({
  job: 'new-orders',
  accountId,
  account: accountId === null ? null : `Shop ${accountId}`,
  running: false,
  progress: null,
  lastRun: run('completed', accountId),
  lastGoodAt: '2026-11-23T10:00:00.000Z',
  nextRunAt: null,
  ...patch,
});

function fakeSync(jobs: JobStateView[]): TraySync & { paused: boolean; syncNowCalls: number; view: SyncStateView } {
  const sync = {
    paused: false,
    syncNowCalls: 0,
    view: { paused: false, demo: false, jobs },
    state: () => ({ ...sync.view, paused: sync.paused }),
    syncNow: vi.fn(async () => {
      sync.syncNowCalls++;
      return [];
    }),
    pause: () => void (sync.paused = true),
    resume: () => void (sync.paused = false),
    isPaused: () => sync.paused,
  };
  return sync;
}

function setup(jobs: JobStateView[] = [job(1), job(2)], language: 'ro' | 'en' = 'en') {
  const tray = new FakeTray('/res/tray-ok.png');
  const bus = createEventBus();
  const sync = fakeSync(jobs);
  const actions = { shown: 0, logs: 0, quit: 0 };
  const controller = createTrayController<FakeMenu>({
    tray,
    menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: () => undefined },
    iconPath: (state: TrayState) => `/res/tray-${state}.png`,
    sync,
    bus,
    settings: () => mergeSettings(DEFAULT_SETTINGS, { language }),
    newOrders: () => 3,
    isDemo: () => true,
    showWindow: () => void actions.shown++,
    openLogs: () => void actions.logs++,
    quit: () => void actions.quit++,
    logger: createMemoryLogger(),
    redrawDelayMs: 0,
  });
  return { tray, bus, sync, actions, controller };
}

describe('tray menu', () => {
  it('lists open, sync now, one status line per account, pause, logs folder and quit', () => {
    const { tray } = setup();
    expect(tray.labels()).toEqual([
      'Open MagFlow',
      'Sync now',
      expect.stringMatching(/^Shop 1: OK · \d\d:\d\d$/),
      expect.stringMatching(/^Shop 2: OK · \d\d:\d\d$/),
      'Pause sync',
      'Open logs folder',
      'Quit',
    ]);
    expect(tray.item('account-1').enabled).toBe(false);
  });

  it('Sync now asks the scheduler to sync every account', () => {
    const { tray, sync } = setup();
    tray.clickItem('sync-now');
    expect(sync.syncNow).toHaveBeenCalledTimes(1);
    expect(sync.syncNow).toHaveBeenCalledWith();
  });

  it('Pause toggles: pauses, the item becomes Resume, and Resume resumes', () => {
    const { tray, sync } = setup();
    tray.clickItem('pause');
    expect(sync.paused).toBe(true);
    expect(tray.item('pause').label).toBe('Resume sync');
    expect(tray.item('sync-now').enabled).toBe(false);
    expect(tray.images.at(-1)).toBe('/res/tray-paused.png');
    tray.clickItem('pause');
    expect(sync.paused).toBe(false);
    expect(tray.item('pause').label).toBe('Pause sync');
    expect(tray.images.at(-1)).toBe('/res/tray-ok.png');
  });

  it('Open, Open logs folder and Quit do what they say', () => {
    const { tray, actions } = setup();
    tray.clickItem('open');
    tray.clickItem('logs');
    tray.clickItem('quit');
    expect(actions).toEqual({ shown: 1, logs: 1, quit: 1 });
  });

  it('a left click on the icon opens the window', () => {
    const { tray, actions } = setup();
    tray.emit('click');
    expect(actions.shown).toBe(1);
  });

  it('speaks Romanian by default', () => {
    const { tray } = setup([job(1)], 'ro');
    expect(tray.labels()[0]).toBe('Deschide MagFlow');
    expect(tray.labels()).toContain('Ieșire');
    expect(tray.toolTip).toContain('3 comenzi noi');
  });

  it('redraws when the core reports progress', () => {
    const { tray, sync, bus } = setup();
    sync.view = { ...sync.view, jobs: [job(1, { running: true, lastRun: null }), job(2)] };
    bus.emit({ type: 'sync_progress', job: 'new-orders', accountId: 1, done: 1, total: null });
    expect(tray.images.at(-1)).toBe('/res/tray-syncing.png');
    expect(tray.item('account-1').label).toMatch(/^Shop 1: syncing… · \d\d:\d\d$/);
  });
});

describe('tray state and tooltip', () => {
  it('paused beats syncing beats error beats ok', () => {
    const failing = job(1, { lastRun: run('failed', 1) });
    expect(trayState({ paused: false, demo: false, jobs: [job(1)] })).toBe('ok');
    expect(trayState({ paused: false, demo: false, jobs: [failing] })).toBe('error');
    expect(trayState({ paused: false, demo: false, jobs: [failing, job(2, { running: true })] })).toBe('syncing');
    expect(trayState({ paused: true, demo: false, jobs: [failing, job(2, { running: true })] })).toBe('paused');
    // An app-wide job failing (maintenance) does not make an account look broken.
    expect(trayState({ paused: false, demo: false, jobs: [job(null, { lastRun: run('failed', null) })] })).toBe('ok');
  });

  it('an account line says error when one of its jobs last failed, never synced before the first run', () => {
    const lines = accountLines({
      paused: false,
      demo: false,
      jobs: [
        job(1),
        job(1, { job: 'offers', lastRun: run('timed_out', 1) }),
        job(2, { lastRun: null, lastGoodAt: null }),
      ],
    });
    expect(lines.map((l) => [l.account, l.state])).toEqual([
      ['Shop 1', 'error'],
      ['Shop 2', 'never'],
    ]);
  });

  it('the tooltip has the last sync time, the new-order count and demo mode', () => {
    const text = trayTooltip({
      lang: 'en',
      demo: true,
      newOrders: 1,
      state: { paused: true, demo: true, jobs: [job(1, { lastGoodAt: '2026-11-23T08:05:00.000Z' })] },
    });
    const local = new Date('2026-11-23T08:05:00.000Z').toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(text).toBe(`MagFlow (demo)\nLast sync: ${local}\n1 new order\nSync paused`);
    expect(
      trayTooltip({ lang: 'en', demo: false, newOrders: 0, state: { paused: false, demo: false, jobs: [] } }),
    ).toBe('MagFlow\nNot synced yet\n0 new orders');
  });
});
