// The "today" queue (issue 17) needs two facts of each order without reading eMAG's JSON for every order on every
// look: eMAG's shipping deadline (`maximum_date_for_shipment`, platform-local 'YYYY-MM-DD HH:MM:SS' as eMAG sends it,
// null when eMAG sent none) and whether eMAG lists an invoice among the order's attachments (type 1, or no type: eMAG's
// default is 1, README §7). Both are filled from the stored JSON once here; the sync keeps them from then on.
import type { Migration } from './types';

export const orderShipByInvoice: Migration = {
  version: 9,
  name: 'order-ship-by-invoice',
  sql: `
    ALTER TABLE orders ADD COLUMN ship_by TEXT;
    ALTER TABLE orders ADD COLUMN has_invoice INTEGER NOT NULL DEFAULT 0;

    -- Nested CASEs: the JSON functions fail on text that is not JSON, and only CASE promises not to evaluate them.
    UPDATE orders SET
      ship_by = (SELECT CASE WHEN json_valid(r.raw) THEN
                   CASE WHEN json_type(r.raw, '$.maximum_date_for_shipment') = 'text'
                        THEN nullif(substr(trim(json_extract(r.raw, '$.maximum_date_for_shipment')), 1, 19), '') END END
                   FROM order_raw r WHERE r.order_key = orders.key),
      has_invoice = coalesce((SELECT 1 FROM order_raw r,
                                json_each(CASE WHEN json_valid(r.raw) THEN
                                            CASE WHEN json_type(r.raw, '$.attachments') = 'array' THEN r.raw END END,
                                          '$.attachments') a
                               WHERE r.order_key = orders.key
                                 AND a.type = 'object'
                                 AND coalesce(CAST(json_extract(a.value, '$.type') AS INTEGER), 1) = 1
                                 AND coalesce(json_extract(a.value, '$.url'), '') <> ''
                               LIMIT 1), 0);

    -- The queue reads orders waiting on the seller (statuses 1-3) and finalized ones without an invoice.
    CREATE INDEX orders_today ON orders (status, has_invoice);
  `,
};
