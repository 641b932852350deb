// What the database worker does: the long reads of a whole database file, each on a connection of its own.
import type { BackupOutcome } from '../backupFiles';
import { checkDatabaseFile, type CheckDepth } from '../check';
import { writeBackup, type BackupTask } from './writeBackup';

export type DbTask = { kind: 'check'; path: string; depth: CheckDepth } | ({ kind: 'backup' } & BackupTask);

export type DbTaskResult<T extends DbTask> = T extends { kind: 'check' } ? string : BackupOutcome;

/** Runs a task on this thread: what the worker does with each task it is given. */
export async function runDbTask(task: DbTask): Promise<string | BackupOutcome> {
  switch (task.kind) {
    case 'check':
      return checkDatabaseFile(task.path, task.depth);
    case 'backup':
      return writeBackup(task);
  }
}

/** An error as it crosses from the worker to the main thread (structured clone keeps only plain data). */
export interface WorkerErrorData {
  name: string;
  message: string;
}

export type WorkerReply = { ok: true; value: string | BackupOutcome } | { ok: false; error: WorkerErrorData };
