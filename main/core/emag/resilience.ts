// The account's cockatiel policies: retry with backoff, one circuit breaker, a per-attempt timeout, in-flight caps.
import {
  BulkheadPolicy,
  bulkhead,
  CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  RetryPolicy,
  retry,
  TimeoutPolicy,
  TimeoutStrategy,
  timeout,
} from 'cockatiel';
import { isEmagError } from './errors';
import type { RateBucketName } from './routes';
import type { BreakerStateName } from '../../../shared/views';
import type { EmagClientSettings } from './settings';

export type { BreakerStateName };

export const breakerStateName = (state: CircuitState): BreakerStateName =>
  state === CircuitState.Open
    ? 'open'
    : state === CircuitState.HalfOpen
      ? 'half-open'
      : state === CircuitState.Isolated
        ? 'isolated'
        : 'closed';

/** Only the failures that say "eMAG is unwell" trip the breaker: not auth, not isError, not our own 429s. */
export const countsAgainstBreaker = (error: unknown): boolean =>
  isEmagError(error) && error.transient && error.kind !== 'rateLimit';

export interface AccountPolicies {
  retry: RetryPolicy;
  breaker: CircuitBreakerPolicy;
  /** The per-attempt timeout policy for a duration (routes may have their own, see settings). */
  timeout(ms: number): TimeoutPolicy;
  inFlight: Record<RateBucketName, BulkheadPolicy>;
}

export function createAccountPolicies(settings: EmagClientSettings): AccountPolicies {
  const timeouts = new Map<number, TimeoutPolicy>();
  return {
    retry: retry(
      handleWhen((error) => isEmagError(error) && error.retryable),
      {
        // cockatiel counts retries, not attempts.
        maxAttempts: settings.retry.maxAttempts - 1,
        backoff: new ExponentialBackoff({
          initialDelay: settings.retry.initialDelayMs,
          maxDelay: settings.retry.maxDelayMs,
        }),
      },
    ),
    breaker: circuitBreaker(handleWhen(countsAgainstBreaker), {
      halfOpenAfter: settings.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breaker.consecutiveFailures),
    }),
    // Cooperative: the attempt's fetch gets the signal and stops itself, so no socket is left behind.
    timeout: (ms) => {
      let policy = timeouts.get(ms);
      if (!policy) {
        policy = timeout(ms, TimeoutStrategy.Cooperative);
        timeouts.set(ms, policy);
      }
      return policy;
    },
    inFlight: {
      orders: bulkhead(settings.maxInFlight.orders, settings.maxQueued),
      other: bulkhead(settings.maxInFlight.other, settings.maxQueued),
    },
  };
}
