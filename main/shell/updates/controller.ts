// MagFlow's own updates: the feed is checked at start and every few hours; electron-updater downloads a newer
// version in the background and checks it against the sha512 the release lists (a mismatch is thrown away and
// reported); the update is installed when MagFlow quits, or at once when the seller clicks "Restart to update" —
// never while a sync runs: the click pauses the schedule, waits for the running syncs to finish, and only then hands
// over to the installer. Every change is published as an `update_status` event (Settings → Updates shows it).
import type { UpdateDisabledReason, UpdateInstaller, UpdateState, UpdateStatusView } from '../../../shared/updates';
import type { SyncStateView } from '../../../shared/views';
import { AppError } from '../../core/errors';
import type { EventBus } from '../../core/events/bus';
import type { Logger } from '../../core/logging';
import type { UpdatesPort } from '../../core/updates';

/** electron-updater's events MagFlow follows (docs: electron-builder's auto-update page, "Events"). */
export type UpdaterEventName =
  | 'checking-for-update'
  | 'update-available'
  | 'update-not-available'
  | 'download-progress'
  | 'update-downloaded'
  | 'error';

/** electron-updater's logger shape. */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

/** The part of electron-updater's AppUpdater the controller uses (tests pass a fake). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdaterLogger | null;
  on(event: UpdaterEventName, listener: (...args: unknown[]) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  /** Runs the installer, then quits (electron-updater's BaseUpdater); on failure emits 'error' and stays. */
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

/** What "never during a sync" needs from the scheduler. */
export interface UpdateSyncGate {
  isRunning(): boolean;
  isPaused(): boolean;
  pause(): void;
  resume(): void;
  /** Called after every finished run; returns the unsubscribe function. */
  onRunFinished(listener: () => void): () => void;
}

export function schedulerGate(
  scheduler: { state(): SyncStateView; isPaused(): boolean; pause(): void; resume(): void },
  bus: EventBus,
): UpdateSyncGate {
  return {
    isRunning: () => scheduler.state().jobs.some((job) => job.running),
    isPaused: () => scheduler.isPaused(),
    pause: () => scheduler.pause(),
    resume: () => scheduler.resume(),
    onRunFinished: (listener) => bus.on('sync_finished', listener),
  };
}

export interface UpdateControllerOptions {
  disabledReason: UpdateDisabledReason | null;
  feed: string | null;
  installer: UpdateInstaller | null;
  updater: UpdaterPort | null;
  version: string;
  logger: Logger;
  now?: () => Date;
  /** First check after start (default 5 s: after the window and the first syncs). */
  firstCheckDelayMs?: number;
  /** Then every CHECK_INTERVAL_MS. */
  checkIntervalMs?: number;
  /** While waiting for a sync, how often to look again besides each finished run. */
  syncPollMs?: number;
}

export const CHECK_INTERVAL_MS = 4 * 60 * 60_000;

export interface UpdateController extends UpdatesPort {
  /** Starts the schedule; events go to `publish`, the sync gate holds the install back. */
  start(deps: { sync: UpdateSyncGate; publish(status: UpdateStatusView): void }): void;
  stop(): void;
  /** The system is shutting down or logging off: no installer then (it would hold up or be killed by the OS). */
  holdInstallOnQuit(): void;
}

interface UpdateInfoLike {
  version?: unknown;
}
interface ProgressLike {
  percent?: unknown;
  transferred?: unknown;
  total?: unknown;
  bytesPerSecond?: unknown;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const versionOf = (info: unknown): string | null => {
  const version = (info as UpdateInfoLike | null)?.version;
  return typeof version === 'string' ? version : null;
};

/** electron-updater's error code, or Chromium's net error name (net::ERR_...) when the request failed. */
export function updateErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  const message = error instanceof Error ? error.message : String(error);
  return /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? null;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { updater, logger } = options;
  const now = options.now ?? (() => new Date());
  let state: UpdateState = updater ? 'idle' : 'disabled';
  let availableVersion: string | null = null;
  let progress: UpdateStatusView['progress'] = null;
  let lastCheckedAt: string | null = null;
  let nextCheckAt: string | null = null;
  let error: UpdateStatusView['error'] = null;
  /** A verified update waits in electron-updater's cache. */
  let downloaded = false;
  let checkTimer: NodeJS.Timeout | null = null;
  let waitTimer: NodeJS.Timeout | null = null;
  let stopWaiting: (() => void) | null = null;
  let pausedForInstall = false;
  let deps: { sync: UpdateSyncGate; publish(status: UpdateStatusView): void } | null = null;

  const status = (): UpdateStatusView => ({
    state,
    disabledReason: updater ? null : options.disabledReason,
    currentVersion: options.version,
    feed: options.feed,
    installer: options.installer,
    availableVersion,
    progress,
    lastCheckedAt,
    nextCheckAt,
    error,
  });
  const publish = () => deps?.publish(status());
  const set = (next: UpdateState) => {
    state = next;
    publish();
  };
  /** Installing (or about to): nothing else may change the state. */
  const installing = () => state === 'waiting-for-sync' || state === 'installing';

  if (updater) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.logger = {
      info: (message) => logger.info(`updater: ${String(message)}`),
      warn: (message) => logger.warn(`updater: ${String(message)}`),
      error: (message) => logger.error(`updater: ${String(message)}`),
      debug: (message) => logger.debug(`updater: ${message}`),
    };
    updater.on('checking-for-update', () => {
      lastCheckedAt = now().toISOString();
      if (installing()) return;
      error = null;
      set(downloaded ? 'downloaded' : 'checking');
    });
    updater.on('update-not-available', () => {
      if (!installing() && !downloaded) set('idle');
    });
    updater.on('update-available', (info: unknown) => {
      const version = versionOf(info);
      if (installing() || (downloaded && version === availableVersion)) return;
      downloaded = false;
      availableVersion = version;
      progress = { percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 };
      set('downloading');
    });
    updater.on('download-progress', (info: unknown) => {
      if (installing() || downloaded) return;
      const p = info as ProgressLike | null;
      progress = {
        percent: num(p?.percent),
        transferred: num(p?.transferred),
        total: num(p?.total),
        bytesPerSecond: num(p?.bytesPerSecond),
      };
      set('downloading');
    });
    updater.on('update-downloaded', (info: unknown) => {
      downloaded = true;
      availableVersion = versionOf(info) ?? availableVersion;
      progress = null;
      error = null;
      logger.info('update downloaded and verified', { version: availableVersion });
      if (!installing()) set('downloaded');
    });
    updater.on('error', (failure: unknown) => {
      const message = failure instanceof Error ? failure.message : String(failure);
      error = { code: updateErrorCode(failure), message: message.slice(0, 1000), at: now().toISOString() };
      logger.warn('update failed', { code: error.code, message: error.message });
      if (state === 'installing' || state === 'waiting-for-sync') {
        // The installer did not run (or refused): MagFlow keeps running, the schedule goes on.
        stopWaiting?.();
        if (pausedForInstall) deps?.sync.resume();
        pausedForInstall = false;
      }
      progress = null;
      set(downloaded ? 'downloaded' : 'error');
    });
  }

  function schedule(delayMs: number): void {
    if (checkTimer) clearTimeout(checkTimer);
    nextCheckAt = new Date(now().getTime() + delayMs).toISOString();
    checkTimer = setTimeout(() => {
      checkTimer = null;
      if (!installing()) void check();
      schedule(options.checkIntervalMs ?? CHECK_INTERVAL_MS);
      publish();
    }, delayMs);
    checkTimer.unref?.();
  }

  async function check(): Promise<UpdateStatusView> {
    // A check or download already under way is joined by electron-updater itself (it keeps the pending promise).
    if (!updater || installing()) return status();
    try {
      // Resolves once the feed answered; the download goes on in the background (electron-updater's autoDownload).
      await updater.checkForUpdates();
    } catch {
      // Reported through the 'error' event, with its code.
    }
    return status();
  }

  function installNow(): void {
    stopWaiting?.();
    if (!updater) return;
    logger.info('installing the update', { version: availableVersion });
    set('installing');
    // No sync runs and none can start: the schedule is paused and this runs to the end before anything else.
    updater.quitAndInstall(true, true);
  }

  function waitForSync(sync: UpdateSyncGate): void {
    set('waiting-for-sync');
    logger.info('update: waiting for the running sync to finish before installing');
    const recheck = () => {
      if (state === 'waiting-for-sync' && !sync.isRunning()) installNow();
    };
    const unsubscribe = sync.onRunFinished(() => setTimeout(recheck, 0));
    waitTimer = setInterval(recheck, options.syncPollMs ?? 1_000);
    waitTimer.unref?.();
    stopWaiting = () => {
      unsubscribe();
      if (waitTimer) clearInterval(waitTimer);
      waitTimer = null;
      stopWaiting = null;
    };
  }

  return {
    status,
    check,
    async install() {
      if (installing()) return status();
      if (!updater || !deps) {
        throw new AppError('unavailable', (text) => text.errors.updates.off, undefined, 'updates.disabled');
      }
      if (!downloaded) {
        throw new AppError(
          'conflict',
          (text) => text.errors.updates.notDownloaded,
          undefined,
          'updates.not_downloaded',
        );
      }
      const { sync } = deps;
      // From the click on no new sync starts; the ones running finish first.
      pausedForInstall = !sync.isPaused();
      if (pausedForInstall) sync.pause();
      error = null;
      if (sync.isRunning()) waitForSync(sync);
      else installNow();
      return status();
    },
    start(startDeps) {
      deps = startDeps;
      if (updater) schedule(options.firstCheckDelayMs ?? 5_000);
    },
    stop() {
      if (checkTimer) clearTimeout(checkTimer);
      checkTimer = null;
      stopWaiting?.();
      deps = null;
    },
    holdInstallOnQuit() {
      if (updater) updater.autoInstallOnAppQuit = false;
    },
  };
}
