// The seller's offers (products on eMAG), upserted by the offers sync and listed in the window.
import { createHash } from 'node:crypto';
import type { Offer } from '../../../../shared/domain';
import type { OffersQuery, Paged } from '../../../../shared/ipc';
import type { Clock } from '../../clock';
import type { Db } from '../open';
import type { UpsertOutcome } from './orders';

/** An offer as the sync maps it from eMAG: what the window lists, less what the database adds, plus the raw object. */
export interface OfferRecord extends Omit<Offer, 'account' | 'updatedAt'> {
  raw: unknown;
}

export type OffersQueryParsed = Required<Pick<OffersQuery, 'sort' | 'offset' | 'limit'>> & OffersQuery;

interface OfferRow {
  account_id: number;
  account: string;
  id: number;
  part_number: string | null;
  part_number_key: string | null;
  name: string;
  brand: string | null;
  sale_price: string | null;
  currency: string | null;
  stock: number | null;
  status: number | null;
  validation_status: number | null;
  validation_text: string | null;
  updated_at: string;
}

const SORT_COLUMNS = { name: 'o.name', price: 'CAST(o.sale_price AS REAL)', stock: 'o.stock', updated: 'o.updated_at' };

const toOffer = (row: OfferRow): Offer => ({
  accountId: row.account_id,
  account: row.account,
  id: row.id,
  partNumber: row.part_number,
  partNumberKey: row.part_number_key,
  name: row.name,
  brand: row.brand,
  salePrice: row.sale_price,
  currency: row.currency,
  stock: row.stock,
  status: row.status,
  validationStatus: row.validation_status,
  validationText: row.validation_text,
  updatedAt: row.updated_at,
});

export function offersRepository(db: Db, clock: Clock) {
  const find = db.prepare<[number, number], { key: number; raw_hash: string }>(
    'SELECT key, raw_hash FROM offers WHERE account_id = ? AND id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO offers (account_id, id, part_number, part_number_key, name, brand, sale_price, currency, stock, status,
       validation_status, validation_text, raw_hash, raw, updated_at)
     VALUES (@accountId, @id, @partNumber, @partNumberKey, @name, @brand, @salePrice, @currency, @stock, @status,
       @validationStatus, @validationText, @hash, @raw, @now)`,
  );
  const update = db.prepare(
    `UPDATE offers SET part_number = @partNumber, part_number_key = @partNumberKey, name = @name, brand = @brand,
       sale_price = @salePrice, currency = @currency, stock = @stock, status = @status,
       validation_status = @validationStatus, validation_text = @validationText, raw_hash = @hash, raw = @raw,
       updated_at = @now WHERE key = @key`,
  );

  const upsertMany = db.transaction((records: readonly OfferRecord[]): UpsertOutcome[] => {
    const now = clock.now().toISOString();
    return records.map((record) => {
      const raw = JSON.stringify(record.raw);
      const hash = createHash('sha1').update(raw).digest('hex');
      const existing = find.get(record.accountId, record.id);
      if (!existing) {
        insert.run({ ...record, hash, raw, now });
        return 'created';
      }
      if (existing.raw_hash === hash) return 'unchanged';
      update.run({ ...record, key: existing.key, hash, raw, now });
      return 'updated';
    });
  });

  return {
    upsertMany: (records: readonly OfferRecord[]): UpsertOutcome[] => upsertMany.immediate(records),

    list(query: OffersQueryParsed): Paged<Offer> {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.accountIds?.length) {
        where.push(`o.account_id IN (${query.accountIds.map(() => '?').join(', ')})`);
        params.push(...query.accountIds);
      }
      if (query.statuses?.length) {
        where.push(`o.status IN (${query.statuses.map(() => '?').join(', ')})`);
        params.push(...query.statuses);
      }
      if (query.search?.trim()) {
        where.push(
          "(o.name LIKE ? ESCAPE '\\' OR o.part_number LIKE ? ESCAPE '\\' OR o.part_number_key LIKE ? ESCAPE '\\')",
        );
        const like = `%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        params.push(like, like, like);
      }
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const dir = query.sort.dir === 'asc' ? 'ASC' : 'DESC';
      const rows = db
        .prepare<unknown[], OfferRow>(
          `SELECT o.*, a.name AS account FROM offers o JOIN accounts a ON a.id = o.account_id ${filter}
           ORDER BY ${SORT_COLUMNS[query.sort.field]} ${dir}, o.key LIMIT ? OFFSET ?`,
        )
        .all(...params, query.limit, query.offset);
      const total = db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM offers o ${filter}`)
        .get(...params)!.n;
      return { rows: rows.map(toOffer), total };
    },

    /** One stored offer with eMAG's object as it was read (the editor's bounds, VAT id and category come from it). */
    get(accountId: number, id: number): (Offer & { raw: Record<string, unknown> }) | undefined {
      const row = db
        .prepare<[number, number], OfferRow & { raw: string }>(
          `SELECT o.*, a.name AS account FROM offers o JOIN accounts a ON a.id = o.account_id
           WHERE o.account_id = ? AND o.id = ?`,
        )
        .get(accountId, id);
      if (!row) return undefined;
      const raw = JSON.parse(row.raw) as unknown;
      return { ...toOffer(row), raw: raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {} };
    },

    countByAccount(accountId: number): number {
      return db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM offers WHERE account_id = ?')
        .get(accountId)!.n;
    },
  };
}

export type OffersRepository = ReturnType<typeof offersRepository>;
