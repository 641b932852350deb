// How the client behaves when the sandbox misbehaves: retries, circuit breaker, auth and API errors, bad bodies,
// cancellation, and secrets kept out of every log line.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEmagError, EmagError } from '../../main/core/emag';
import { createMemoryLogger } from '../../main/core/logging';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { failure } from './support/failure';
import { cleanUpSandbox, logFor, sandboxClient } from './support/sandboxClient';

const SHOP = { username: 'shop-faults', password: 'faults-Pa55-word' };
const BASIC = Buffer.from(`${SHOP.username}:${SHOP.password}`).toString('base64');
const WRONG_PASSWORD = 'wrong-Pa55-guess';

/** One raw log capture shared by every client in this file, checked for secrets at the end. */
const logger = createMemoryLogger({ redact: false });

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, accounts: [{ ...SHOP, kind: 'main', orders: 30, offers: 10 }] });
});
cleanUpSandbox(() => sandbox);

const fastRetries = { retry: { initialDelayMs: 20, maxDelayMs: 100 } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transient failures', () => {
  it('still succeeds with 30% of requests failing with HTTP 500 or a connection reset', async () => {
    // At 30% a call fails 3 times in a row 2.7% of the time: this test gives the budget 5 attempts (0.24%).
    const retry = { ...fastRetries.retry, maxAttempts: 5 };
    const { client, metrics } = sandboxClient(sandbox, SHOP, { retry }, { logger });
    // Seeded sandbox: the fault sequence is the same on every run.
    sandbox.setFaults([
      { route: '*', kind: 'http500', probability: 0.15 },
      { route: '*', kind: 'reset', probability: 0.18 },
    ]);
    for (let i = 0; i < 30; i++) {
      const orders = await client.orders.read({ itemsPerPage: 10, currentPage: (i % 3) + 1 });
      expect(orders).toHaveLength(10);
    }
    const log = logFor(sandbox, SHOP.username);
    const faulted = log.filter((e) => e.fault !== undefined);
    expect(faulted.some((e) => e.fault === 'http500')).toBe(true);
    expect(faulted.some((e) => e.fault === 'reset')).toBe(true);
    expect(faulted.length / log.length).toBeGreaterThan(0.2);
    expect(log.length - faulted.length).toBe(30);
    expect(client.breakerState()).toBe('closed');
    expect(await metrics.registry.metrics()).toMatch(
      new RegExp(`magflow_emag_retries_total\\{account="${SHOP.username}",route="order/read"\\} ${faulted.length}`),
    );
  });

  it('with every request failing, opens the breaker, keeps the requests sent bounded, and closes after a good trial', async () => {
    const breaker = { consecutiveFailures: 5, halfOpenAfterMs: 1_500 };
    const { client } = sandboxClient(sandbox, SHOP, { ...fastRetries, breaker }, { logger });
    sandbox.setFaults([{ route: '*', kind: 'http500' }]);

    const calls = await Promise.allSettled(Array.from({ length: 20 }, () => client.orders.read()));
    const errors = calls.map((c) => (c.status === 'rejected' ? (c.reason as EmagError) : undefined));
    expect(errors.every((e) => e instanceof EmagError)).toBe(true);
    expect(errors.some((e) => e?.kind === 'circuitOpen')).toBe(true);
    expect(client.breakerState()).toBe('open');
    // 20 calls x 3 attempts would be 60 requests; the breaker stops it at the threshold plus what was in flight.
    const sentWhileFailing = logFor(sandbox, SHOP.username).length;
    expect(sentWhileFailing).toBeGreaterThanOrEqual(breaker.consecutiveFailures);
    expect(sentWhileFailing).toBeLessThanOrEqual(breaker.consecutiveFailures + 6 - 1);

    // While open: nothing reaches eMAG.
    expect((await failure(client.vat.read())).kind).toBe('circuitOpen');
    expect(logFor(sandbox, SHOP.username)).toHaveLength(sentWhileFailing);

    // After the cool-down a failing trial re-opens it with exactly one request...
    await sleep(breaker.halfOpenAfterMs + 50);
    await failure(client.orders.read());
    expect(logFor(sandbox, SHOP.username)).toHaveLength(sentWhileFailing + 1);
    expect(client.breakerState()).toBe('open');

    // ...and once eMAG is healthy again, a successful trial closes it.
    sandbox.setFaults([]);
    await sleep(breaker.halfOpenAfterMs + 50);
    expect(await client.orders.read({ itemsPerPage: 5 })).toHaveLength(5);
    expect(client.breakerState()).toBe('closed');
    expect(logFor(sandbox, SHOP.username)).toHaveLength(sentWhileFailing + 2);
  });
});

describe('errors that are never retried', () => {
  it('wrong credentials: one auth error from exactly one request', async () => {
    const { client } = sandboxClient(sandbox, { username: SHOP.username, password: WRONG_PASSWORD }, {}, { logger });
    const error = await failure(client.orders.read());
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.messages).toEqual(['Invalid username or password']);
    expect(sandbox.requestLog).toHaveLength(1);
    expect(client.breakerState()).toBe('closed');
  });

  it("isError: true: an api error carrying eMAG's messages, one request", async () => {
    const { client } = sandboxClient(sandbox, SHOP, fastRetries, { logger });
    sandbox.setFaults([{ route: 'order/acknowledge', kind: 'isError' }]);
    const error = await failure(client.orders.acknowledge(sandbox.orders(SHOP.username)[0]?.id ?? 1));
    expect(error.kind).toBe('api');
    expect(error.messages).toEqual(['The request could not be processed (simulated fault)']);
    expect(describeEmagError(error)).toBe(
      'eMAG rejected order/acknowledge: The request could not be processed (simulated fault)',
    );
    expect(sandbox.requestLog).toHaveLength(1);
  });

  it('a real refusal from the sandbox is an api error too', async () => {
    const { client } = sandboxClient(sandbox, SHOP, fastRetries, { logger });
    const error = await failure(client.orders.acknowledge(999_999_999));
    expect(error.kind).toBe('api');
    expect(error.messages.join(' ')).toMatch(/999999999/);
    expect(sandbox.requestLog).toHaveLength(1);
  });
});

describe('bad responses', () => {
  it('an answer without isError is a badResponse after one request', async () => {
    const { client } = sandboxClient(sandbox, SHOP, fastRetries, { logger });
    sandbox.setFaults([{ route: 'order/read', kind: 'noIsError' }]);
    const error = await failure(client.orders.read());
    expect(error.kind).toBe('badResponse');
    expect(sandbox.requestLog).toHaveLength(1);
  });

  it('malformed JSON is a badResponse; it is retried (usually a truncated body) and recovers if the next one is fine', async () => {
    const { client } = sandboxClient(sandbox, SHOP, fastRetries, { logger });
    sandbox.setFaults([{ route: 'order/read', kind: 'malformedJson' }]);
    const error = await failure(client.orders.read());
    expect(error.kind).toBe('badResponse');
    expect(sandbox.requestLog).toHaveLength(3);

    sandbox.clearRequestLog();
    sandbox.setFaults([{ route: 'order/read', kind: 'malformedJson', count: 1 }]);
    expect(await client.orders.read({ itemsPerPage: 3 })).toHaveLength(3);
    expect(sandbox.requestLog.map((e) => e.fault ?? 'ok')).toEqual(['malformedJson', 'ok']);
  });
});

describe('cancellation and timeouts', () => {
  it('an AbortSignal stops a slow request at once', async () => {
    const { client } = sandboxClient(sandbox, SHOP, {}, { logger });
    sandbox.setFaults([{ route: 'order/read', kind: 'slow', delayMs: 5_000 }]);
    const controller = new AbortController();
    const started = Date.now();
    const pending = client.orders.read({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await failure(pending);
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a slow answer past the timeout is a timeout, retried', async () => {
    const { client } = sandboxClient(sandbox, SHOP, { ...fastRetries, timeoutMs: 150 }, { logger });
    sandbox.setFaults([{ route: 'order/count', kind: 'slow', delayMs: 1_000, count: 1 }]);
    const count = await client.orders.count();
    expect(count.noOfItems).toBe(30);
    // The sandbox logs a request when it answers: the slow one shows up last, with the earlier arrival time.
    await expect.poll(() => sandbox.requestLog.length).toBe(2);
    const byArrival = [...sandbox.requestLog].sort((a, b) => a.at - b.at);
    expect(byArrival.map((e) => e.fault ?? 'ok')).toEqual(['slow', 'ok']);
  });
});

describe('secrets', () => {
  it('never appear in any captured log line', () => {
    const lines = logger.lines();
    // The file's scenarios produced plenty of logging: retries, failures, breaker transitions.
    expect(lines.some((l) => l.includes('Retrying eMAG request'))).toBe(true);
    expect(lines.some((l) => l.includes('circuit breaker opened'))).toBe(true);
    expect(lines.some((l) => l.includes('eMAG request'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(SHOP.password);
      expect(line).not.toContain(WRONG_PASSWORD);
      expect(line).not.toContain(BASIC);
    }
  });
});
