// Full-text search over orders (id, customer, products), diacritics-insensitive so "stefan" finds "Ștefan".
// Contentless: the repository writes one row per order (rowid = orders.key); existing orders are indexed here.
import type { Migration } from './types';

export const orderSearchFts: Migration = {
  version: 2,
  name: 'order-search-fts',
  sql: `
    CREATE VIRTUAL TABLE order_search USING fts5(
      ref, customer, products,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO order_search (rowid, ref, customer, products)
      SELECT o.key,
             CAST(o.id AS TEXT),
             concat_ws(' ', o.customer_name, o.customer_phone, o.locality),
             coalesce((SELECT group_concat(concat_ws(' ', l.name, l.part_number, l.part_number_key), ' ')
                       FROM order_lines l WHERE l.order_key = o.key), '')
      FROM orders o;
  `,
};
