// The tray: state icon, tooltip, and the menu a seller uses all day (open, sync now, per-account status, pause,
// logs, quit). It follows the core's events and redraws at most a few times a second.
import type { Settings } from '../../shared/settings';
import type { SyncStateView } from '../../shared/views';
import type { EventBus } from '../core/events/bus';
import type { Logger } from '../core/logging';
import type { MenuFactory, MenuItemSpec, TrayPort } from './ports';
import type { TodayCounts } from '../../shared/today';
import {
  accountLineLabel,
  accountLines,
  todayLine,
  trayLabels,
  trayState,
  trayTooltip,
  type TrayState,
} from './trayModel';

export interface TraySync {
  state(): SyncStateView;
  syncNow(): Promise<unknown>;
  pause(): void;
  resume(): void;
  isPaused(): boolean;
}

export interface TrayControllerDeps<M> {
  tray: TrayPort<M>;
  menu: MenuFactory<M>;
  /** The icon file for a state (resources/tray-<state>.png). */
  iconPath(state: TrayState): string;
  sync: TraySync;
  bus: EventBus;
  settings(): Settings;
  newOrders(): number;
  /** The today queue's counts, computed by the core (issue 17 §1); absent in old callers. */
  todayCounts?: () => TodayCounts | null;
  /** Opens the window on the today queue. */
  openToday?: () => void;
  isDemo(): boolean;
  showWindow(): void;
  openLogs(): void;
  quit(): void;
  logger: Logger;
  /** Left click opens the window (Windows, Linux); on macOS a click shows the menu, as Mac users expect. */
  openOnClick?: boolean;
  /** Redraw delay after a burst of events (tests pass 0 and call refresh()). */
  redrawDelayMs?: number;
}

export interface TrayController {
  refresh(): void;
  /** The menu template last given to the tray (what the seller sees). */
  template(): MenuItemSpec[];
  currentState(): TrayState;
  stop(): void;
}

export function createTrayController<M>(deps: TrayControllerDeps<M>): TrayController {
  let lastTemplate: MenuItemSpec[] = [];
  let lastState: TrayState | null = null;
  let redrawTimer: NodeJS.Timeout | null = null;
  const delay = deps.redrawDelayMs ?? 250;

  const syncNow = () => {
    deps.sync.syncNow().catch((error: unknown) => deps.logger.warn('tray: sync now failed', { error }));
    refresh();
  };
  const togglePause = () => {
    if (deps.sync.isPaused()) deps.sync.resume();
    else deps.sync.pause();
    refresh();
  };

  const todayCounts = (): TodayCounts | null => {
    try {
      return deps.todayCounts?.() ?? null;
    } catch (error) {
      deps.logger.warn('tray: the today queue could not be read', { error });
      return null;
    }
  };

  function buildTemplate(state: SyncStateView, lang: Settings['language'], today: string | null): MenuItemSpec[] {
    const labels = trayLabels(lang);
    const lines = accountLines(state);
    return [
      { id: 'open', label: labels.open, click: deps.showWindow },
      ...(today ? [{ id: 'today', label: today, click: deps.openToday ?? deps.showWindow }] : []),
      { id: 'sync-now', label: labels.syncNow, enabled: !state.paused && lines.length > 0, click: syncNow },
      { type: 'separator' },
      ...(lines.length > 0
        ? lines.map<MenuItemSpec>((line) => ({
            id: `account-${line.accountId}`,
            label: accountLineLabel(line, lang, state.paused),
            enabled: false,
          }))
        : [{ id: 'no-accounts', label: labels.noAccounts, enabled: false }]),
      { type: 'separator' },
      { id: 'pause', label: state.paused ? labels.resume : labels.pause, click: togglePause },
      { id: 'logs', label: labels.logs, click: deps.openLogs },
      { type: 'separator' },
      { id: 'quit', label: labels.quit, click: deps.quit },
    ];
  }

  function refresh(): void {
    if (redrawTimer) clearTimeout(redrawTimer);
    redrawTimer = null;
    try {
      const state = deps.sync.state();
      const lang = deps.settings().language;
      const iconState = trayState(state);
      if (iconState !== lastState) deps.tray.setImage(deps.iconPath(iconState));
      lastState = iconState;
      const today = todayCounts();
      deps.tray.setToolTip(trayTooltip({ lang, state, newOrders: deps.newOrders(), demo: deps.isDemo(), today }));
      lastTemplate = buildTemplate(state, lang, todayLine(today, lang));
      deps.tray.setContextMenu(deps.menu.buildFromTemplate(lastTemplate));
    } catch (error) {
      deps.logger.warn('tray: redraw failed', { error });
    }
  }

  const refreshSoon = () => {
    if (delay === 0) return refresh();
    redrawTimer ??= setTimeout(refresh, delay);
  };

  const unsubscribe = [
    deps.bus.onAny((event) => {
      if (event.type !== 'navigate') refreshSoon();
    }),
    // The accounts (one line each) and the settings (the language) are what the menu says: redrawn at once.
    deps.bus.on('accounts_changed', refresh),
    deps.bus.on('settings_changed', refresh),
  ];
  if (deps.openOnClick ?? true) deps.tray.on('click', deps.showWindow);
  refresh();

  return {
    refresh,
    template: () => lastTemplate,
    currentState: () => lastState ?? 'ok',
    stop() {
      for (const stopListening of unsubscribe) stopListening();
      if (redrawTimer) clearTimeout(redrawTimer);
      redrawTimer = null;
    },
  };
}
