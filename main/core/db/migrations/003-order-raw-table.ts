// eMAG's whole order object (≈ 3 KB) moves out of `orders` into a table of its own: with it inside, each orders row
// filled most of a page, so every list, count, search and statistic that visits many orders read the raw JSON too.
// `orders` keeps the list/search columns and `raw_hash` (the upsert's "unchanged?" check reads only that row).
// The search index also loses orders deleted with their account (a trigger from now on, a clean-up for the past),
// so its match count equals the orders it finds.
import type { Migration } from './types';

export const orderRawTable: Migration = {
  version: 3,
  name: 'order-raw-table',
  sql: `
    CREATE TABLE order_raw (
      order_key  INTEGER PRIMARY KEY REFERENCES orders(key) ON DELETE CASCADE,
      raw        TEXT NOT NULL            -- eMAG's order object as JSON, kept whole
    );
    INSERT INTO order_raw (order_key, raw) SELECT key, raw FROM orders;
    ALTER TABLE orders DROP COLUMN raw;

    DELETE FROM order_search WHERE rowid NOT IN (SELECT key FROM orders);
    CREATE TRIGGER orders_leave_search AFTER DELETE ON orders BEGIN
      DELETE FROM order_search WHERE rowid = old.key;
    END;
  `,
};
