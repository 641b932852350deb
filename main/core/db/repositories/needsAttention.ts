// Records eMAG sent that MagFlow could not read or store ("needs attention"): set aside, shown, retried, resolved.
import { hash } from 'node:crypto';
import type { NeedsAttentionItem, NeedsAttentionKind } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import type { Db } from '../open';

/** One set-aside record as the sync hands it over. */
export interface SetAsideRecord {
  /** eMAG's id as text; '' when the record has none MagFlow can read. */
  emagId: string;
  raw: unknown;
  reason: string;
}

interface Row {
  id: number;
  account_id: number;
  account: string;
  kind: string;
  emag_id: string | null;
  raw: string;
  reason: string;
  first_seen_at: string;
  last_seen_at: string;
  times_seen: number;
}

const toItem = (row: Row): NeedsAttentionItem => ({
  id: row.id,
  accountId: row.account_id,
  account: row.account,
  kind: row.kind as NeedsAttentionKind,
  emagId: row.emag_id,
  reason: row.reason,
  firstSeenAt: row.first_seen_at,
  lastSeenAt: row.last_seen_at,
  timesSeen: row.times_seen,
  raw: row.raw,
});

const SELECT = 'SELECT n.*, a.name AS account FROM needs_attention n JOIN accounts a ON a.id = n.account_id';

/** eMAG's id, or for a record without one a hash of its JSON, so the same record seen again updates its row. */
const itemKey = (emagId: string, json: string): string => emagId || `sha1:${hash('sha1', json)}`;

/** JSON of what eMAG sent; a value JSON cannot hold (never from a parsed answer) is kept as its text. */
function jsonOf(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? 'null';
  } catch {
    return JSON.stringify(String(raw));
  }
}

export function needsAttentionRepository(db: Db, clock: Clock) {
  const upsert = db.prepare(
    `INSERT INTO needs_attention (account_id, kind, item_key, emag_id, raw, reason, first_seen_at, last_seen_at)
     VALUES (@accountId, @kind, @key, @emagId, @raw, @reason, @now, @now)
     ON CONFLICT (account_id, kind, item_key) DO UPDATE SET raw = excluded.raw, reason = excluded.reason,
       last_seen_at = excluded.last_seen_at, times_seen = times_seen + 1`,
  );
  const anyFor = db.prepare<[number, string], { n: number }>(
    'SELECT count(*) AS n FROM needs_attention WHERE account_id = ? AND kind = ?',
  );
  const remove = db.prepare<[number, string, string]>(
    'DELETE FROM needs_attention WHERE account_id = ? AND kind = ? AND item_key = ?',
  );
  const tried = db.prepare<[string, number]>('UPDATE needs_attention SET last_tried_at = ? WHERE id = ?');

  return {
    /** Adds a set-aside record, or counts another sighting of one already listed (reason and JSON refreshed). */
    record(accountId: number, kind: NeedsAttentionKind, item: SetAsideRecord): void {
      const raw = jsonOf(item.raw);
      upsert.run({
        accountId,
        kind,
        key: itemKey(item.emagId, raw),
        emagId: item.emagId || null,
        raw,
        reason: item.reason,
        now: clock.now().toISOString(),
      });
    },

    /**
     * One page's outcome, in the caller's transaction: `setAside` records are listed (or seen again), and the records
     * now stored (`storedIds`) leave the list.
     */
    settle(
      accountId: number,
      kind: NeedsAttentionKind,
      setAside: readonly SetAsideRecord[],
      storedIds: readonly (string | number)[],
    ): void {
      for (const item of setAside) this.record(accountId, kind, item);
      this.resolve(accountId, kind, storedIds);
    },

    /** Removes the listed records that MagFlow has now read and stored; returns how many left the list. */
    resolve(accountId: number, kind: NeedsAttentionKind, emagIds: readonly (string | number)[]): number {
      if (emagIds.length === 0 || anyFor.get(accountId, kind)!.n === 0) return 0;
      let removed = 0;
      for (const id of emagIds) removed += remove.run(accountId, kind, String(id)).changes;
      return removed;
    },

    /**
     * The records of an account to retry by id now: those with an id, except `skip` (eMAG ids a run has just met),
     * least recently tried first, at most `limit`.
     */
    due(
      accountId: number,
      kind: NeedsAttentionKind,
      limit: number,
      skip: ReadonlySet<string> = new Set(),
    ): NeedsAttentionItem[] {
      const rows = db
        .prepare<[number, string], Row>(
          `${SELECT} WHERE n.account_id = ? AND n.kind = ? AND n.emag_id IS NOT NULL
           ORDER BY coalesce(n.last_tried_at, '') ASC, n.id ASC`,
        )
        .iterate(accountId, kind);
      const due: NeedsAttentionItem[] = [];
      for (const row of rows) {
        if (due.length >= limit) break;
        if (!skip.has(row.emag_id ?? '')) due.push(toItem(row));
      }
      return due;
    },

    /** Notes a retry (whatever its outcome), so the next run tries the others first. */
    markTried(id: number): void {
      tried.run(clock.now().toISOString(), id);
    },

    list(filter: { accountId?: number; kind?: NeedsAttentionKind; limit?: number } = {}): NeedsAttentionItem[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.accountId !== undefined) {
        where.push('n.account_id = ?');
        params.push(filter.accountId);
      }
      if (filter.kind) {
        where.push('n.kind = ?');
        params.push(filter.kind);
      }
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      return db
        .prepare<unknown[], Row>(`${SELECT} ${clause} ORDER BY n.last_seen_at DESC, n.id DESC LIMIT ?`)
        .all(...params, filter.limit ?? 500)
        .map(toItem);
    },

    count(accountId?: number): number {
      return accountId === undefined
        ? db.prepare<[], { n: number }>('SELECT count(*) AS n FROM needs_attention').get()!.n
        : db
            .prepare<[number], { n: number }>('SELECT count(*) AS n FROM needs_attention WHERE account_id = ?')
            .get(accountId)!.n;
    },
  };
}

export type NeedsAttentionRepository = ReturnType<typeof needsAttentionRepository>;
