// App lifecycle: one instance only (a second launch focuses the first window), closing the window keeps MagFlow in
// the tray, and quitting stops the core cleanly (scheduler, demo sandbox, database) before the process exits; a stop
// that hangs does not hold the exit longer than QUIT_TIMEOUT_MS. When the system logs off or shuts down MagFlow
// quits the same orderly way instead of hiding in the tray (which would hold up, or be killed by, the shutdown).
import type { Logger } from '../core/logging';
import type { AppPort, PreventableEvent } from './ports';

/** Longest a quit may wait for the core to stop before the process exits anyway. */
export const QUIT_TIMEOUT_MS = 10_000;

export interface LifecycleDeps {
  app: AppPort;
  logger: Logger;
  /** A second launch, or the dock icon clicked (macOS): show the window. */
  showWindow(): void;
  /** Everything to stop before exit; runs once. */
  shutdown(): Promise<void>;
  /** Tests shorten it. */
  quitTimeoutMs?: number;
}

export interface Lifecycle {
  /** False when another MagFlow already runs (this one is quitting). */
  readonly primary: boolean;
  isQuitting(): boolean;
  /** True once the app is ready and the shell started (a second launch before that just waits). */
  setReady(ready: boolean): void;
  /** Windows asks whether the session may end ('query-session-end'): from now on closing a window closes it. */
  sessionEnding(): void;
  /**
   * The session ends now (Windows 'session-end'). Electron emits no before-quit/will-quit then, and the process is
   * ended shortly after: stop the core at once and exit.
   */
  endSession(): void;
  /** The system shuts down (powerMonitor 'shutdown', Linux and macOS): delay it and quit normally. */
  systemShutdown(event?: PreventableEvent): void;
}

/** Takes the single-instance lock and wires the app events; call before app.whenReady(). */
export function setupLifecycle(deps: LifecycleDeps): Lifecycle {
  const { app, logger } = deps;
  const noop = () => undefined;
  if (!app.requestSingleInstanceLock()) {
    logger.info('MagFlow is already running: focusing it and quitting');
    app.quit();
    return {
      primary: false,
      isQuitting: () => true,
      setReady: noop,
      sessionEnding: noop,
      endSession: noop,
      systemShutdown: noop,
    };
  }
  let quitting = false;
  let stopping: Promise<void> | null = null;
  let stopped = false;
  let ready = false;
  let showWhenReady = false;

  /** Runs the shutdown once, then `after`; if it has not finished within the limit, exits anyway. */
  const stopThen = (after: () => void) => {
    quitting = true;
    if (stopping) return;
    const limit = deps.quitTimeoutMs ?? QUIT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      logger.error('MagFlow did not stop in time: exiting anyway', { afterMs: limit });
      app.exit(1);
    }, limit);
    stopping = deps
      .shutdown()
      .catch((error: unknown) => logger.error('shutdown failed', { error }))
      .finally(() => {
        clearTimeout(timer);
        stopped = true;
        after();
      });
  };

  const show = () => {
    if (ready) deps.showWindow();
    else showWhenReady = true;
  };
  app.on('second-instance', () => {
    logger.info('second launch: showing the window');
    app.focus({ steal: true });
    show();
  });
  app.on('activate', show);
  // Listening is enough to stop Electron's default of quitting when the last window closes: the tray stays.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (stopped) return;
    // Hold the exit until the core has stopped; then quit again (this time straight through).
    event.preventDefault();
    stopThen(() => app.quit());
  });

  return {
    primary: true,
    isQuitting: () => quitting,
    setReady(value) {
      ready = value;
      if (ready && showWhenReady) {
        showWhenReady = false;
        deps.showWindow();
      }
    },
    sessionEnding() {
      logger.info('the system session is ending: MagFlow will quit');
      quitting = true;
    },
    endSession() {
      logger.info('the system session ended: stopping MagFlow');
      stopThen(() => app.exit(0));
    },
    systemShutdown(event) {
      logger.info('the system is shutting down: quitting MagFlow');
      event?.preventDefault();
      app.quit();
    },
  };
}
