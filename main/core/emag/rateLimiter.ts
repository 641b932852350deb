// Per-account rate limiting that keeps eMAG's limits by construction: requests queue for a slot instead of being refused.
import type { RateBucketName } from './routes';

/** Time as the limiter sees it; tests pass a fake one. */
export interface LimiterTime {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export interface BucketLimits {
  perSecond: number;
  perMinute: number;
}

export interface BucketTuning {
  safetyMarginMs: number;
  jitterMs: number;
  penaltyMs: number;
  slowdownDecayMs: number;
}

export interface BucketStats {
  /** The bucket's limits (eMAG's, unless the client was configured otherwise). */
  limits: BucketLimits;
  /** Requests waiting for a slot right now. */
  queued: number;
  /** Requests granted in the last 1000 ms / 60 000 ms. */
  sentLastSecond: number;
  sentLastMinute: number;
  granted: number;
  /** Grants that had to wait, and the time they waited in total / at most / last. */
  waits: number;
  totalWaitMs: number;
  maxWaitMs: number;
  lastWaitMs: number;
  /** 429 answers reported for this bucket. */
  hits429: number;
  /** Remaining pause after a 429, 0 when none. */
  pausedForMs: number;
  /** Current slowdown factor (1 = full speed, 2 = half speed, ...). */
  slowdown: number;
  /** Current minimum gap between two sends. */
  spacingMs: number;
}

export interface BucketEvents {
  onQueueChange?: (queued: number) => void;
  onGrant?: (waitedMs: number) => void;
}

interface Waiter {
  enqueuedAt: number;
  resolve: (waitedMs: number) => void;
  detach: () => void;
}

const SECOND = 1_000;
const MINUTE = 60_000;
const MAX_SLOWDOWN = 8;

/**
 * One sliding-window budget (e.g. "order routes of account main"). A request is counted when it is granted, which is
 * immediately before it is sent. Three rules must all allow a grant:
 * - sends are spaced at least (1 s + margin) / perSecond apart, so bursts are smoothed out;
 * - fewer than perSecond grants in the last (1 s + margin);
 * - fewer than perMinute grants in the last (60 s + 10 x margin).
 * The margin absorbs network jitter: requests that leave evenly can arrive bunched. The rules are checked against the
 * clock right before each grant (a timer that fires early just sleeps again), so they hold whatever the timers do.
 */
export class RateBucket {
  private readonly sent: number[] = [];
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private pausedUntil = 0;
  private slowdownAtHit = 1;
  private lastHitAt = Number.NEGATIVE_INFINITY;
  private counters = { granted: 0, waits: 0, totalWaitMs: 0, maxWaitMs: 0, lastWaitMs: 0, hits429: 0 };
  private readonly secondWindow: number;
  private readonly minuteWindow: number;

  constructor(
    readonly name: RateBucketName,
    private readonly limits: BucketLimits,
    private readonly tuning: BucketTuning,
    private readonly time: LimiterTime,
    private readonly events: BucketEvents = {},
  ) {
    this.secondWindow = SECOND + tuning.safetyMarginMs;
    this.minuteWindow = MINUTE + 10 * tuning.safetyMarginMs;
  }

  /** Resolves (with the time waited) when a request may be sent now; rejects if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
    return new Promise<number>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        this.events.onQueueChange?.(this.queue.length);
        reject(signal?.reason ?? new Error('aborted'));
      };
      const waiter: Waiter = {
        enqueuedAt: this.time.now(),
        resolve,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.events.onQueueChange?.(this.queue.length);
      void this.pump();
    });
  }

  /**
   * A 429 came back anyway: pause the bucket (Retry-After when given) and halve its speed for a while. The pause ends
   * up to `jitterMs` later at random: whoever else spends this account's budget (the usual cause of a surprise 429)
   * waits out the same Retry-After, and both resuming on the same millisecond would collide again.
   */
  penalize(retryAfterMs?: number): void {
    const now = this.time.now();
    this.counters.hits429 += 1;
    this.slowdownAtHit = Math.min(MAX_SLOWDOWN, this.currentSlowdown(now) * 2);
    this.lastHitAt = now;
    const pause = (retryAfterMs ?? this.tuning.penaltyMs) + this.time.random() * this.tuning.jitterMs;
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
  }

  /**
   * eMAG said the account's budget is spent for now (X-RateLimit-Remaining-3second: 0) although no 429 came: hold
   * the next send back for `ms` (no slowdown: nothing was refused). Someone else may be using the same account.
   */
  holdFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.time.now() + ms);
  }

  stats(): BucketStats {
    const now = this.time.now();
    return {
      limits: { ...this.limits },
      queued: this.queue.length,
      sentLastSecond: this.sent.filter((at) => at > now - SECOND).length,
      sentLastMinute: this.sent.filter((at) => at > now - MINUTE).length,
      ...this.counters,
      pausedForMs: Math.max(0, this.pausedUntil - now),
      slowdown: this.currentSlowdown(now),
      spacingMs: this.spacing(now),
    };
  }

  private currentSlowdown(now: number): number {
    const halvings = Math.floor((now - this.lastHitAt) / this.tuning.slowdownDecayMs);
    return Math.max(1, this.slowdownAtHit / 2 ** Math.max(0, halvings));
  }

  private spacing(now: number): number {
    return (this.secondWindow / this.limits.perSecond) * this.currentSlowdown(now);
  }

  /** Milliseconds until the next send is allowed (0 = now). */
  private delayUntilAllowed(now: number): number {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.minuteWindow) this.sent.shift();
    let delay = this.pausedUntil - now;
    const last = this.sent[this.sent.length - 1];
    if (last !== undefined) delay = Math.max(delay, last + this.spacing(now) - now);
    delay = Math.max(delay, this.windowDelay(now, this.secondWindow, this.limits.perSecond));
    delay = Math.max(delay, this.windowDelay(now, this.minuteWindow, this.limits.perMinute));
    return Math.max(0, delay);
  }

  /** When `limit` sends already sit in the window, wait until the oldest of them leaves it. */
  private windowDelay(now: number, window: number, limit: number): number {
    let inWindow = 0;
    for (let i = this.sent.length - 1; i >= 0 && (this.sent[i] ?? 0) > now - window; i--) inWindow++;
    if (inWindow < limit) return 0;
    const oldestCounted = this.sent[this.sent.length - limit] ?? now;
    return oldestCounted + window - now;
  }

  /**
   * Serves waiters in arrival order; one pump runs at a time, so grants are sequential and no two waiters of a bucket
   * can fire together. It therefore sleeps exactly until the next slot: random extra here would only lower the rate.
   */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.time.now();
        const delay = this.delayUntilAllowed(now);
        if (delay > 0) {
          await this.time.sleep(delay);
          continue;
        }
        const waiter = this.queue.shift();
        if (!waiter) break;
        waiter.detach();
        this.sent.push(now);
        const waited = now - waiter.enqueuedAt;
        this.record(waited);
        this.events.onQueueChange?.(this.queue.length);
        waiter.resolve(waited);
      }
    } finally {
      this.pumping = false;
    }
  }

  private record(waitedMs: number): void {
    const c = this.counters;
    c.granted += 1;
    c.lastWaitMs = waitedMs;
    if (waitedMs > 0) {
      c.waits += 1;
      c.totalWaitMs += waitedMs;
      c.maxWaitMs = Math.max(c.maxWaitMs, waitedMs);
    }
    this.events.onGrant?.(waitedMs);
  }
}

export type LimiterStats = Record<RateBucketName, BucketStats>;

/** The two budgets of one eMAG account. */
export class AccountRateLimiter {
  readonly buckets: Record<RateBucketName, RateBucket>;

  constructor(
    limits: Record<RateBucketName, BucketLimits>,
    tuning: BucketTuning,
    time: LimiterTime,
    events: (bucket: RateBucketName) => BucketEvents = () => ({}),
  ) {
    this.buckets = {
      orders: new RateBucket('orders', limits.orders, tuning, time, events('orders')),
      other: new RateBucket('other', limits.other, tuning, time, events('other')),
    };
  }

  acquire(bucket: RateBucketName, signal?: AbortSignal): Promise<number> {
    return this.buckets[bucket].acquire(signal);
  }

  penalize(bucket: RateBucketName, retryAfterMs?: number): void {
    this.buckets[bucket].penalize(retryAfterMs);
  }

  holdFor(bucket: RateBucketName, ms: number): void {
    this.buckets[bucket].holdFor(ms);
  }

  stats(): LimiterStats {
    return { orders: this.buckets.orders.stats(), other: this.buckets.other.stats() };
  }
}
