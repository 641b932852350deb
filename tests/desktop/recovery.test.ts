// The built app when its renderer fails and when the system goes down: a crashed renderer is reloaded (a new
// renderer process) up to three times a minute, the fourth crash asks the seller instead of looping; a hung window
// offers to wait or reload and withdraws the question once it responds again; the system's shutdown quits MagFlow
// cleanly. Screenshots in test-results/desktop/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopApp } from './harness/client';
import { invokeInPage, sleep } from './harness/scenario';

describe('the built desktop app when things fail', () => {
  let app: DesktopApp;

  beforeAll(async () => {
    app = DesktopApp.launch();
    await app.waitFor('webContents.did-finish-load', () => true, 60_000);
    await app.command('page.waitFor', { selector: '[data-testid="demo-banner"]' });
  });

  afterAll(async () => {
    await app?.dispose({ removeHome: true });
  });

  const pageWorks = async () => (await invokeInPage<{ demo: boolean }>(app, 'app.info')).ok;

  it('renderer crash: the window reloads by itself, three times a minute at most; then the seller decides', async () => {
    for (let crash = 1; crash <= 3; crash++) {
      const before = app.lastSeq();
      await app.command('renderer.crash');
      await app.waitForNext('webContents.render-process-gone', before);
      await app.waitForNext('webContents.reload', before);
      await app.waitForNext('webContents.did-finish-load', before);
      await app.command('page.waitFor', { selector: '[data-testid="demo-banner"]' });
      expect(await pageWorks()).toBe(true);
      // The new renderer got the preload again, and only that.
      await app.waitForNext('contextBridge.exposeInMainWorld', before);
    }
    await app.screenshot('10-reloaded-after-crash');

    const before = app.lastSeq();
    await app.command('renderer.crash');
    await app.waitForNext('webContents.render-process-gone', before);
    const question = await app.waitForNext('dialog.showMessageBox', before);
    expect(question).toMatchObject({
      parent: 1,
      type: 'error',
      message: 'Fereastra MagFlow se tot închide neașteptat',
      buttons: ['Reîncarcă', 'Închide fereastra'],
    });
    await sleep(1_000);
    expect(app.entries('webContents.reload', (e) => e.seq > before)).toEqual([]); // no fourth reload by itself

    await app.command('dialog.answer', { response: 0 }); // "Reîncarcă"
    await app.waitForNext('webContents.did-finish-load', question.seq);
    await app.command('page.waitFor', { selector: '[data-testid="demo-banner"]' });
    expect(await pageWorks()).toBe(true);
    await app.screenshot('11-reloaded-after-crash-loop');
  });

  it('a hung window: a question on the window, withdrawn when it responds again', async () => {
    const before = app.lastSeq();
    await app.command('window.emit', { event: 'unresponsive' });
    const question = await app.waitForNext('dialog.showMessageBox', before);
    expect(question).toMatchObject({ parent: 1, type: 'warning', buttons: ['Așteaptă', 'Reîncarcă'] });
    await app.command('window.emit', { event: 'responsive' });
    await app.waitForNext('dialog.answered', before, (e) => e['how'] === 'closed by the app');
    expect(app.entries('webContents.forcefullyCrashRenderer')).toEqual([]);
  });

  it('the system shuts down: MagFlow delays it, quits cleanly and exits', async () => {
    const result = await app.command<{ prevented: boolean; listeners: number }>('power.emit', { event: 'shutdown' });
    expect(result).toEqual({ prevented: true, listeners: 1 });
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    const quit = app.entries('app.event').map((e) => e['name']);
    expect(quit.slice(-5)).toEqual(['before-quit', 'will-quit', 'before-quit', 'will-quit', 'quit']);
    const log = join(app.home, '.config/MagFlow/logs/main.log');
    expect(existsSync(log)).toBe(true);
    const text = readFileSync(log, 'utf8');
    expect(text).toContain('the system is shutting down: quitting MagFlow');
    expect(text).toContain('MagFlow stopped cleanly');
  });
});
