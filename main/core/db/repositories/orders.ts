// Orders and their lines: the upsert the sync writes through, and the queries the window and the CLI read.
import { hash as oneShotHash } from 'node:crypto';
import type { OrderLine, OrderStatus, OrderSummary, OrderType } from '../../../../shared/domain';
import type { OrdersQueryParsed, Paged } from '../../../../shared/ipc';
import type { Clock } from '../../clock';
import type { Db } from '../open';
import { toFtsQuery } from './ftsQuery';

/** An order as the sync maps it from eMAG, ready to store. */
export interface OrderRecord extends Pick<
  OrderSummary,
  | 'accountId'
  | 'id'
  | 'status'
  | 'type'
  | 'paymentModeId'
  | 'paymentStatus'
  | 'totalMinor'
  | 'currency'
  | 'created'
  | 'modified'
> {
  customerName: string | null;
  customerPhone: string | null;
  locality: string | null;
  /**
   * When the order entered its status by eMAG's own clock (ISO): `finalization_date` or `modified`. The status history
   * records this rather than the moment MagFlow noticed; when absent, the time of the write.
   */
  statusSince?: string;
  /** eMAG's `maximum_date_for_shipment`, platform-local 'YYYY-MM-DD HH:MM:SS'; null or absent when eMAG sent none. */
  shipBy?: string | null;
  /** eMAG lists an invoice (attachment type 1) on the order. */
  hasInvoice?: boolean;
  lines: OrderLine[];
  /** eMAG's order object as received; kept whole so nothing eMAG sent is lost. */
  raw: unknown;
  /**
   * The same object already as JSON text, when the caller has it (e.g. the body eMAG sent): stored as is instead of
   * serialising `raw` again, which is the biggest single cost of a bulk upsert. Must describe the same object.
   */
  rawJson?: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface OrderUpsertResult {
  accountId: number;
  id: number;
  outcome: UpsertOutcome;
  previousStatus: OrderStatus | null;
  status: OrderStatus;
  type: OrderType;
}

export interface StoredOrder extends OrderSummary {
  key: number;
  lines: OrderLine[];
  raw: Record<string, unknown>;
  statusHistory: { status: OrderStatus; at: string }[];
}

interface OrderRow {
  key: number;
  account_id: number;
  account: string;
  id: number;
  status: number;
  type: number;
  payment_mode_id: number | null;
  payment_status: number | null;
  total_minor: number;
  currency: string;
  customer_name: string | null;
  customer_phone: string | null;
  locality: string | null;
  created_at: string;
  modified_at: string;
  acknowledged_at: string | null;
  first_seen_at: string;
}

interface LineRow {
  line_id: number;
  product_id: string | null;
  part_number: string | null;
  part_number_key: string | null;
  name: string;
  quantity: number;
  sale_price: string;
  vat: string | null;
  currency: string;
  status: number;
}

const SUMMARY_COLUMNS = `o.key, o.account_id, a.name AS account, o.id, o.status, o.type, o.payment_mode_id, o.payment_status,
  o.total_minor, o.currency, o.customer_name, o.customer_phone, o.locality, o.created_at, o.modified_at,
  o.acknowledged_at, o.first_seen_at`;

const SORT_COLUMNS: Record<OrdersQueryParsed['sort']['field'], string> = {
  created: 'o.created_at',
  modified: 'o.modified_at',
  id: 'o.id',
  total: 'o.total_minor',
  status: 'o.status',
  customer: 'o.customer_name',
};

/** Indexes that hold the orders in a sort column's order (ties on the key are settled by a small sort). */
const SORT_INDEXES: Partial<Record<OrdersQueryParsed['sort']['field'], string>> = {
  created: 'orders_by_created',
  modified: 'orders_by_modified',
};

export const toOrderSummary = (row: OrderRow): OrderSummary => ({
  accountId: row.account_id,
  account: row.account,
  id: row.id,
  status: row.status as OrderStatus,
  type: row.type as OrderType,
  paymentModeId: row.payment_mode_id,
  paymentStatus: row.payment_status,
  totalMinor: row.total_minor,
  currency: row.currency,
  customer: { name: row.customer_name, phone: row.customer_phone, locality: row.locality },
  created: row.created_at,
  modified: row.modified_at,
  acknowledgedAt: row.acknowledged_at,
  firstSeenAt: row.first_seen_at,
});

const toLine = (row: LineRow): OrderLine => ({
  lineId: row.line_id,
  productId: row.product_id,
  partNumber: row.part_number,
  partNumberKey: row.part_number_key,
  name: row.name,
  quantity: row.quantity,
  salePrice: row.sale_price,
  vat: row.vat,
  currency: row.currency,
  status: row.status,
});

// SHA-1 hex, which every stored raw_hash is; the one-shot crypto.hash is the cheapest way to it (docs/performance.md, §4).
const hashOf = (json: string): string => oneShotHash('sha1', json);

/** Where-clause builder shared by the list, the count and the export. */
function buildFilter(query: Omit<OrdersQueryParsed, 'sort' | 'offset' | 'limit'>) {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly number[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('o.status', query.statuses);
  inList('o.account_id', query.accountIds);
  inList('o.payment_mode_id', query.paymentModeIds);
  if (query.from) {
    where.push('o.created_at >= ?');
    params.push(`${query.from} 00:00:00`);
  }
  if (query.to) {
    where.push('o.created_at <= ?');
    params.push(`${query.to} 23:59:59`);
  }
  const onlySearch = where.length === 0;
  const fts = query.search ? toFtsQuery(query.search) : null;
  if (fts) {
    where.push('o.key IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)');
    params.push(fts);
  }
  return {
    sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
    /** Set when the search is the only filter: the index's own match count is then the total (no orders rows read). */
    searchOnly: fts && onlySearch ? fts : null,
  };
}

export function ordersRepository(db: Db, clock: Clock) {
  const findExisting = db.prepare<[number, number], { key: number; raw_hash: string; status: number }>(
    'SELECT key, raw_hash, status FROM orders WHERE account_id = ? AND id = ?',
  );
  const insertOrder = db.prepare(
    `INSERT INTO orders (account_id, id, status, type, payment_mode_id, payment_status, total_minor, currency,
       customer_name, customer_phone, locality, created_at, modified_at, first_seen_at, updated_at, raw_hash,
       ship_by, has_invoice)
     VALUES (@accountId, @id, @status, @type, @paymentModeId, @paymentStatus, @totalMinor, @currency,
       @customerName, @customerPhone, @locality, @created, @modified, @now, @now, @hash, @shipBy, @hasInvoice)`,
  );
  const insertRaw = db.prepare<[number, string]>('INSERT INTO order_raw (order_key, raw) VALUES (?, ?)');
  const updateRaw = db.prepare<[string, number]>('UPDATE order_raw SET raw = ? WHERE order_key = ?');
  const updateOrder = db.prepare(
    `UPDATE orders SET status = @status, type = @type, payment_mode_id = @paymentModeId, payment_status = @paymentStatus,
       total_minor = @totalMinor, currency = @currency, customer_name = @customerName, customer_phone = @customerPhone,
       locality = @locality, created_at = @created, modified_at = @modified, updated_at = @now, raw_hash = @hash,
       ship_by = @shipBy, has_invoice = @hasInvoice
     WHERE key = @key`,
  );
  const deleteLines = db.prepare<[number]>('DELETE FROM order_lines WHERE order_key = ?');
  const insertLine = db.prepare(
    `INSERT OR REPLACE INTO order_lines (order_key, line_id, product_id, part_number, part_number_key, name, quantity,
       sale_price, vat, currency, status)
     VALUES (@orderKey, @lineId, @productId, @partNumber, @partNumberKey, @name, @quantity, @salePrice, @vat, @currency, @status)`,
  );
  const deleteSearch = db.prepare<[number]>('DELETE FROM order_search WHERE rowid = ?');
  const insertSearch = db.prepare<[number, string, string, string]>(
    'INSERT INTO order_search (rowid, ref, customer, products) VALUES (?, ?, ?, ?)',
  );
  const insertHistory = db.prepare<[number, number, string]>(
    'INSERT INTO order_status_history (order_key, status, at) VALUES (?, ?, ?)',
  );
  const selectOne = db.prepare<[number, number], OrderRow & { raw: string | null }>(
    `SELECT ${SUMMARY_COLUMNS}, r.raw FROM orders o JOIN accounts a ON a.id = o.account_id
       LEFT JOIN order_raw r ON r.order_key = o.key
     WHERE o.account_id = ? AND o.id = ?`,
  );
  const maxKey = db.prepare<[], { n: number | null }>('SELECT max(key) AS n FROM orders');
  const countSearch = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM order_search WHERE order_search MATCH ?',
  );
  const selectLines = db.prepare<[number], LineRow>('SELECT * FROM order_lines WHERE order_key = ? ORDER BY line_id');
  const selectHistory = db.prepare<[number], { status: number; at: string }>(
    'SELECT status, at FROM order_status_history WHERE order_key = ? ORDER BY at, rowid',
  );
  const setAcknowledged = db.prepare<[string, number, number]>(
    'UPDATE orders SET acknowledged_at = coalesce(acknowledged_at, ?) WHERE account_id = ? AND id = ?',
  );

  /** `fresh`: a just-inserted order has no lines or index row yet (the delete trigger cleans up after old keys). */
  /**
   * For a search with many matches, walking the sort column's index in order and keeping the matching keys reaches a
   * page after about (offset + limit) × orders ÷ matches index entries, where SQLite's own plan (every match looked up,
   * then sorted) costs about ten times as much per match. Rare words keep SQLite's plan; null means "keep it".
   */
  function sortIndexWorthWalking(query: OrdersQueryParsed, matches: number): string | null {
    const index = SORT_INDEXES[query.sort.field];
    if (!index) return null;
    const orders = maxKey.get()?.n ?? 0; // the highest key bounds the order count without counting
    const walked = ((query.offset + query.limit) * orders) / matches;
    return walked < 10 * matches ? index : null;
  }

  function writeLinesAndSearch(key: number, record: OrderRecord, fresh: boolean) {
    if (!fresh) deleteLines.run(key);
    for (const line of record.lines) insertLine.run({ orderKey: key, ...line });
    if (!fresh) deleteSearch.run(key);
    insertSearch.run(
      key,
      String(record.id),
      [record.customerName, record.customerPhone, record.locality].filter(Boolean).join(' '),
      record.lines.map((line) => [line.name, line.partNumber, line.partNumberKey].filter(Boolean).join(' ')).join(' '),
    );
  }

  /** Stores many orders in one transaction; tells, per order, whether it was new, changed or unchanged. */
  const upsertMany = db.transaction((records: readonly OrderRecord[]): OrderUpsertResult[] => {
    const now = clock.now().toISOString();
    const results: OrderUpsertResult[] = [];
    for (const record of records) {
      const raw = record.rawJson ?? JSON.stringify(record.raw);
      const hash = hashOf(raw);
      const existing = findExisting.get(record.accountId, record.id);
      const base = { accountId: record.accountId, id: record.id, status: record.status, type: record.type };
      const todayFacts = { shipBy: record.shipBy ?? null, hasInvoice: record.hasInvoice ? 1 : 0 };
      if (!existing) {
        const info = insertOrder.run({ ...record, ...todayFacts, now, hash });
        const key = Number(info.lastInsertRowid);
        insertRaw.run(key, raw);
        writeLinesAndSearch(key, record, true);
        insertHistory.run(key, record.status, record.statusSince ?? now);
        results.push({ ...base, outcome: 'created', previousStatus: null });
      } else if (existing.raw_hash === hash) {
        results.push({ ...base, outcome: 'unchanged', previousStatus: existing.status as OrderStatus });
      } else {
        updateOrder.run({ ...record, ...todayFacts, key: existing.key, now, hash });
        if (updateRaw.run(raw, existing.key).changes === 0) insertRaw.run(existing.key, raw);
        writeLinesAndSearch(existing.key, record, false);
        if (existing.status !== record.status)
          insertHistory.run(existing.key, record.status, record.statusSince ?? now);
        results.push({ ...base, outcome: 'updated', previousStatus: existing.status as OrderStatus });
      }
    }
    return results;
  });

  return {
    upsertMany: (records: readonly OrderRecord[]): OrderUpsertResult[] => upsertMany.immediate(records),

    get(accountId: number, orderId: number): StoredOrder | undefined {
      const row = selectOne.get(accountId, orderId);
      if (!row) return undefined;
      return {
        ...toOrderSummary(row),
        key: row.key,
        lines: selectLines.all(row.key).map(toLine),
        raw: row.raw === null ? {} : (JSON.parse(row.raw) as Record<string, unknown>),
        statusHistory: selectHistory.all(row.key).map((h) => ({ status: h.status as OrderStatus, at: h.at })),
      };
    },

    list(query: OrdersQueryParsed): Paged<OrderSummary> {
      const filter = buildFilter(query);
      const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.dir === 'asc' ? 'ASC' : 'DESC'}, o.key ${query.sort.dir === 'asc' ? 'ASC' : 'DESC'}`;
      const total = filter.searchOnly
        ? countSearch.get(filter.searchOnly)!.n
        : db
            .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM orders o ${filter.sql}`)
            .get(...filter.params)!.n;
      if (total === 0) return { rows: [], total };
      const index = filter.searchOnly ? sortIndexWorthWalking(query, total) : null;
      // The page's keys are picked first (sorting narrow rows, from a covering index where one fits), then only
      // those 100 orders are read whole: sorting every match's full row was most of a common word's search time.
      const rows = db
        .prepare<unknown[], OrderRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM orders o JOIN accounts a ON a.id = o.account_id
           WHERE o.key IN (SELECT o.key FROM orders o ${index ? `INDEXED BY ${index}` : ''} ${filter.sql}
                           ORDER BY ${order} LIMIT ? OFFSET ?)
           ORDER BY ${order}`,
        )
        .all(...filter.params, query.limit, query.offset);
      return { rows: rows.map(toOrderSummary), total };
    },

    /** Lines for many orders at once (export, CLI JSON). */
    linesFor(keys: readonly number[]): Map<number, OrderLine[]> {
      const byOrder = new Map<number, OrderLine[]>();
      const statement = db.prepare<[number], LineRow & { order_key: number }>(
        'SELECT * FROM order_lines WHERE order_key = ? ORDER BY line_id',
      );
      for (const key of keys) byOrder.set(key, statement.all(key).map(toLine));
      return byOrder;
    },

    /** The lines of listed orders, by account and order id, in the rows' order (the orders CSV). */
    linesOf(orders: readonly { accountId: number; id: number }[]): OrderLine[][] {
      const statement = db.prepare<[number, number], LineRow>(
        `SELECT l.* FROM order_lines l JOIN orders o ON o.key = l.order_key
         WHERE o.account_id = ? AND o.id = ? ORDER BY l.line_id`,
      );
      return orders.map((order) => statement.all(order.accountId, order.id).map(toLine));
    },

    /** Keys of the orders matching a query, in its order (for exports that need lines too). */
    keysFor(query: OrdersQueryParsed): number[] {
      const filter = buildFilter(query);
      const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.dir === 'asc' ? 'ASC' : 'DESC'}, o.key`;
      return db
        .prepare<unknown[], { key: number }>(
          `SELECT o.key FROM orders o ${filter.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        )
        .all(...filter.params, query.limit, query.offset)
        .map((r) => r.key);
    },

    markAcknowledged(accountId: number, orderId: number): boolean {
      return setAcknowledged.run(clock.now().toISOString(), accountId, orderId).changes > 0;
    },

    count: (): number => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders').get()!.n,

    /** Orders stored for one account (the first-import summary counts them). */
    countByAccount: (accountId: number): number =>
      db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM orders WHERE account_id = ?').get(accountId)!.n,
  };
}

export type OrdersRepository = ReturnType<typeof ordersRepository>;
