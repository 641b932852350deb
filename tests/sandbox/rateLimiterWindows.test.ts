import { describe, expect, it } from 'vitest';
import { LIMITS, RateLimiter } from '../../main/sandbox/rateLimiter';

describe('RateLimiter sliding windows', () => {
  it('uses eMAG limits: 12/s and 720/min for orders, 3/s and 180/min for everything else', () => {
    expect(LIMITS).toEqual({ orders: { perSecond: 12, perMinute: 720 }, other: { perSecond: 3, perMinute: 180 } });
  });

  it('stops the request past the minute budget even when every second is under its own budget', () => {
    const limiter = new RateLimiter(true, {
      orders: { perSecond: 10, perMinute: 5 },
      other: { perSecond: 1, perMinute: 1 },
    });
    const allowed = [0, 10_000, 20_000, 30_000, 40_000, 50_000, 59_999].map(
      (t) => limiter.take('a', 'orders', t).allowed,
    );
    expect(allowed).toEqual([true, true, true, true, true, false, false]);
    // 60 s after the first request its slot is free again.
    expect(limiter.take('a', 'orders', 60_000).allowed).toBe(true);
  });

  it('never lets more than 12 order requests into any 1 s window (so 720/min cannot be exceeded either)', () => {
    const limiter = new RateLimiter(true);
    const accepted: number[] = [];
    for (let t = 0; t < 120_000; t += 7) if (limiter.take('a', 'orders', t).allowed) accepted.push(t);
    for (let i = 12; i < accepted.length; i++)
      expect((accepted[i] ?? 0) - (accepted[i - 12] ?? 0)).toBeGreaterThanOrEqual(1000);
    for (let i = 720; i < accepted.length; i++) {
      expect((accepted[i] ?? 0) - (accepted[i - 720] ?? 0)).toBeGreaterThanOrEqual(60_000);
    }
    expect(accepted.length).toBeGreaterThan(1400);
  });
});
