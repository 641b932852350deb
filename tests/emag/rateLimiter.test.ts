import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountRateLimiter, RateBucket, type BucketTuning, type LimiterTime } from '../../main/core/emag/rateLimiter';

/** Fake time: a sleep advances the clock (once it is awaited), so a minute of limiter behaviour runs in milliseconds. */
function fakeTime(start = 1_000_000, random = 0.5): LimiterTime & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: (ms) =>
      Promise.resolve().then(() => {
        now += ms;
      }),
    random: () => random,
    advance: (ms) => {
      now += ms;
    },
  };
}

const tuning: BucketTuning = { safetyMarginMs: 50, jitterMs: 10, penaltyMs: 1_000, slowdownDecayMs: 30_000 };

/** The largest number of grants inside any window of `windowMs` (half-open, like eMAG's sliding counter). */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** A bucket whose grant times are recorded at the instant of each grant. */
function recordingBucket(
  name: 'orders' | 'other',
  limits: { perSecond: number; perMinute: number },
  time: LimiterTime,
) {
  const granted: number[] = [];
  const bucket = new RateBucket(name, limits, tuning, time, { onGrant: () => granted.push(time.now()) });
  return { bucket, granted };
}

async function burst(bucket: RateBucket, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => bucket.acquire()));
}

describe('RateBucket', () => {
  it('grants a burst of order requests no faster than 12 in any second, with margin to spare', async () => {
    const time = fakeTime();
    const { bucket, granted: times } = recordingBucket('orders', { perSecond: 12, perMinute: 720 }, time);
    await burst(bucket, 60);
    expect(times).toHaveLength(60);
    expect(maxInAnyWindow(times, 1_000)).toBeLessThanOrEqual(12);
    // Even if the network bunched requests by up to the margin, eMAG's 1 s window would still see at most 12.
    expect(maxInAnyWindow(times, 1_000 + tuning.safetyMarginMs)).toBeLessThanOrEqual(12);
    // Evenly spaced rather than 12 at once and a pause.
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual((1_000 + tuning.safetyMarginMs) / 12);
  });

  it('grants each queued request on its slot, adding no jitter to ordinary waits', async () => {
    // The largest jitter the random source can give: if ordinary waits drew any, the gaps would show it.
    const time = fakeTime(1_000_000, 1);
    const granted: number[] = [];
    const bucket = new RateBucket('orders', { perSecond: 12, perMinute: 720 }, { ...tuning, jitterMs: 50 }, time, {
      onGrant: () => granted.push(time.now()),
    });
    await burst(bucket, 30);
    const spacing = (1_000 + tuning.safetyMarginMs) / 12;
    const gaps = granted.slice(1).map((t, i) => t - (granted[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeCloseTo(spacing, 6);
    expect(bucket.stats().spacingMs).toBeCloseTo(spacing, 6);
  });

  it('keeps the other-routes budget of 3 per second and 180 per minute', async () => {
    const time = fakeTime();
    const { bucket, granted: times } = recordingBucket('other', { perSecond: 3, perMinute: 180 }, time);
    await burst(bucket, 400);
    expect(maxInAnyWindow(times, 1_000)).toBeLessThanOrEqual(3);
    expect(maxInAnyWindow(times, 60_000)).toBeLessThanOrEqual(180);
  });

  it('lets the minute budget bind when it is the tighter one', async () => {
    const time = fakeTime();
    const { bucket, granted: times } = recordingBucket('orders', { perSecond: 12, perMinute: 30 }, time);
    await burst(bucket, 61);
    expect(maxInAnyWindow(times, 60_000)).toBeLessThanOrEqual(30);
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThanOrEqual(2 * 60_000);
  });

  it('never exceeds either window for any arrival pattern (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        async (arrivalGaps, perSecond) => {
          const time = fakeTime();
          const { bucket, granted } = recordingBucket('orders', { perSecond, perMinute: perSecond * 20 }, time);
          const grants: Promise<number>[] = [];
          for (const gap of arrivalGaps) {
            time.advance(gap);
            grants.push(bucket.acquire());
            await Promise.resolve();
          }
          await Promise.all(grants);
          expect(maxInAnyWindow(granted, 1_000)).toBeLessThanOrEqual(perSecond);
          expect(maxInAnyWindow(granted, 60_000)).toBeLessThanOrEqual(perSecond * 20);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sends at once when the bucket is idle and reports the wait of queued requests', async () => {
    const time = fakeTime();
    const bucket = new RateBucket('other', { perSecond: 3, perMinute: 180 }, tuning, time);
    const waits = await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThan(0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
    const stats = bucket.stats();
    expect(stats.granted).toBe(3);
    expect(stats.waits).toBe(2);
    expect(stats.maxWaitMs).toBe(waits[2]);
    expect(stats.totalWaitMs).toBe((waits[1] ?? 0) + (waits[2] ?? 0));
    expect(stats.sentLastSecond).toBe(3);
    expect(stats.queued).toBe(0);
  });

  it('shows queued requests while they wait', async () => {
    const time = fakeTime();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowTime: LimiterTime = { ...time, sleep: async (ms) => (await gate, time.sleep(ms)) };
    const queueLengths: number[] = [];
    const bucket = new RateBucket('other', { perSecond: 3, perMinute: 180 }, tuning, slowTime, {
      onQueueChange: (n) => queueLengths.push(n),
    });
    const all = Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    await Promise.resolve();
    expect(bucket.stats().queued).toBe(3);
    release();
    await all;
    expect(bucket.stats().queued).toBe(0);
    expect(Math.max(...queueLengths)).toBe(3);
  });

  it('pauses and slows down after a 429, then recovers', async () => {
    const time = fakeTime();
    const bucket = new RateBucket('orders', { perSecond: 12, perMinute: 720 }, tuning, time);
    await bucket.acquire();
    const normalSpacing = bucket.stats().spacingMs;
    bucket.penalize();
    expect(bucket.stats().slowdown).toBe(2);
    // The penalty plus its jitter (random 0.5 of 10 ms).
    expect(bucket.stats().pausedForMs).toBe(1_005);
    const before = time.now();
    await bucket.acquire();
    expect(time.now() - before).toBe(1_005);
    expect(bucket.stats().spacingMs).toBeCloseTo(normalSpacing * 2);
    bucket.penalize(5_000); // Retry-After wins when given
    expect(bucket.stats().pausedForMs).toBe(5_005);
    expect(bucket.stats().slowdown).toBe(4);
    expect(bucket.stats().hits429).toBe(2);
    time.advance(60_000);
    expect(bucket.stats().slowdown).toBe(1);
  });

  it('spreads the resumption after a 429 by the jitter, so two users of one account do not restart in lockstep', async () => {
    const resumedAt = async (random: number): Promise<number> => {
      const time = fakeTime(1_000_000, random);
      const bucket = new RateBucket('orders', { perSecond: 12, perMinute: 720 }, tuning, time);
      bucket.penalize(2_000);
      await bucket.acquire();
      return time.now() - 1_000_000;
    };
    expect(await resumedAt(0)).toBe(2_000);
    expect(await resumedAt(0.99)).toBeCloseTo(2_000 + 0.99 * tuning.jitterMs, 6);
  });

  it('keeps both windows through 429 pauses at any moment (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 500 }), hit: fc.boolean() }), { maxLength: 80 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        async (events, random) => {
          const time = fakeTime(1_000_000, random);
          const granted: number[] = [];
          const bucket = new RateBucket('orders', { perSecond: 12, perMinute: 100 }, tuning, time, {
            onGrant: () => granted.push(time.now()),
          });
          const grants: Promise<number>[] = [];
          for (const { gap, hit } of events) {
            time.advance(gap);
            if (hit) bucket.penalize();
            grants.push(bucket.acquire(), bucket.acquire());
            await Promise.resolve();
          }
          await Promise.all(grants);
          expect(granted).toHaveLength(2 * events.length);
          expect(maxInAnyWindow(granted, 1_000 + tuning.safetyMarginMs)).toBeLessThanOrEqual(12);
          expect(maxInAnyWindow(granted, 60_000)).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('drops an aborted waiter from the queue without granting it', async () => {
    const time = fakeTime();
    const bucket = new RateBucket('other', { perSecond: 3, perMinute: 180 }, tuning, time);
    await bucket.acquire();
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(bucket.stats().queued).toBe(0);
    expect(bucket.stats().granted).toBe(1);
    await expect(bucket.acquire(controller.signal)).rejects.toThrow('stop');
  });
});

describe('AccountRateLimiter', () => {
  it('keeps the order and other budgets apart', async () => {
    const time = fakeTime();
    const limiter = new AccountRateLimiter(
      { orders: { perSecond: 12, perMinute: 720 }, other: { perSecond: 3, perMinute: 180 } },
      tuning,
      time,
    );
    for (let i = 0; i < 3; i++) await limiter.acquire('other');
    const start = time.now();
    await limiter.acquire('orders');
    expect(time.now()).toBe(start); // the full other bucket does not delay order routes
    const stats = limiter.stats();
    expect(stats.other.granted).toBe(3);
    expect(stats.orders.granted).toBe(1);
  });
});
