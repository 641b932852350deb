// eMAG client tuning for tests about something other than the client's pacing: limits far above what a test sends.

/** Both rate-limit buckets at `perSecond` (and 60 times that a minute), with no safety margin and no jitter. */
export function unpacedRateLimits(perSecond: number) {
  return {
    orders: { perSecond, perMinute: perSecond * 60 },
    other: { perSecond, perMinute: perSecond * 60 },
    safetyMarginMs: 0,
    jitterMs: 0,
  };
}

/** Short retries and generous limits for a whole core (the crash tests' parent and child processes use the same). */
export const SHORT_RETRY_TUNING = {
  retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 20 },
  rateLimits: unpacedRateLimits(1_000),
  timeoutMs: 5_000,
};
