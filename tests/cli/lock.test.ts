// One data folder, one syncing process, with the CLI as child processes against an in-process sandbox: runs cut by
// `kill -9` are closed as interrupted by the next process that takes the data-folder lock (the bug a new user hit:
// six kills during `sync`, then three normal syncs, left runs `running` for good).
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { lockDataDir } from '../../main/core/lock/dataDirLock';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { holdLockInChild, killHolder } from '../support/lockHolder';
import { expectOneLineError, finished, REPO, runCli, startCli } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('data-folder lock (CLI child processes)', () => {
  let dir: string;
  let sandbox: Sandbox;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-lock-cli-'));
    sandbox = await startSandbox({ port: 0, seed: 3, ordersPerAccount: 30, offersPerAccount: 4, newOrderEverySec: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A data folder with the sandbox's two demo accounts added as real accounts. */
  async function folderWithAccounts(name: string): Promise<string> {
    const dataDir = join(dir, name);
    for (const [account, kind, username, password] of [
      ['Main', 'main', 'demo-main', 'demo-main-secret'],
      ['FBE', 'fbe', 'demo-fbe', 'demo-fbe-secret'],
    ] as const) {
      const add = await runCli(
        dataDir,
        ['accounts', 'add', '--name', account, '--platform', 'emag-ro', '--kind', kind, '--username', username].concat([
          '--password-env',
          'PW',
          '--api-url',
          sandbox.url,
        ]),
        { env: { PW: password } },
      );
      expect(add.code, add.stderr).toBe(0);
    }
    return dataDir;
  }

  /** Ids of the runs the database says are running (read through a separate read-only connection). */
  function runningIds(dataDir: string): number[] {
    const db = openDatabase(join(dataDir, 'magflow.db'), { readonly: true });
    try {
      return db
        .prepare<[], { id: number }>("SELECT id FROM sync_runs WHERE status = 'running' ORDER BY id")
        .all()
        .map((r) => r.id);
    } finally {
      db.close();
    }
  }

  /** Starts `args`, kills it with SIGKILL as soon as one of its runs is recorded as running; returns those runs. */
  async function killMidRun(dataDir: string, args: string[]): Promise<number[]> {
    const before = new Set(runningIds(dataDir));
    const child = startCli(dataDir, args);
    const done = finished(child);
    const started = () => runningIds(dataDir).filter((id) => !before.has(id));
    try {
      for (let waited = 0; waited < 30_000 && started().length === 0; waited += 100) await sleep(100);
    } finally {
      child.kill('SIGKILL');
    }
    expect((await done).signal).toBe('SIGKILL');
    expect(started().length, 'a run in flight when killed').toBeGreaterThan(0);
    return started();
  }

  it('six kill -9 during sync, then three normal syncs: no run is left running', async () => {
    const dataDir = await folderWithAccounts('kills');
    // Every eMAG answer 20 s late: each sync is surely in the middle of a run when it is killed.
    sandbox.setFaults([{ route: '*', kind: 'slow', delayMs: 20_000 }]);
    const leftByKills: number[] = [];
    try {
      for (let kill = 0; kill < 6; kill++) {
        leftByKills.push(...(await killMidRun(dataDir, ['sync'])));
        // The next sync, taking the lock, closes what this one left: only the last kill's runs are open.
        expect(runningIds(dataDir).every((id) => leftByKills.includes(id))).toBe(true);
      }
    } finally {
      sandbox.setFaults([]);
    }
    expect(leftByKills.length).toBeGreaterThanOrEqual(6);

    for (let i = 0; i < 3; i++) {
      const sync = await runCli(dataDir, ['sync', '--json']);
      expect(sync.code, sync.stderr).toBe(0);
    }
    expect(runningIds(dataDir)).toEqual([]);
    const db = openDatabase(join(dataDir, 'magflow.db'), { readonly: true });
    const closed = db
      .prepare<[], { status: string; error: string; error_kind: string; finished_at: string | null }>(
        `SELECT status, error, error_kind, finished_at FROM sync_runs WHERE id IN (${leftByKills.join(',')})`,
      )
      .all();
    db.close();
    expect(closed).toHaveLength(leftByKills.length);
    for (const run of closed) {
      expect(run.status).toBe('failed');
      expect(run.error_kind).toBe('interrupted');
      expect(run.error).toMatch(/interrupted/i);
      expect(run.error).toMatch(/stopped/);
      expect(run.finished_at).not.toBeNull();
    }
  });

  it('a command that would sync refuses while the desktop app holds the folder; read-only commands still work', async () => {
    const dataDir = await folderWithAccounts('app-holds');
    expect((await runCli(dataDir, ['sync', '--job', 'offers'])).code).toBe(0); // something to list
    const app = await holdLockInChild(dataDir, 'the MagFlow desktop app');
    try {
      const refused = await Promise.all(
        [['sync'], ['run'], ['serve', '--no-build', '--no-demo'], ['backups', 'restore', '2020-01-01']].map((args) =>
          runCli(dataDir, args),
        ),
      );
      for (const [i, what] of ['sync', 'run', 'serve'].entries()) {
        expect(refused[i]!.code, refused[i]!.stderr).toBe(2);
        expect(expectOneLineError(refused[i]!.stderr)).toMatch(
          new RegExp(
            `^magflow: the data folder .+ is in use by the MagFlow desktop app \\(pid ${app.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\\); stop it before '${what}'`,
          ),
        );
      }
      expect(refused[3]!.code).toBe(2); // no such backup: refused before the lock is even asked for

      const readOnly = await Promise.all(
        [['status', '--json'], ['orders'], ['offers'], ['runs'], ['accounts', 'list']].map((args) =>
          runCli(dataDir, args),
        ),
      );
      for (const result of readOnly) expect(result.code, result.stderr).toBe(0);
      const status = JSON.parse(readOnly[0]!.stdout) as {
        scheduler: { runningPid: number; heldBy: { command: string; description: string } };
      };
      expect(status.scheduler.runningPid).toBe(app.pid);
      expect(status.scheduler.heldBy.command).toBe('the MagFlow desktop app');
      expect(readOnly[2]!.stdout).toMatch(/\d/);
    } finally {
      await killHolder(app);
    }
    const after = await runCli(dataDir, ['status', '--json']);
    expect((JSON.parse(after.stdout) as { scheduler: { heldBy: unknown } }).scheduler.heldBy).toBeNull();
  });

  it('kill -9 of `magflow run`: the next command takes the folder over at once and closes its runs', async () => {
    const dataDir = await folderWithAccounts('run-killed');
    // The shortest new-orders interval, so the scheduler's first run starts within seconds.
    const db = openDatabase(join(dataDir, 'magflow.db'));
    createRepositories(db, systemClock).settings.update({ intervals: { newOrdersSec: 15 } });
    db.close();
    sandbox.setFaults([{ route: '*', kind: 'slow', delayMs: 20_000 }]);
    let cut: number[];
    try {
      cut = await killMidRun(dataDir, ['run']);
    } finally {
      sandbox.setFaults([]);
    }
    const sync = await runCli(dataDir, ['sync', '--job', 'health', '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(runningIds(dataDir)).toEqual([]);
    const runs = JSON.parse((await runCli(dataDir, ['runs', '--json', '--limit', '100'])).stdout) as {
      id?: number;
      status: string;
      error: string | null;
    }[];
    const interrupted = runs.filter((r) => r.status === 'failed' && /^Interrupted: /.test(r.error ?? ''));
    expect(interrupted.length).toBe(cut.length);
  });

  it("a lock file left by another user (MagFlow once run there with sudo) is reported as that user's", async () => {
    const parent = mkdtempSync(join(tmpdir(), 'magflow-lock-user-'));
    chmodSync(parent, 0o711); // another user may pass through to the data folder
    const dataDir = join(parent, 'data');
    mkdirSync(dataDir);
    lockDataDir(dataDir, 'magflow run').release(); // the lock file now exists, owned by this user
    const asRoot = process.getuid?.() === 0;
    // As root, the command runs as nobody against root's 0600 lock file; otherwise the file is made unreadable.
    if (asRoot) chownSync(dataDir, 65534, 65534);
    else chmodSync(join(dataDir, 'magflow.lock'), 0o000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'main', 'cli.ts'), 'sync'], {
      cwd: REPO,
      env: { ...process.env, MAGFLOW_DATA_DIR: dataDir, HOME: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    const result = await finished(child);
    rmSync(parent, { recursive: true, force: true });
    expect(result.code, result.stderr).toBe(2);
    expect(expectOneLineError(result.stderr)).toMatch(
      /^magflow: cannot lock the data folder .+: its lock file magflow\.lock belongs to another user \(uid \d+\); was MagFlow started there as another user/,
    );
  });
});
