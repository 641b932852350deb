// Lifecycle rules on their own: single instance, a second launch before the app is ready, a quit that waits for
// the core to stop (even when stopping fails, never longer than the limit), and the system's log-off or shutdown.
import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { QUIT_TIMEOUT_MS, setupLifecycle } from '../../main/shell/lifecycle';
import { FakeApp, preventable } from './fakeElectron';

function setup(shutdown: () => Promise<void> = async () => undefined, quitTimeoutMs?: number) {
  const app = new FakeApp({ userData: '/u', logs: '/l' });
  const shown: number[] = [];
  const logger = createMemoryLogger();
  const lifecycle = setupLifecycle({
    app,
    logger,
    showWindow: () => void shown.push(1),
    shutdown,
    ...(quitTimeoutMs !== undefined ? { quitTimeoutMs } : {}),
  });
  return { app, shown, lifecycle, logger };
}

describe('lifecycle', () => {
  it('the first instance holds the lock; a second launch focuses it (once ready)', () => {
    const { app, shown, lifecycle } = setup();
    expect(lifecycle.primary).toBe(true);
    app.secondInstance();
    expect(shown).toEqual([]); // not ready yet: remembered
    lifecycle.setReady(true);
    expect(shown).toEqual([1]);
    app.secondInstance();
    app.emit('activate');
    expect(shown).toEqual([1, 1, 1]);
    expect(app.focusCalls).toBe(2);
  });

  it('without the lock it quits at once and wires nothing', () => {
    const app = new FakeApp({ userData: '/u', logs: '/l' });
    app.lockAvailable = false;
    const lifecycle = setupLifecycle({
      app,
      logger: createMemoryLogger(),
      showWindow: () => undefined,
      shutdown: async () => undefined,
    });
    expect(lifecycle.primary).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.count('second-instance')).toBe(0);
  });

  it('closing the last window does not quit', () => {
    const { app } = setup();
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(0);
    expect(app.exitCode).toBeNull();
  });

  it('quit waits for the shutdown, runs it once, then exits', async () => {
    let finish: () => void = () => undefined;
    let runs = 0;
    const { app, lifecycle } = setup(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          finish = resolve;
        }),
    );
    app.quit();
    expect(lifecycle.isQuitting()).toBe(true);
    expect(app.exitCode).toBeNull(); // held
    const again = preventable();
    app.emit('will-quit', again); // a second quit request meanwhile
    expect(again.defaultPrevented).toBe(true);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.exitCode).toBe(0);
    expect(runs).toBe(1);
  });

  it('a failing shutdown is logged and the app still exits', async () => {
    const { app } = setup(() => Promise.reject(new Error('disk full')));
    app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.exitCode).toBe(0);
  });

  it('a shutdown that hangs holds the exit for QUIT_TIMEOUT_MS (10 s) at most, then the app exits', async () => {
    expect(QUIT_TIMEOUT_MS).toBe(10_000);
    const { app, logger } = setup(() => new Promise<void>(() => undefined), 50);
    app.quit();
    expect(app.exitCode).toBeNull();
    await vi.waitFor(() => expect(app.exitCode).toBe(1));
    expect(logger.lines().some((l) => l.includes('did not stop in time'))).toBe(true);
  });

  it('Windows log-off: query-session-end makes closing real; session-end stops the core and exits', async () => {
    let runs = 0;
    const { app, lifecycle } = setup(async () => void runs++);
    expect(lifecycle.isQuitting()).toBe(false);
    lifecycle.sessionEnding();
    expect(lifecycle.isQuitting()).toBe(true); // the window's close handler no longer hides it
    expect(app.exitCode).toBeNull();
    lifecycle.endSession();
    await vi.waitFor(() => expect(app.exitCode).toBe(0));
    expect(runs).toBe(1);
    expect(app.quitCalls).toBe(0); // no before-quit/will-quit on Windows at session end
  });

  it('system shutdown (Linux, macOS): delayed while MagFlow quits the normal way', async () => {
    let runs = 0;
    const { app, lifecycle } = setup(async () => void runs++);
    const event = preventable();
    lifecycle.systemShutdown(event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.exitCode).toBe(0));
    expect(runs).toBe(1);
  });
});
