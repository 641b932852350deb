// One scheduler per data folder: `run`, `sync`, `serve` and `demo` take a lock file, so a second one refuses at
// once instead of syncing the same accounts twice. A lock left by a process that died is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors';

export const LOCK_FILE = 'magflow.lock';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function lockDataDir(dataDir: string, what: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (holderOf(path) === process.pid) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UsageError(`cannot lock the data folder ${dataDir}: ${(error as NodeJS.ErrnoException).code}`);
      }
      const holder = holderOf(path);
      if (holder !== null && holder !== process.pid && isAlive(holder)) {
        throw new UsageError(
          `another MagFlow process (pid ${holder}) is already running on ${dataDir}; stop it before '${what}'`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new UsageError(`cannot lock the data folder ${dataDir}`);
}
