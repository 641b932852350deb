// Return requests (issue 18): upserted by the returns job with their products and the statuses MagFlow saw them in;
// listed and shown by the Returns screen and `magflow returns`.
import { createHash } from 'node:crypto';
import type { Paged } from '../../../../shared/ipc';
import type { ReturnFields, ReturnProduct, ReturnSummary, ReturnsQueryParsed } from '../../../../shared/returns';
import type { Clock } from '../../clock';
import type { Db } from '../open';
import type { UpsertOutcome } from './orders';

/** A return as the job maps it from eMAG, plus eMAG's JSON of it. */
export interface ReturnRecord extends ReturnFields {
  lines: ReturnProduct[];
  raw: unknown;
}

export interface ReturnUpsertResult {
  emagId: number;
  outcome: UpsertOutcome;
  /** The status before this write; null for a new return. */
  previousStatus: number | null;
  status: number;
}

export interface StoredReturn extends ReturnSummary {
  key: number;
  lines: ReturnProduct[];
  history: { status: number; at: string }[];
  raw: string;
}

interface ReturnRow {
  key: number;
  account_id: number;
  account: string;
  emag_id: number;
  order_id: number | null;
  type: number | null;
  status: number;
  customer_name: string | null;
  return_type: number | null;
  return_reason: number | null;
  pickup_method: number | null;
  date: string;
  updated_at: string;
  products: number;
  first_product: string | null;
}

interface ProductRow {
  line_id: number | null;
  product_id: string | null;
  product_emag_id: string | null;
  part_number_key: string | null;
  name: string | null;
  quantity: number | null;
  return_reason: number | null;
  observations: string | null;
  refund_value: string | null;
}

const toSummary = (row: ReturnRow): ReturnSummary => ({
  accountId: row.account_id,
  account: row.account,
  emagId: row.emag_id,
  orderId: row.order_id,
  type: row.type,
  status: row.status,
  customerName: row.customer_name,
  returnType: row.return_type,
  returnReason: row.return_reason,
  pickupMethod: row.pickup_method,
  date: row.date,
  products: row.products,
  firstProduct: row.first_product,
  updatedAt: row.updated_at,
});

const toProduct = (row: ProductRow): ReturnProduct => ({
  lineId: row.line_id,
  productId: row.product_id,
  productEmagId: row.product_emag_id,
  partNumberKey: row.part_number_key,
  name: row.name,
  quantity: row.quantity,
  returnReason: row.return_reason,
  observations: row.observations,
  refundValue: row.refund_value,
});

const SUMMARY_COLUMNS = `r.key, r.account_id, a.name AS account, r.emag_id, r.order_id, r.type, r.status,
  r.customer_name, r.return_type, r.return_reason, r.pickup_method, r.date, r.updated_at,
  (SELECT count(*) FROM return_products p WHERE p.return_key = r.key) AS products,
  (SELECT p.name FROM return_products p WHERE p.return_key = r.key ORDER BY p.position LIMIT 1) AS first_product`;

export function returnsRepository(db: Db, clock: Clock) {
  const find = db.prepare<[number, number], { key: number; raw_hash: string; status: number }>(
    'SELECT key, raw_hash, status FROM returns WHERE account_id = ? AND emag_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO returns (account_id, emag_id, order_id, type, status, customer_name, return_type, return_reason,
       pickup_method, date, raw_hash, raw, first_seen_at, updated_at)
     VALUES (@accountId, @emagId, @orderId, @type, @status, @customerName, @returnType, @returnReason,
       @pickupMethod, @date, @hash, @raw, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE returns SET order_id = @orderId, type = @type, status = @status, customer_name = @customerName,
       return_type = @returnType, return_reason = @returnReason, pickup_method = @pickupMethod, date = @date,
       raw_hash = @hash, raw = @raw, updated_at = @now WHERE key = @key`,
  );
  const clearProducts = db.prepare('DELETE FROM return_products WHERE return_key = ?');
  const insertProduct = db.prepare(
    `INSERT INTO return_products (return_key, position, line_id, product_id, product_emag_id, part_number_key, name,
       quantity, return_reason, observations, refund_value)
     VALUES (@key, @position, @lineId, @productId, @productEmagId, @partNumberKey, @name, @quantity, @returnReason,
       @observations, @refundValue)`,
  );
  const addHistory = db.prepare('INSERT INTO return_status_history (return_key, status, at) VALUES (?, ?, ?)');

  const writeProducts = (key: number, lines: readonly ReturnProduct[]) => {
    clearProducts.run(key);
    lines.forEach((line, position) => insertProduct.run({ ...line, key, position }));
  };

  const upsertMany = db.transaction((records: readonly ReturnRecord[]): ReturnUpsertResult[] => {
    const now = clock.now().toISOString();
    return records.map((record) => {
      const raw = JSON.stringify(record.raw);
      const hash = createHash('sha1').update(raw).digest('hex');
      const existing = find.get(record.accountId, record.emagId);
      const base = { emagId: record.emagId, status: record.status };
      if (!existing) {
        const key = Number(insert.run({ ...record, hash, raw, now }).lastInsertRowid);
        writeProducts(key, record.lines);
        addHistory.run(key, record.status, now);
        return { ...base, outcome: 'created', previousStatus: null };
      }
      if (existing.raw_hash === hash) return { ...base, outcome: 'unchanged', previousStatus: existing.status };
      update.run({ ...record, key: existing.key, hash, raw, now });
      writeProducts(existing.key, record.lines);
      if (existing.status !== record.status) addHistory.run(existing.key, record.status, now);
      return { ...base, outcome: 'updated', previousStatus: existing.status };
    });
  });

  function where(query: Partial<ReturnsQueryParsed>): { filter: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.accountIds?.length) {
      clauses.push(`r.account_id IN (${query.accountIds.map(() => '?').join(', ')})`);
      params.push(...query.accountIds);
    }
    if (query.statuses?.length) {
      clauses.push(`r.status IN (${query.statuses.map(() => '?').join(', ')})`);
      params.push(...query.statuses);
    }
    if (query.orderId !== undefined) {
      clauses.push('r.order_id = ?');
      params.push(query.orderId);
    }
    const search = query.search?.trim();
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      clauses.push(
        `(r.customer_name LIKE ? ESCAPE '\\' OR CAST(r.emag_id AS TEXT) = ? OR CAST(r.order_id AS TEXT) = ?
          OR EXISTS (SELECT 1 FROM return_products p WHERE p.return_key = r.key AND p.name LIKE ? ESCAPE '\\'))`,
      );
      params.push(like, search, search, like);
    }
    return { filter: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  return {
    upsertMany: (records: readonly ReturnRecord[]): ReturnUpsertResult[] => upsertMany.immediate(records),

    list(query: ReturnsQueryParsed): Paged<ReturnSummary> {
      const { filter, params } = where(query);
      const rows = db
        .prepare<unknown[], ReturnRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM returns r JOIN accounts a ON a.id = r.account_id ${filter}
           ORDER BY r.date DESC, r.key DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, query.limit, query.offset);
      const total = db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM returns r ${filter}`)
        .get(...params)!.n;
      return { rows: rows.map(toSummary), total };
    },

    get(accountId: number, emagId: number): StoredReturn | undefined {
      const row = db
        .prepare<[number, number], ReturnRow & { raw: string }>(
          `SELECT ${SUMMARY_COLUMNS}, r.raw FROM returns r JOIN accounts a ON a.id = r.account_id
           WHERE r.account_id = ? AND r.emag_id = ?`,
        )
        .get(accountId, emagId);
      if (!row) return undefined;
      const lines = db
        .prepare<[number], ProductRow>('SELECT * FROM return_products WHERE return_key = ? ORDER BY position')
        .all(row.key)
        .map(toProduct);
      const history = db
        .prepare<[number], { status: number; at: string }>(
          'SELECT status, at FROM return_status_history WHERE return_key = ? ORDER BY at, rowid',
        )
        .all(row.key);
      return { ...toSummary(row), key: row.key, lines, history, raw: row.raw };
    },

    /** The account's returns still moving (eMAG ids), to be re-read each run. */
    openIds(accountId: number, statuses: readonly number[]): number[] {
      return db
        .prepare<unknown[], { emag_id: number }>(
          `SELECT emag_id FROM returns WHERE account_id = ? AND status IN (${statuses.map(() => '?').join(', ')})
           ORDER BY updated_at, emag_id`,
        )
        .all(accountId, ...statuses)
        .map((row) => row.emag_id);
    },

    /** Order ids with a return request dated in [from, to] (platform-local text), canceled and incomplete ones left out. */
    orderIdsReturnedBetween(accountId: number, from: string, to: string): number[] {
      return db
        .prepare<[number, string, string], { order_id: number }>(
          `SELECT DISTINCT order_id FROM returns WHERE account_id = ? AND order_id IS NOT NULL
             AND status NOT IN (1, 5) AND date >= ? AND date <= ?`,
        )
        .all(accountId, from, to)
        .map((row) => row.order_id);
    },

    countByAccount(accountId: number): number {
      return db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM returns WHERE account_id = ?')
        .get(accountId)!.n;
    },
  };
}

export type ReturnsRepository = ReturnType<typeof returnsRepository>;
