// The outbox also carries actions on returns (RMA) and on offers (price, stock). SQLite cannot change a CHECK in
// place, so the table is rebuilt with the wider list, rows and ids kept, and its indexes recreated.
import type { Migration } from './types';

export const outboxReturnOfferKinds: Migration = {
  version: 6,
  name: 'outbox-return-offer-kinds',
  sql: `
    CREATE TABLE outbox_new (
      id               INTEGER PRIMARY KEY,
      account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      order_id         INTEGER,
      kind             TEXT NOT NULL CHECK (kind IN ('acknowledge', 'status', 'awb', 'invoice', 'return', 'offer')),
      payload          TEXT NOT NULL,
      dedupe_key       TEXT UNIQUE,         -- one live action per purpose (e.g. one acknowledge per order)
      state            TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
      attempts         INTEGER NOT NULL DEFAULT 0,
      next_attempt_at  TEXT,
      last_error       TEXT,
      result           TEXT,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      sent_at          TEXT
    );
    INSERT INTO outbox_new (id, account_id, order_id, kind, payload, dedupe_key, state, attempts, next_attempt_at,
                            last_error, result, created_at, updated_at, sent_at)
      SELECT id, account_id, order_id, kind, payload, dedupe_key, state, attempts, next_attempt_at,
             last_error, result, created_at, updated_at, sent_at FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_new RENAME TO outbox;
    CREATE INDEX outbox_by_order ON outbox (account_id, order_id);
    CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
  `,
};
