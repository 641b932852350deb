// Helpers for the client's integration tests against the eMAG sandbox: a client wired to it, and window analysis.
import { afterAll, afterEach } from 'vitest';
import { createEmagClient, type EmagClient, type EmagClientConfig } from '../../../main/core/emag';
import { createMemoryLogger, type MemoryLogger } from '../../../main/core/logging';
import { createMetrics, type AppMetrics } from '../../../main/core/metrics';
import type { RequestLogEntry, Sandbox } from '../../../main/sandbox';

export interface Harness {
  client: EmagClient;
  logger: MemoryLogger;
  metrics: AppMetrics;
}

/** A client for one sandbox account; logs are captured raw (debug included) so tests can prove redaction. */
export function sandboxClient(
  sandbox: Sandbox,
  credentials: { username: string; password: string },
  overrides: Partial<EmagClientConfig> = {},
  shared: Partial<Omit<Harness, 'client'>> = {},
): Harness {
  const logger = shared.logger ?? createMemoryLogger({ redact: false });
  const metrics = shared.metrics ?? createMetrics();
  const client = createEmagClient(
    {
      account: credentials.username,
      platform: 'emag-ro',
      apiUrl: sandbox.url,
      username: credentials.username,
      password: credentials.password,
      ...overrides,
    },
    { logger, metrics },
  );
  return { client, logger, metrics };
}

/**
 * The most requests the sandbox saw in any 1-second sliding window, counted the way its limiter counts:
 * for each arrival, the arrivals in (at - 1000 ms, at].
 */
export function busiestSecond(entries: readonly RequestLogEntry[]): number {
  const times = entries.map((e) => e.at).sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[start] ?? 0) <= (times[end] ?? 0) - 1_000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export const logFor = (sandbox: Sandbox, username: string): RequestLogEntry[] =>
  sandbox.requestLog.filter((entry) => entry.account === username);

/** After each test of the file: the sandbox's faults off and its request log empty; after the file: closed. */
export function cleanUpSandbox(current: () => Sandbox): void {
  afterEach(() => {
    current().setFaults([]);
    current().clearRequestLog();
  });
  afterAll(async () => {
    await current().close();
  });
}
