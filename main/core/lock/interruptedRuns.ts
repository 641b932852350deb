// Closing the runs a dead process left `running`, once this process holds the data-folder lock.
import type { Repositories } from '../db';
import type { Logger } from '../logging';
import type { DataDirLock } from './dataDirLock';

/** Holding the lock, this process is the only one that can be running a sync here: a `running` row is a dead one's. */
export function closeInterruptedRuns(lock: DataDirLock, repos: Repositories, logger: Logger): void {
  const closed = repos.syncRuns.markInterrupted();
  if (closed > 0 || lock.tookOverFrom) {
    logger.warn('runs left running by a MagFlow process that stopped were closed as interrupted', {
      count: closed,
      previousHolder: lock.tookOverFrom,
    });
  }
}
