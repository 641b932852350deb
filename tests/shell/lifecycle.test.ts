// Lifecycle rules on their own: single instance, a second launch before the app is ready, and a quit that waits
// for the core to stop (even when stopping fails).
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { setupLifecycle } from '../../main/shell/lifecycle';
import { FakeApp, preventable } from './fakeElectron';

function setup(shutdown: () => Promise<void> = async () => undefined) {
  const app = new FakeApp({ userData: '/u', logs: '/l' });
  const shown: number[] = [];
  const lifecycle = setupLifecycle({
    app,
    logger: createMemoryLogger(),
    showWindow: () => void shown.push(1),
    shutdown,
  });
  return { app, shown, lifecycle };
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
});
