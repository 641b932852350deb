// Low stock per offer: the seller's own threshold for an offer (NULL: the global one in Settings) and whether the
// offer is under it with the notification already given, so each crossing notifies once.
import type { Migration } from './types';

export const offerLowStock: Migration = {
  version: 7,
  name: 'offer-low-stock',
  sql: `
    CREATE TABLE offer_low_stock (
      account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      offer_id    INTEGER NOT NULL,
      threshold   INTEGER CHECK (threshold IS NULL OR threshold BETWEEN 0 AND 65535),
      alerted     INTEGER NOT NULL DEFAULT 0,  -- 1 while under the threshold, once notified
      PRIMARY KEY (account_id, offer_id)
    );
  `,
};
