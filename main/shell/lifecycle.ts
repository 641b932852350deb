// App lifecycle: one instance only (a second launch focuses the first window), closing the window keeps MagFlow in
// the tray, and quitting stops the core cleanly (scheduler, demo sandbox, database) before the process exits.
import type { Logger } from '../core/logging';
import type { AppPort } from './ports';

export interface LifecycleDeps {
  app: AppPort;
  logger: Logger;
  /** A second launch, or the dock icon clicked (macOS): show the window. */
  showWindow(): void;
  /** Everything to stop before exit; runs once. */
  shutdown(): Promise<void>;
}

export interface Lifecycle {
  /** False when another MagFlow already runs (this one is quitting). */
  readonly primary: boolean;
  isQuitting(): boolean;
  /** True once the app is ready and the shell started (a second launch before that just waits). */
  setReady(ready: boolean): void;
}

/** Takes the single-instance lock and wires the app events; call before app.whenReady(). */
export function setupLifecycle(deps: LifecycleDeps): Lifecycle {
  const { app, logger } = deps;
  if (!app.requestSingleInstanceLock()) {
    logger.info('MagFlow is already running: focusing it and quitting');
    app.quit();
    return { primary: false, isQuitting: () => true, setReady: () => undefined };
  }
  let quitting = false;
  let stopping: Promise<void> | null = null;
  let stopped = false;
  let ready = false;
  let showWhenReady = false;

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
    quitting = true;
    stopping ??= deps
      .shutdown()
      .catch((error: unknown) => logger.error('shutdown failed', { error }))
      .finally(() => {
        stopped = true;
        app.quit();
      });
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
  };
}
