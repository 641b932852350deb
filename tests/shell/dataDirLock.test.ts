// The desktop app and the data-folder lock, through the fake electron: it takes the same lock as the CLI; while a
// `magflow run` (another process) holds the folder, the seller is told which one and chooses to wait or quit; once
// it runs, it holds the folder itself and closes the runs a killed process left `running`.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { dataDirLockState } from '../../main/core/lock/dataDirLock';
import { createMemoryLogger } from '../../main/core/logging';
import { DATABASE_FILE } from '../../main/core/magflow';
import { startShell } from '../../main/shell/app';
import { DESKTOP_APP_COMMAND, TRY_AGAIN } from '../../main/shell/dataDirClaim';
import type { MessageBoxSpec, WindowPort } from '../../main/shell/ports';
import { holdLockInChild, killHolder } from '../support/lockHolder';
import { createFakeElectron, type FakeElectron } from './fakeElectron';
import { testShellOptions } from './shellSetup';

describe('desktop app: one syncing process per data folder', () => {
  let dir = '';
  let fake: FakeElectron | null = null;
  let holder: ChildProcess | null = null;

  afterEach(async () => {
    if (holder) await killHolder(holder);
    holder = null;
    if (fake && fake.app.exitCode === null) {
      fake.app.quit();
      await vi.waitFor(() => expect(fake!.app.exitCode).toBe(0), { timeout: 20_000 });
    }
    fake = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function setup() {
    dir = mkdtempSync(join(tmpdir(), 'magflow-shell-lock-'));
    const userData = join(dir, 'userData');
    mkdirSync(userData);
    fake = createFakeElectron({ userData, logs: join(dir, 'logs') });
    return { userData, f: fake };
  }

  const start = (f: FakeElectron) => {
    const handle = startShell(f, testShellOptions(dir, createMemoryLogger()));
    f.app.ready();
    return handle.ready;
  };

  it('names the CLI process holding the folder; "Quit" leaves without opening anything', async () => {
    const { userData, f } = setup();
    writeFileSync(join(userData, 'language.json'), JSON.stringify({ language: 'en' }));
    holder = await holdLockInChild(userData, 'magflow run');
    f.dialogAnswer = 1;
    expect(await start(f)).toBeNull();
    expect(f.dialogs).toHaveLength(1);
    const dialog = f.dialogs[0]!;
    expect(dialog).toMatchObject({
      type: 'warning',
      message: 'Another MagFlow program is already syncing your orders',
      buttons: ['Try again', 'Quit'],
      defaultId: TRY_AGAIN,
      cancelId: 1,
    });
    expect(dialog.detail).toMatch(
      new RegExp(
        `^magflow run \\(pid ${holder.pid}, on computer .+, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\)`,
      ),
    );
    expect(dialog.detail).toContain(userData);
    expect(dialog.detail).toContain('Ctrl+C');
    expect(f.app.exitCode).toBe(0);
    expect(f.windows).toHaveLength(0);
    expect(f.trays).toHaveLength(0);
    expect(existsSync(join(userData, DATABASE_FILE))).toBe(false);
    expect(dataDirLockState(userData)).toMatchObject({ held: true, holder: { pid: holder.pid } });
  });

  it('"Try again" once the CLI is gone: the app starts, holds the folder, and closes the runs it left running', async () => {
    const { userData, f } = setup();
    // A `magflow sync` killed mid-run left this behind.
    const db = openDatabase(join(userData, DATABASE_FILE));
    const orphan = createRepositories(db, systemClock).syncRuns.start('health', null, 'manual');
    db.close();
    const cli = await holdLockInChild(userData, 'magflow run');
    holder = cli;
    let asked = 0;
    f.dialog.showMessageBox = (parent: WindowPort | null, spec: MessageBoxSpec) => {
      f.dialogs.push(spec);
      f.dialogParents.push(parent);
      if (asked++ === 0) cli.kill('SIGKILL'); // the seller stops it, then clicks "Try again"
      return Promise.resolve({ response: asked < 20 ? TRY_AGAIN : 1 });
    };
    const shell = await start(f);
    expect(shell).not.toBeNull();
    expect(f.dialogs[0]!.message).toBe('Alt program MagFlow sincronizează deja comenzile');
    expect(f.dialogs[0]!.buttons).toEqual(['Încearcă din nou', 'Ieșire']);
    expect(f.windows).toHaveLength(1);
    expect(dataDirLockState(userData)).toMatchObject({
      held: true,
      holder: { pid: process.pid, command: DESKTOP_APP_COMMAND },
    });
    expect(shell!.core.repos.syncRuns.get(orphan.id)).toMatchObject({ status: 'failed', errorKind: 'interrupted' });
    expect(shell!.core.repos.syncRuns.get(orphan.id)!.error).toMatch(/^Interrupted: MagFlow stopped/);

    f.app.quit();
    await vi.waitFor(() => expect(f.app.exitCode).toBe(0), { timeout: 20_000 });
    expect(dataDirLockState(userData)).toEqual({ held: false });
  });

  it('nobody holds the folder: no question, the app holds it while it runs and frees it on quit', async () => {
    const { userData, f } = setup();
    expect(await start(f)).not.toBeNull();
    expect(f.dialogs).toHaveLength(0);
    expect(dataDirLockState(userData)).toMatchObject({ held: true, holder: { command: DESKTOP_APP_COMMAND } });
    f.app.quit();
    await vi.waitFor(() => expect(f.app.exitCode).toBe(0), { timeout: 20_000 });
    expect(dataDirLockState(userData)).toEqual({ held: false });
  });
});
