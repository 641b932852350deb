// Keeps the window usable when its renderer process fails. A crashed renderer leaves a blank window for good, so the
// page is reloaded (a new renderer), at most MAX_RELOADS times within RELOAD_WINDOW_MS: a page that crashes on load
// would otherwise crash and reload forever. Past that the seller decides: reload, or close the window (MagFlow stays
// in the tray; opening it again makes a fresh window). A renderer that stops responding gets Electron's usual way
// out: the seller may wait, or end it and reload (docs/api/web-contents.md, forcefullyCrashRenderer). Helper
// processes that end (GPU, utility) are logged; Chromium restarts them itself.
import type { Settings } from '../../shared/settings';
import type { Logger } from '../core/logging';
import type { AppPort, DialogPort, MessageBoxSpec, ProcessGoneDetails, WindowPort } from './ports';

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

type Language = Settings['language'];

export interface RendererRecoveryDeps {
  window: WindowPort;
  dialog: DialogPort;
  logger: Logger;
  language(): Language;
  logsDir: string;
  now?: () => number;
}

const TEXT = {
  ro: {
    crashLoop: 'Fereastra MagFlow se tot închide neașteptat',
    crashLoopDetail: (logs: string) =>
      `Sincronizarea și notificările continuă. Poți reîncărca fereastra sau o poți închide (MagFlow rămâne în zona de notificări).\n\nJurnal: ${logs}`,
    crashLoopButtons: ['Reîncarcă', 'Închide fereastra'],
    hung: 'MagFlow nu răspunde',
    hungDetail: 'Poți aștepta sau poți reîncărca fereastra (datele sunt păstrate).',
    hungButtons: ['Așteaptă', 'Reîncarcă'],
  },
  en: {
    crashLoop: 'The MagFlow window keeps closing unexpectedly',
    crashLoopDetail: (logs: string) =>
      `Sync and notifications go on. You can reload the window or close it (MagFlow stays in the tray).\n\nLog: ${logs}`,
    crashLoopButtons: ['Reload', 'Close the window'],
    hung: 'MagFlow is not responding',
    hungDetail: 'You can wait, or reload the window (your data is kept).',
    hungButtons: ['Wait', 'Reload'],
  },
} as const;

const box = (fields: Omit<MessageBoxSpec, 'noLink' | 'title'>): MessageBoxSpec => ({
  ...fields,
  title: 'MagFlow',
  noLink: true,
});

/** Reloads a crashed page (with a crash-loop limit) and offers a way out of a hung one. */
export function watchRenderer(deps: RendererRecoveryDeps): void {
  const { window, logger } = deps;
  const contents = window.webContents;
  const now = deps.now ?? Date.now;
  let crashes: number[] = [];
  /** Set when MagFlow itself ended the renderer (a hung page the seller chose to reload). */
  let reloadAfterKill = false;
  let asking = false;
  let hung: AbortController | null = null;

  const reload = (why: string) => {
    logger.info('renderer: reloading the window', { why });
    contents.reload();
  };

  const askAfterCrashLoop = () => {
    if (asking) return;
    asking = true;
    const text = TEXT[deps.language()];
    deps.dialog
      .showMessageBox(
        window,
        box({
          type: 'error',
          message: text.crashLoop,
          detail: text.crashLoopDetail(deps.logsDir),
          buttons: [...text.crashLoopButtons],
          defaultId: 0,
          cancelId: 1,
        }),
      )
      .then(({ response }) => {
        if (window.isDestroyed()) return;
        if (response === 0) {
          crashes = [];
          reload('the seller asked after repeated crashes');
        } else {
          logger.info('renderer: the seller closed the crashing window');
          window.destroy();
        }
      })
      .catch((error: unknown) => logger.error('renderer: could not ask about the crashing window', { error }))
      .finally(() => (asking = false));
  };

  contents.on('render-process-gone', (_event, details: ProcessGoneDetails) => {
    hung?.abort();
    if (window.isDestroyed()) return;
    if (reloadAfterKill) {
      reloadAfterKill = false;
      reload('the seller chose to reload the hung window');
      return;
    }
    if (details.reason === 'clean-exit') return;
    const at = now();
    crashes = [...crashes.filter((t) => at - t < RELOAD_WINDOW_MS), at];
    if (crashes.length <= MAX_RELOADS) {
      reload(`renderer ${details.reason} (${crashes.length} of ${MAX_RELOADS} within a minute)`);
      return;
    }
    logger.error('renderer: crashing again and again; not reloading by itself', { crashes: crashes.length });
    askAfterCrashLoop();
  });

  window.on('unresponsive', () => {
    if (hung) return;
    logger.warn('renderer: the window is not responding');
    hung = new AbortController();
    const text = TEXT[deps.language()];
    deps.dialog
      .showMessageBox(
        window,
        box({
          type: 'warning',
          message: text.hung,
          detail: text.hungDetail,
          buttons: [...text.hungButtons],
          defaultId: 0,
          cancelId: 0,
          signal: hung.signal,
        }),
      )
      .then(({ response }) => {
        const answered = hung && !hung.signal.aborted;
        hung = null;
        if (!answered || response !== 1 || window.isDestroyed()) return;
        reloadAfterKill = true;
        contents.forcefullyCrashRenderer();
      })
      .catch((error: unknown) => {
        hung = null;
        logger.error('renderer: could not ask about the hung window', { error });
      });
  });
  window.on('responsive', () => {
    if (!hung) return;
    logger.info('renderer: the window responds again');
    hung.abort(); // closes the question: nothing to decide any more
  });
}

/** Logs helper processes (GPU, utility...) that ended; Chromium restarts the ones it needs. */
export function watchChildProcesses(app: Pick<AppPort, 'on'>, logger: Logger): void {
  app.on('child-process-gone', (_event, details) => {
    const fields = { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name };
    if (details.reason === 'clean-exit') logger.info('a helper process ended', fields);
    else logger.error('a helper process ended abnormally', fields);
  });
}
