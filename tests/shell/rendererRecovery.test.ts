// A failed renderer: a crash reloads the window (a new renderer), with a crash-loop limit after which the seller
// decides; a hung window offers to wait or reload; helper processes that end are logged.
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { MAX_RELOADS, RELOAD_WINDOW_MS, watchChildProcesses, watchRenderer } from '../../main/shell/rendererRecovery';
import { createFakeElectron, FakeApp } from './fakeElectron';
import { fakeMainWindow } from './shellSetup';

function setup(answer: number | null = null) {
  const fake = createFakeElectron({ userData: '/u', logs: '/l' });
  fake.dialogAnswer = answer;
  const window = fakeMainWindow();
  const logger = createMemoryLogger();
  let clock = 1_000_000;
  watchRenderer({
    window,
    dialog: fake.dialog,
    logger,
    language: () => 'en',
    logsDir: '/home/ana/.config/MagFlow/logs',
    now: () => clock,
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { fake, window, contents: window.webContents, logger, settle, advance: (ms: number) => (clock += ms) };
}

describe('renderer recovery', () => {
  it(`a crashed renderer is reloaded, up to ${MAX_RELOADS} times a minute; then the seller is asked`, async () => {
    const { fake, window, contents, logger, settle } = setup(null);
    for (let i = 1; i <= MAX_RELOADS; i++) {
      contents.gone('crashed');
      expect(contents.reloads).toBe(i);
    }
    contents.gone('oom');
    expect(contents.reloads).toBe(MAX_RELOADS); // not a fourth time by itself
    expect(fake.dialogs).toHaveLength(1);
    expect(fake.dialogParents[0]).toBe(window);
    expect(fake.dialogs[0]).toMatchObject({ type: 'error', buttons: ['Reload', 'Close the window'] });
    expect(fake.dialogs[0]!.detail).toContain('/home/ana/.config/MagFlow/logs');
    contents.gone('crashed'); // still crashing while the question is open: one question only
    expect(fake.dialogs).toHaveLength(1);
    expect(logger.lines().some((l) => l.includes('crashing again and again'))).toBe(true);

    fake.answerDialog(0); // Reload: a fresh start, the count begins again
    await settle();
    expect(contents.reloads).toBe(MAX_RELOADS + 1);
    contents.gone('crashed');
    expect(contents.reloads).toBe(MAX_RELOADS + 2);
  });

  it('crashes spread over more than a minute never stop the reloads; "Close the window" destroys it', async () => {
    const { fake, window, contents, advance, settle } = setup(null);
    for (let i = 0; i < 10; i++) {
      contents.gone('crashed');
      advance(RELOAD_WINDOW_MS / 2);
    }
    expect(contents.reloads).toBe(10);
    expect(fake.dialogs).toHaveLength(0);
    for (let i = 0; i < MAX_RELOADS + 1; i++) contents.gone('crashed');
    fake.answerDialog(1);
    await settle();
    expect(window.destroyed).toBe(true);
  });

  it('a clean exit (the window closing) is not a crash', () => {
    const { contents } = setup();
    contents.gone('clean-exit', 0);
    expect(contents.reloads).toBe(0);
  });

  it('a hung window: the seller may wait; if it recovers the question closes by itself', async () => {
    const { fake, window, contents, settle } = setup(null);
    window.emit('unresponsive');
    window.emit('unresponsive'); // one question at a time
    expect(fake.dialogs).toHaveLength(1);
    expect(fake.dialogs[0]).toMatchObject({ type: 'warning', buttons: ['Wait', 'Reload'], cancelId: 0 });
    expect(fake.dialogs[0]!.signal).toBeDefined();
    window.emit('responsive');
    await settle();
    expect(fake.dialogs[0]!.signal!.aborted).toBe(true);
    expect(contents.killed).toBe(0);
    expect(contents.reloads).toBe(0);
  });

  it('a hung window the seller reloads: the renderer is ended, then reloaded once (not counted as a crash)', async () => {
    const { fake, window, contents, settle } = setup(null);
    window.emit('unresponsive');
    fake.answerDialog(1);
    await settle();
    expect(contents.killed).toBe(1);
    contents.gone('killed', 9); // what forcefullyCrashRenderer causes
    expect(contents.reloads).toBe(1);
    for (let i = 0; i < MAX_RELOADS; i++) contents.gone('crashed');
    expect(contents.reloads).toBe(1 + MAX_RELOADS);
    expect(fake.dialogs).toHaveLength(1);
  });

  it('helper processes that end are logged (an abnormal end as an error)', () => {
    const app = new FakeApp({ userData: '/u', logs: '/l' });
    const logger = createMemoryLogger();
    watchChildProcesses(app, logger);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 139 });
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'clean-exit', exitCode: 0, name: 'Audio' });
    const lines = logger.lines();
    expect(lines.some((l) => l.includes('error') && l.includes('abnormally') && l.includes('GPU'))).toBe(true);
    expect(lines.some((l) => l.includes('helper process ended') && l.includes('Audio'))).toBe(true);
  });
});
