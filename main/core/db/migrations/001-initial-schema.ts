// Schema v1: accounts, orders and their lines, offers, sync history and cursors, the outbox, notifications,
// the cache's disk tier and settings.
import type { Migration } from './types';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  sql: `
    CREATE TABLE accounts (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      platform    TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('main', 'fbe')),
      username    TEXT NOT NULL,
      api_url     TEXT,
      secret_ref  TEXT NOT NULL,            -- where the password lives (secret store key), never the password
      enabled     INTEGER NOT NULL DEFAULT 1,
      is_demo     INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL
    );

    -- key is the rowid alias: order_lines and the search index hang on it.
    CREATE TABLE orders (
      key              INTEGER PRIMARY KEY,
      account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      id               INTEGER NOT NULL,    -- eMAG order id
      status           INTEGER NOT NULL,
      type             INTEGER NOT NULL,
      payment_mode_id  INTEGER,
      payment_status   INTEGER,
      total_minor      INTEGER NOT NULL,
      currency         TEXT NOT NULL,
      customer_name    TEXT,
      customer_phone   TEXT,
      locality         TEXT,
      created_at       TEXT NOT NULL,       -- eMAG 'date', platform-local 'YYYY-MM-DD HH:MM:SS'
      modified_at      TEXT NOT NULL,       -- eMAG 'modified', same format
      acknowledged_at  TEXT,                -- when MagFlow acknowledged it (UTC ISO)
      first_seen_at    TEXT NOT NULL,       -- UTC ISO
      updated_at       TEXT NOT NULL,       -- last local write (UTC ISO)
      raw_hash         TEXT NOT NULL,
      raw              TEXT NOT NULL,
      UNIQUE (account_id, id)
    );
    CREATE INDEX orders_by_created ON orders (created_at DESC);
    CREATE INDEX orders_by_status_created ON orders (status, created_at DESC);
    CREATE INDEX orders_by_account_status_created ON orders (account_id, status, created_at DESC);
    CREATE INDEX orders_by_modified ON orders (modified_at);

    CREATE TABLE order_lines (
      order_key        INTEGER NOT NULL REFERENCES orders(key) ON DELETE CASCADE,
      line_id          INTEGER NOT NULL,
      product_id       TEXT,
      part_number      TEXT,
      part_number_key  TEXT,
      name             TEXT NOT NULL,
      quantity         INTEGER NOT NULL,
      sale_price       TEXT NOT NULL,
      vat              TEXT,
      currency         TEXT NOT NULL,
      status           INTEGER NOT NULL,
      PRIMARY KEY (order_key, line_id)
    ) WITHOUT ROWID;

    CREATE TABLE order_status_history (
      order_key  INTEGER NOT NULL REFERENCES orders(key) ON DELETE CASCADE,
      status     INTEGER NOT NULL,
      at         TEXT NOT NULL
    );
    CREATE INDEX order_status_history_by_order ON order_status_history (order_key, at);

    CREATE TABLE offers (
      key                INTEGER PRIMARY KEY,
      account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      id                 INTEGER NOT NULL,
      part_number        TEXT,
      part_number_key    TEXT,
      name               TEXT NOT NULL,
      brand              TEXT,
      sale_price         TEXT,
      currency           TEXT,
      stock              INTEGER,
      status             INTEGER,
      validation_status  INTEGER,
      validation_text    TEXT,
      raw_hash           TEXT NOT NULL,
      raw                TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      UNIQUE (account_id, id)
    );
    CREATE INDEX offers_by_name ON offers (name);

    CREATE TABLE sync_runs (
      id           INTEGER PRIMARY KEY,
      job          TEXT NOT NULL,
      account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
      mode         TEXT NOT NULL,
      status       TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'timed_out', 'cancelled')),
      started_at   TEXT NOT NULL,
      finished_at  TEXT,
      pages        INTEGER NOT NULL DEFAULT 0,
      requests     INTEGER NOT NULL DEFAULT 0,
      created      INTEGER NOT NULL DEFAULT 0,
      updated      INTEGER NOT NULL DEFAULT 0,
      unchanged    INTEGER NOT NULL DEFAULT 0,
      failed       INTEGER NOT NULL DEFAULT 0,
      error        TEXT,
      error_kind   TEXT
    );
    CREATE INDEX sync_runs_by_started ON sync_runs (started_at DESC);
    CREATE INDEX sync_runs_by_job_account ON sync_runs (job, account_id, started_at DESC);
    CREATE INDEX sync_runs_running ON sync_runs (status) WHERE status = 'running';

    CREATE TABLE sync_cursors (
      account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      job         TEXT NOT NULL,
      watermark   TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      PRIMARY KEY (account_id, job)
    ) WITHOUT ROWID;

    CREATE TABLE outbox (
      id               INTEGER PRIMARY KEY,
      account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      order_id         INTEGER,
      kind             TEXT NOT NULL CHECK (kind IN ('acknowledge', 'status', 'awb', 'invoice')),
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
    CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
    CREATE INDEX outbox_by_order ON outbox (account_id, order_id);

    CREATE TABLE notifications (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL,
      title       TEXT NOT NULL,
      body        TEXT NOT NULL,
      account_id  INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
      order_id    INTEGER,
      read        INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL
    );
    CREATE INDEX notifications_by_created ON notifications (created_at DESC);
    CREATE INDEX notifications_unread ON notifications (read) WHERE read = 0;

    CREATE TABLE cache (
      key         TEXT PRIMARY KEY,
      value       TEXT NOT NULL,
      expires_at  INTEGER                   -- epoch ms; NULL never expires
    ) WITHOUT ROWID;

    CREATE TABLE settings (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
