// A failed or retried outbox action keeps why, language-neutral, beside the English `last_error` (logs, CLI), so the
// window explains it in its language (shared/actionFailures.ts): eMAG's failure as a cause (shared/causes.ts) with
// eMAG's own words, MagFlow's own refusal as a code with its values (JSON object). Older rows keep NULL: the window
// shows their `last_error` as it is.
import type { Migration } from './types';

export const outboxFailureCause: Migration = {
  version: 11,
  name: 'outbox-failure-cause',
  sql: `
    ALTER TABLE outbox ADD COLUMN error_cause TEXT;
    ALTER TABLE outbox ADD COLUMN error_reason TEXT;
    ALTER TABLE outbox ADD COLUMN error_code TEXT;
    ALTER TABLE outbox ADD COLUMN error_params TEXT;
  `,
};
