// The data-folder lock (main/core/lock): one holder at a time, named when another asks; never stale, whatever the
// holder record says (a dead or recycled pid, another computer, garbage), because the lock is the OS's file lock.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DataDirBusyError,
  DataDirLockError,
  dataDirLockState,
  HOLDER_FILE,
  LOCK_FILE,
  lockDataDir,
  type DataDirLock,
} from '../../main/core/lock/dataDirLock';
import { holdLockInChild, killHolder } from '../support/lockHolder';
import { tempDirForSuite } from '../support/tempDir';

const root = tempDirForSuite('magflow-lock-');
let n = 0;
const freshDir = () => join(root, `folder-${++n}`);

function busyError(dir: string): DataDirBusyError {
  try {
    lockDataDir(dir, 'magflow sync').release();
  } catch (error) {
    if (error instanceof DataDirBusyError) return error;
    throw error;
  }
  throw new Error('the lock was free');
}

describe('data-folder lock', () => {
  const locks: DataDirLock[] = [];
  afterEach(() => {
    for (const lock of locks.splice(0)) lock.release();
  });
  const take = (dir: string, command = 'magflow run') => {
    const lock = lockDataDir(dir, command);
    locks.push(lock);
    return lock;
  };

  it('is held by one taker at a time, describes its holder, and is released for the next', () => {
    const dir = freshDir();
    const lock = take(dir, 'magflow run');
    const record = JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ pid: process.pid, command: 'magflow run', host: hostname() });
    expect(Date.now() - Date.parse(String(record['since']))).toBeLessThan(60_000);
    expect(dataDirLockState(dir)).toEqual({ held: true, holder: lock.holder });

    const busy = busyError(dir);
    expect(busy.holder).toEqual(lock.holder);
    expect(busy.message).toMatch(
      new RegExp(`in use by magflow run \\(pid ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\)$`),
    );

    lock.release();
    lock.release(); // twice is harmless
    expect(existsSync(join(dir, HOLDER_FILE))).toBe(false);
    expect(statSync(join(dir, LOCK_FILE)).size).toBe(0); // the lock file stays, empty
    expect(dataDirLockState(dir)).toEqual({ held: false });
    const next = take(dir, 'magflow sync');
    expect(next.tookOverFrom).toBeNull(); // released cleanly: nothing to take over
  });

  it('is refused while another process holds it, and free the moment that process is killed with SIGKILL', async () => {
    const dir = freshDir();
    const holder = await holdLockInChild(dir, 'the MagFlow desktop app');
    try {
      const busy = busyError(dir);
      expect(busy.holder).toMatchObject({ pid: holder.pid, command: 'the MagFlow desktop app' });
      expect(busy.message).toContain(`in use by the MagFlow desktop app (pid ${holder.pid}, since `);
      expect(dataDirLockState(dir)).toMatchObject({ held: true, holder: { pid: holder.pid } });
    } finally {
      await killHolder(holder, 'SIGKILL');
    }
    // No waiting for a timeout and no pid check: the OS dropped the lock with the process.
    const lock = take(dir, 'magflow sync');
    expect(lock.tookOverFrom).toMatchObject({ pid: holder.pid, command: 'the MagFlow desktop app' });
    expect(lock.holder.pid).toBe(process.pid);
  });

  it('a record naming a live pid (reused after a reboot) does not hold the folder', () => {
    const dir = freshDir();
    take(dir).release();
    const stale = { pid: process.ppid, command: 'magflow run', since: '2020-01-01T00:00:00.000Z', host: hostname() };
    writeFileSync(join(dir, HOLDER_FILE), JSON.stringify({ ...stale, user: 'ana' }));
    expect(dataDirLockState(dir)).toEqual({ held: false });
    const lock = take(dir);
    expect(lock.tookOverFrom).toMatchObject(stale);
  });

  it('garbage in the record or in the lock file (an older MagFlow wrote its pid there) is cleared', () => {
    const dir = freshDir();
    take(dir).release();
    writeFileSync(join(dir, HOLDER_FILE), '\u0000\u0001 not json {');
    writeFileSync(join(dir, LOCK_FILE), '12345\n');
    const lock = take(dir);
    expect(lock.tookOverFrom).toBeNull();
    expect(statSync(join(dir, LOCK_FILE)).size).toBe(0);
    // Held, with a garbage record: the refusal still says the folder is in use, just not by whom.
    writeFileSync(join(dir, HOLDER_FILE), 'garbage');
    expect(busyError(dir).message).toMatch(/in use by another MagFlow process \(it left no description\)$/);
  });

  it('names the computer and the user of a holder that is not this one (a data folder on a shared drive)', () => {
    const dir = freshDir();
    take(dir);
    const record = JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, HOLDER_FILE), JSON.stringify({ ...record, host: 'CASA-PC', user: 'ana' }));
    expect(busyError(dir).message).toMatch(/\(pid \d+, on computer CASA-PC, user ana, since [\d-]+ [\d:]+\)$/);
  });

  it('cannot be taken in a folder that cannot exist, and says why', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(() => lockDataDir(join(file, 'data'), 'magflow sync')).toThrow(DataDirLockError);
    expect(() => lockDataDir(join(file, 'data'), 'magflow sync')).toThrow(/cannot lock the data folder/);
  });
});
