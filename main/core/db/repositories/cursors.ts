// Per (account, job) watermarks for incremental sync.
import type { JobName } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import type { Db } from '../open';

export function cursorsRepository(db: Db, clock: Clock) {
  const select = db.prepare<[number, string], { watermark: string }>(
    'SELECT watermark FROM sync_cursors WHERE account_id = ? AND job = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO sync_cursors (account_id, job, watermark, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, job) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at`,
  );
  return {
    get: (accountId: number, job: JobName): string | undefined => select.get(accountId, job)?.watermark,
    set: (accountId: number, job: JobName, watermark: string): void => {
      upsert.run(accountId, job, watermark, clock.now().toISOString());
    },
  };
}

export type CursorsRepository = ReturnType<typeof cursorsRepository>;
