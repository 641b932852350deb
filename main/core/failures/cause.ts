// Names the real cause of a failure (see shared/causes.ts) and keeps eMAG's own reason beside it, so the window and
// the notifications say "IP not whitelisted" or "eMAG's error: <its words>" instead of one vague sentence.
import { causeFromKind, type FailureCause } from '../../../shared/causes';
import { distinctMessages, isEmagError, type EmagError } from '../emag/errors';

export interface Failure {
  cause: FailureCause;
  /** eMAG's own words (its `messages`), when it gave any; shown as they are, quoted. Null otherwise. */
  reason: string | null;
}

/** A 5xx carries code emag.server_error (kind transport, retried like a lost answer): eMAG's error, not the network. */
const emagCause = (error: EmagError): FailureCause => causeFromKind(error.kind, error.code) ?? 'internal';

/** Cause and eMAG's reason of anything a job, an action or a connection test threw. */
export function failureOf(error: unknown): Failure {
  if (isEmagError(error)) {
    const messages = distinctMessages(error.messages);
    // A 429's gateway sentence ("API rate limit exceeded") only repeats the cause; eMAG's refusals say why.
    const reason = error.kind === 'rateLimit' || messages.length === 0 ? null : messages.join('; ');
    return { cause: emagCause(error), reason };
  }
  if (error instanceof Error && error.name === 'AppError') return { cause: 'config', reason: null };
  return { cause: 'internal', reason: null };
}
