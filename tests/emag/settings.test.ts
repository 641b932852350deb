import { describe, expect, it } from 'vitest';
import { EMAG_PLATFORMS, isLoopbackHost, resolveApiUrl, resolveEmagClientSettings } from '../../main/core/emag';
import { thrownBy } from './support/failure';

const base = { account: 'main', platform: 'emag-ro' as const, username: 'shop@example.ro', password: 'p4ss-w0rd!' };

describe('platforms', () => {
  it('maps every marketplace to its API base URL', () => {
    expect(resolveApiUrl('emag-ro')).toBe('https://marketplace-api.emag.ro/api-3');
    expect(resolveApiUrl('emag-bg')).toBe('https://marketplace-api.emag.bg/api-3');
    expect(resolveApiUrl('emag-hu')).toBe('https://marketplace-api.emag.hu/api-3');
    expect(resolveApiUrl('fd-ro')).toBe('https://marketplace-ro-api.fashiondays.com/api-3');
    expect(resolveApiUrl('fd-bg')).toBe('https://marketplace-bg-api.fashiondays.com/api-3');
    expect(EMAG_PLATFORMS['emag-hu'].currency).toBe('HUF');
  });

  it('uses a custom https URL as given, without a trailing slash', () => {
    expect(resolveApiUrl('emag-ro', 'https://proxy.example.com/api-3/')).toBe('https://proxy.example.com/api-3');
  });

  it('allows plain http only for loopback hosts', () => {
    expect(resolveApiUrl('emag-ro', 'http://127.0.0.1:8123/api-3')).toBe('http://127.0.0.1:8123/api-3');
    expect(resolveApiUrl('emag-ro', 'http://127.4.5.6/api-3')).toBe('http://127.4.5.6/api-3');
    expect(resolveApiUrl('emag-ro', 'http://localhost:9000/api-3')).toBe('http://localhost:9000/api-3');
    expect(resolveApiUrl('emag-ro', 'http://[::1]:9000/api-3')).toBe('http://[::1]:9000/api-3');
    for (const url of ['http://marketplace-api.emag.ro/api-3', 'http://10.0.0.5/api-3', 'http://128.0.0.1/api-3']) {
      const error = thrownBy(() => resolveApiUrl('emag-ro', url));
      expect(error.kind).toBe('config');
      expect(error.message).toMatch(/Plain HTTP is refused/);
    }
  });

  it('refuses other schemes, credentials in the URL and garbage', () => {
    expect(thrownBy(() => resolveApiUrl('emag-ro', 'ftp://127.0.0.1/api-3')).kind).toBe('config');
    expect(thrownBy(() => resolveApiUrl('emag-ro', 'https://u:secret@host/api-3')).message).not.toContain('secret');
    expect(thrownBy(() => resolveApiUrl('emag-ro', 'not a url')).kind).toBe('config');
  });

  it('knows which hosts are loopback', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.evil.com')).toBe(false);
    expect(isLoopbackHost('localhost.evil.com')).toBe(false);
    expect(isLoopbackHost('1270.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
  });
});

describe('client settings', () => {
  it("fills every limit with eMAG's documented numbers and the resilience defaults", () => {
    const settings = resolveEmagClientSettings(base);
    expect(settings.baseUrl).toBe('https://marketplace-api.emag.ro/api-3');
    expect(settings.rateLimits.orders).toEqual({ perSecond: 12, perMinute: 720 });
    expect(settings.rateLimits.other).toEqual({ perSecond: 3, perMinute: 180 });
    // 80 ms: the smallest margin the benchmark ran without a 429 (docs/performance.md §1).
    expect(settings.rateLimits).toMatchObject({ safetyMarginMs: 80, jitterMs: 15, penaltyMs: 1_000 });
    expect(settings.retry.maxAttempts).toBe(3);
    expect(settings.breaker).toEqual({ consecutiveFailures: 5, halfOpenAfterMs: 60_000 });
    expect(settings.timeoutMs).toBe(30_000);
    expect(settings.maxInFlight).toEqual({ orders: 6, other: 3 });
    expect(settings.pageSize).toBe(100);
  });

  it('takes partial overrides and keeps the other defaults', () => {
    const settings = resolveEmagClientSettings({
      ...base,
      rateLimits: { other: { perSecond: 2 } },
      breaker: { halfOpenAfterMs: 500 },
    });
    expect(settings.rateLimits.other).toEqual({ perSecond: 2, perMinute: 180 });
    expect(settings.rateLimits.orders.perSecond).toBe(12);
    expect(settings.breaker).toEqual({ consecutiveFailures: 5, halfOpenAfterMs: 500 });
  });

  it('reports every invalid setting as a config error that never echoes the password', () => {
    const error = thrownBy(() =>
      resolveEmagClientSettings({ ...base, account: '', timeoutMs: -1, pageSize: 500, retry: { maxAttempts: 0 } }),
    );
    expect(error.kind).toBe('config');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/account/);
    expect(error.message).toMatch(/timeoutMs/);
    expect(error.message).toMatch(/pageSize/);
    expect(error.message).toMatch(/retry\.maxAttempts/);
    expect(error.message).not.toContain(base.password);
  });

  it('refuses an empty password and an unknown platform', () => {
    expect(thrownBy(() => resolveEmagClientSettings({ ...base, password: '' })).message).toMatch(/password/);
    expect(
      thrownBy(() => resolveEmagClientSettings({ ...base, platform: 'emag-pl' as unknown as 'emag-ro' })).kind,
    ).toBe('config');
  });
});
