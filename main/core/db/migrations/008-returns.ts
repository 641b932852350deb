// Return requests (eMAG RMA, issue 18): the returns job stores each with its products and the statuses MagFlow saw
// it in. The raw record is kept whole (read liberally, keep the raw); the columns are what the window filters on.
import type { Migration } from './types';

export const returns: Migration = {
  version: 8,
  name: 'returns',
  sql: `
    CREATE TABLE returns (
      key            INTEGER PRIMARY KEY,
      account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      emag_id        INTEGER NOT NULL,
      order_id       INTEGER,
      type           INTEGER,
      status         INTEGER NOT NULL,
      customer_name  TEXT,
      return_type    INTEGER,
      return_reason  INTEGER,
      pickup_method  INTEGER,
      date           TEXT NOT NULL,       -- eMAG 'date', platform-local 'YYYY-MM-DD HH:MM:SS'
      raw_hash       TEXT NOT NULL,
      raw            TEXT NOT NULL,       -- the return request as eMAG sent it
      first_seen_at  TEXT NOT NULL,       -- UTC ISO
      updated_at     TEXT NOT NULL,       -- last local write (UTC ISO)
      UNIQUE (account_id, emag_id)
    );
    CREATE INDEX returns_by_account_status_date ON returns (account_id, status, date DESC);
    CREATE INDEX returns_by_date ON returns (date DESC);
    CREATE INDEX returns_by_order ON returns (account_id, order_id);
    CREATE TABLE return_products (
      return_key       INTEGER NOT NULL REFERENCES returns(key) ON DELETE CASCADE,
      position         INTEGER NOT NULL,
      line_id          INTEGER,
      product_id       TEXT,
      product_emag_id  TEXT,
      part_number_key  TEXT,
      name             TEXT,
      quantity         INTEGER,
      return_reason    INTEGER,
      observations     TEXT,
      refund_value     TEXT,
      PRIMARY KEY (return_key, position)
    ) WITHOUT ROWID;
    CREATE TABLE return_status_history (
      return_key  INTEGER NOT NULL REFERENCES returns(key) ON DELETE CASCADE,
      status      INTEGER NOT NULL,
      at          TEXT NOT NULL
    );
    CREATE INDEX return_status_history_by_return ON return_status_history (return_key, at);
  `,
};
