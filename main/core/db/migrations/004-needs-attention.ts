// Records eMAG sent that MagFlow could not read or store are set aside here instead of failing their page: the seller
// sees them (Diagnostics, `magflow status`), every run retries them, and a record leaves the list once it maps.
// `item_key` is eMAG's id as text, or a hash of the JSON for a record without a readable id, so a record seen again
// updates its row. Runs count what they set aside as warnings: such a run completes, it does not fail.
import type { Migration } from './types';

export const needsAttention: Migration = {
  version: 4,
  name: 'needs-attention',
  sql: `
    CREATE TABLE needs_attention (
      id             INTEGER PRIMARY KEY,
      account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      kind           TEXT NOT NULL CHECK (kind IN ('order', 'offer', 'return')),
      item_key       TEXT NOT NULL,
      emag_id        TEXT,                 -- eMAG's id as sent (text), null when the record has none readable
      raw            TEXT NOT NULL,        -- the record exactly as eMAG sent it
      reason         TEXT NOT NULL,
      first_seen_at  TEXT NOT NULL,
      last_seen_at   TEXT NOT NULL,
      times_seen     INTEGER NOT NULL DEFAULT 1,
      last_tried_at  TEXT,                 -- the last retry by id (round robin when there are many)
      UNIQUE (account_id, kind, item_key)
    );
    CREATE INDEX needs_attention_by_seen ON needs_attention (last_seen_at DESC);

    ALTER TABLE sync_runs ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
  `,
};
