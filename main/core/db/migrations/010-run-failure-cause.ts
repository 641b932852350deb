// A failed run keeps its cause in the seller's terms (shared/causes.ts: credentials, IP not whitelisted, eMAG's
// error...) and eMAG's own reason beside the technical English `error`, so the window explains it in its language.
// Older runs keep NULL: the window derives their cause from `error_kind` (causeFromKind).
import type { Migration } from './types';

export const runFailureCause: Migration = {
  version: 10,
  name: 'run-failure-cause',
  sql: `
    ALTER TABLE sync_runs ADD COLUMN error_cause TEXT;
    ALTER TABLE sync_runs ADD COLUMN error_reason TEXT;
  `,
};
