// The CLI's side of the data-folder lock (main/core/lock): the commands that sync or replace the database take it;
// a folder held by another process, or a lock that cannot be taken, is a usage error (exit 2) in one line.
import { DataDirBusyError, DataDirLockError, lockDataDir, type DataDirLock } from '../core/lock/dataDirLock';
import { UsageError } from './errors';

/** `what`: the command, e.g. 'sync' (the holder record says 'magflow sync'). */
export function lockForCommand(dataDir: string, what: string): DataDirLock {
  try {
    return lockDataDir(dataDir, `magflow ${what}`);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      throw new UsageError(
        `${error.message}; stop it before '${what}' (read-only commands such as status, orders and runs still work)`,
        { cause: error },
      );
    }
    if (error instanceof DataDirLockError) throw new UsageError(error.message);
    throw error;
  }
}
