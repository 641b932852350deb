// eMAG's per-account rate limits with sliding windows: order routes 12 in any 1 s and 720 in any 60 s; every
// other route together 3 in any 1 s and 180 in any 60 s. Refused (429) requests do not consume budget.
// Answers carry the spec's X-RateLimit-*-3second headers plus Kong-style -Second/-Minute ones (see docs/sandbox.md).

export type Bucket = 'orders' | 'other';

export const LIMITS: Readonly<Record<Bucket, { perSecond: number; perMinute: number }>> = {
  orders: { perSecond: 12, perMinute: 720 },
  other: { perSecond: 3, perMinute: 180 },
};

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Accepted request times of one (account, bucket), oldest first, pruned past 60 s. */
class Window {
  private times: number[] = [];
  private head = 0;

  private prune(now: number): void {
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - 60_000) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  counts(now: number): { lastSecond: number; lastThreeSeconds: number; lastMinute: number } {
    this.prune(now);
    let lastSecond = 0;
    let lastThreeSeconds = 0;
    for (let i = this.times.length - 1; i >= this.head && (this.times[i] as number) > now - 3000; i--) {
      lastThreeSeconds++;
      if ((this.times[i] as number) > now - 1000) lastSecond++;
    }
    return { lastSecond, lastThreeSeconds, lastMinute: this.times.length - this.head };
  }

  record(now: number): void {
    this.times.push(now);
  }
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  enabled: boolean;

  constructor(
    enabled: boolean,
    private readonly limits: Readonly<Record<Bucket, { perSecond: number; perMinute: number }>> = LIMITS,
  ) {
    this.enabled = enabled;
  }

  /**
   * Decides one request that spends several budgets: allowed only when each has room, then counted in each. The
   * headers describe the first budget.
   */
  takeAll(account: string, buckets: readonly Bucket[], now: number): RateDecision {
    const [first, ...others] = buckets;
    if (first === undefined) throw new Error('takeAll needs a bucket');
    if (this.enabled && others.some((bucket) => !this.hasRoom(account, bucket, now))) {
      return { allowed: false, headers: this.take(account, first, now, false).headers };
    }
    const decision = this.take(account, first, now);
    if (decision.allowed) for (const bucket of others) this.take(account, bucket, now);
    return decision;
  }

  private hasRoom(account: string, bucket: Bucket, now: number): boolean {
    const { lastSecond, lastMinute } = this.window(account, bucket).counts(now);
    const limit = this.limits[bucket];
    return lastSecond < limit.perSecond && lastMinute < limit.perMinute;
  }

  private window(account: string, bucket: Bucket): Window {
    const key = `${account}\u0000${bucket}`;
    let window = this.windows.get(key);
    if (!window) {
      window = new Window();
      this.windows.set(key, window);
    }
    return window;
  }

  /** Decides one request and, when allowed (and `record`), counts it. Headers describe the budget after it. */
  take(account: string, bucket: Bucket, now: number, record = true): RateDecision {
    const window = this.window(account, bucket);
    const limit = this.limits[bucket];
    const { lastSecond, lastThreeSeconds, lastMinute } = window.counts(now);
    const allowed = record && (!this.enabled || (lastSecond < limit.perSecond && lastMinute < limit.perMinute));
    if (allowed) window.record(now);
    const used = allowed ? 1 : 0;
    // The spec's example names a 3-second window without defining it: the sandbox reports three seconds' worth of
    // the per-second budget, and 0 remaining on every refusal, as in the spec's 429 example.
    const perThreeSeconds = 3 * limit.perSecond;
    return {
      allowed,
      headers: {
        'X-RateLimit-Limit-3second': String(perThreeSeconds),
        'X-RateLimit-Remaining-3second': allowed ? String(Math.max(perThreeSeconds - lastThreeSeconds - used, 0)) : '0',
        'X-RateLimit-Limit-Second': String(limit.perSecond),
        'X-RateLimit-Remaining-Second': String(Math.max(limit.perSecond - lastSecond - used, 0)),
        'X-RateLimit-Limit-Minute': String(limit.perMinute),
        'X-RateLimit-Remaining-Minute': String(Math.max(limit.perMinute - lastMinute - used, 0)),
      },
    };
  }

  reset(): void {
    this.windows.clear();
  }
}
