// Sync history: one row per job run, from `running` to how it ended.
import type { JobName, RunMode, RunStatus, SyncRun } from '../../../../shared/domain';
import { causeFromKind, isFailureCause, type FailureCause } from '../../../../shared/causes';
import type { Paged } from '../../../../shared/ipc';
import type { Clock } from '../../clock';
import type { Db } from '../open';

/** What a run cut short by the end of its process (kill -9, crash, power loss) says in the sync history. */
export const INTERRUPTED_RUN_ERROR =
  'Interrupted: MagFlow stopped while this run was in progress (the process was killed, crashed or lost power)';

export type RunCounts = Pick<
  SyncRun,
  'pages' | 'requests' | 'created' | 'updated' | 'unchanged' | 'failed' | 'warnings'
>;

export interface RunOutcome extends Partial<RunCounts> {
  status: Exclude<RunStatus, 'running'>;
  error?: string | null;
  errorKind?: string | null;
  cause?: FailureCause | null;
  reason?: string | null;
}

export interface RunFilter {
  job?: JobName;
  accountId?: number;
  status?: RunStatus;
  offset?: number;
  limit?: number;
}

interface RunRow extends RunCounts {
  id: number;
  job: string;
  account_id: number | null;
  account: string | null;
  mode: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  error_kind: string | null;
  error_cause: string | null;
  error_reason: string | null;
}

export const toSyncRun = (row: RunRow): SyncRun => ({
  id: row.id,
  job: row.job as JobName,
  accountId: row.account_id,
  account: row.account,
  mode: row.mode as RunMode,
  status: row.status as RunStatus,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  durationMs: row.finished_at ? Date.parse(row.finished_at) - Date.parse(row.started_at) : null,
  pages: row.pages,
  requests: row.requests,
  created: row.created,
  updated: row.updated,
  unchanged: row.unchanged,
  failed: row.failed,
  warnings: row.warnings,
  error: row.error,
  errorKind: row.error_kind,
  // Runs recorded before causes were stored: derived from the kind (an `auth` of then says only "access denied").
  cause:
    row.status === 'completed' || row.status === 'running'
      ? null
      : isFailureCause(row.error_cause)
        ? row.error_cause
        : causeFromKind(row.error_kind),
  reason: row.error_reason,
});

const SELECT = 'SELECT r.*, a.name AS account FROM sync_runs r LEFT JOIN accounts a ON a.id = r.account_id';

export function syncRunsRepository(db: Db, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO sync_runs (job, account_id, mode, status, started_at) VALUES (?, ?, ?, 'running', ?)`,
  );
  const byId = db.prepare<[number], RunRow>(`${SELECT} WHERE r.id = ?`);
  const finish = db.prepare(
    `UPDATE sync_runs SET status = @status, finished_at = @finishedAt, pages = @pages, requests = @requests,
       created = @created, updated = @updated, unchanged = @unchanged, failed = @failed, warnings = @warnings,
       error = @error,
       error_kind = @errorKind, error_cause = @cause, error_reason = @reason
     WHERE id = @id AND status = 'running'`,
  );

  return {
    start(job: JobName, accountId: number | null, mode: RunMode): SyncRun {
      const info = insert.run(job, accountId, mode, clock.now().toISOString());
      return toSyncRun(byId.get(Number(info.lastInsertRowid))!);
    },

    /** Records how a run ended; a run already closed (e.g. marked stuck) is left as it is. */
    finish(id: number, outcome: RunOutcome): SyncRun {
      finish.run({
        id,
        status: outcome.status,
        finishedAt: clock.now().toISOString(),
        pages: outcome.pages ?? 0,
        requests: outcome.requests ?? 0,
        created: outcome.created ?? 0,
        updated: outcome.updated ?? 0,
        unchanged: outcome.unchanged ?? 0,
        failed: outcome.failed ?? 0,
        warnings: outcome.warnings ?? 0,
        error: outcome.error ?? null,
        errorKind: outcome.errorKind ?? null,
        cause: outcome.cause ?? null,
        reason: outcome.reason ?? null,
      });
      return toSyncRun(byId.get(id)!);
    },

    get: (id: number): SyncRun | undefined => {
      const row = byId.get(id);
      return row && toSyncRun(row);
    },

    list(filter: RunFilter = {}): Paged<SyncRun> {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, value: unknown) => {
        where.push(clause);
        params.push(value);
      };
      if (filter.job) add('r.job = ?', filter.job);
      if (filter.accountId !== undefined) add('r.account_id = ?', filter.accountId);
      if (filter.status) add('r.status = ?', filter.status);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = db
        .prepare<unknown[], RunRow>(`${SELECT} ${clause} ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?`)
        .all(...params, filter.limit ?? 100, filter.offset ?? 0);
      const total = db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM sync_runs r ${clause}`)
        .get(...params)!.n;
      return { rows: rows.map(toSyncRun), total };
    },

    /** The latest run of a job for an account (null account: jobs that are not per account). */
    last(job: JobName, accountId: number | null, status?: RunStatus): SyncRun | undefined {
      const row = db
        .prepare<unknown[], RunRow>(
          `${SELECT} WHERE r.job = ? AND r.account_id IS ? ${status ? 'AND r.status = ?' : ''}
           ORDER BY r.started_at DESC, r.id DESC LIMIT 1`,
        )
        .get(...[job, accountId, ...(status ? [status] : [])]);
      return row && toSyncRun(row);
    },

    running: (): SyncRun[] => db.prepare<[], RunRow>(`${SELECT} WHERE r.status = 'running'`).all().map(toSyncRun),

    /**
     * Closes runs left `running` since before `startedBefore` (a crash, a hang) as failed; returns how many.
     * `exceptIds`: runs this process is still running (they end themselves, with their own outcome).
     */
    markStuck(startedBefore: Date, reason: string, exceptIds: readonly number[] = []): number {
      const except = exceptIds.length > 0 ? `AND id NOT IN (${exceptIds.map(() => '?').join(', ')})` : '';
      return db
        .prepare(
          `UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ?, error_kind = 'stuck'
           WHERE status = 'running' AND started_at < ? ${except}`,
        )
        .run(clock.now().toISOString(), reason, startedBefore.toISOString(), ...exceptIds).changes;
    },

    /**
     * Closes every run still `running` as failed (kind `interrupted`); returns how many. Only for a process that holds
     * the data-folder lock: no other process can be running them, so they were left by one that died. `exceptIds`:
     * runs this process is running itself.
     */
    markInterrupted(exceptIds: readonly number[] = []): number {
      const except = exceptIds.length > 0 ? `AND id NOT IN (${exceptIds.map(() => '?').join(', ')})` : '';
      return db
        .prepare(
          `UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ?, error_kind = 'interrupted'
           WHERE status = 'running' ${except}`,
        )
        .run(clock.now().toISOString(), INTERRUPTED_RUN_ERROR, ...exceptIds).changes;
    },

    deleteOlderThan(before: Date): number {
      return db.prepare(`DELETE FROM sync_runs WHERE status != 'running' AND started_at < ?`).run(before.toISOString())
        .changes;
    },
  };
}

export type SyncRunsRepository = ReturnType<typeof syncRunsRepository>;
