// How the outbox treats a failed send: try again later (with backoff), give up with the reason, or stop because the
// run is ending. Also marks failures after which eMAG may have applied the action, so the next try checks first.
import type { ActionErrorCode, ActionErrorParams, ActionFailure } from '../../../shared/actionFailures';
import { describeEmagError, isEmagError } from '../emag';
import { failureOf } from '../failures/cause';

/**
 * A rule says no before anything is sent (an FBE order, an order that changed meanwhile): never retried. The code
 * and its values are what the window translates (shared/actionFailures.ts); the English message is for the logs.
 */
export class PermanentActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    readonly params: ActionErrorParams,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentActionError';
  }
}

/** `message` is the English technical text (last_error, logs); `failure` the same, language-neutral. */
export type Failure =
  | { kind: 'retry'; message: string; uncertain: boolean; failure: ActionFailure }
  | { kind: 'permanent'; message: string; failure: ActionFailure }
  | { kind: 'aborted' };

/**
 * Written in front of the last error when the request may have reached eMAG (a lost answer on a route that is not
 * safe to repeat): the next attempt first checks whether the action already took effect.
 */
export const UNCONFIRMED = 'Unconfirmed: ';

const RETRIED_KINDS = new Set(['transport', 'timeout', 'rateLimit', 'circuitOpen', 'badResponse']);
/** Kinds after which the request may have been applied even though no good answer came back. */
const MAYBE_DELIVERED = new Set(['transport', 'timeout', 'badResponse']);

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function classifyFailure(error: unknown, signal: AbortSignal): Failure {
  if (signal.aborted || (isEmagError(error) && error.kind === 'aborted')) return { kind: 'aborted' };
  if (error instanceof PermanentActionError) {
    return {
      kind: 'permanent',
      message: error.message,
      failure: { cause: null, reason: null, code: error.code, params: error.params },
    };
  }
  // eMAG's failure (or MagFlow's own fault) as a cause with eMAG's words.
  const failure: ActionFailure = { ...failureOf(error), code: null, params: {} };
  if (isEmagError(error)) {
    const detail = describeEmagError(error);
    if (RETRIED_KINDS.has(error.kind)) {
      // `retryable` false on a maybe-delivered kind means the client saw a route that is unsafe to repeat.
      const uncertain = MAYBE_DELIVERED.has(error.kind) && !error.retryable;
      return { kind: 'retry', message: detail, uncertain, failure };
    }
    // auth, api (eMAG refused it: validation, rules), config: the same request would fail the same way.
    return { kind: 'permanent', message: detail, failure };
  }
  return { kind: 'permanent', message: `Internal error: ${describe(error)}`, failure };
}

/** Exponential backoff with ±20% jitter: base, 2×base, 4×base… capped at max. `attempts` counts the failed ones. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
