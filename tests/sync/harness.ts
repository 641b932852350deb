// A sync engine wired to a real eMAG sandbox over HTTP on 127.0.0.1, with an in-memory (or file) database, a
// recording event bus and fast client tuning. Each test gets its own.
import type { Account } from '../../shared/domain';
import type { MagflowEvent, MagflowEventType, EventOf } from '../../shared/events';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { createAppCache, type AppCache } from '../../main/core/cache/appCache';
import { invalidateOnWrites } from '../../main/core/cache/entries';
import { systemClock, type Clock } from '../../main/core/clock';
import { createRepositories, openDatabase, type Db, type Repositories } from '../../main/core/db';
import { createEmagClient, type EmagClient } from '../../main/core/emag';
import { createEventBus, type EventBus } from '../../main/core/events/bus';
import { silentLogger } from '../../main/core/logging';
import { createMetrics, type AppMetrics } from '../../main/core/metrics';
import { startSandbox, type FaultRule, type Sandbox, type SandboxAccountSpec } from '../../main/sandbox';
import type { SyncTuning } from '../../main/core/sync/context';
import { createSyncEngine, type SyncEngine } from '../../main/core/sync/engine';
import { unpacedRateLimits } from '../support/clientTuning';

export interface HarnessOptions {
  accounts: SandboxAccountSpec[];
  seed?: number;
  faults?: FaultRule[];
  rateLimit?: boolean;
  settings?: SettingsPatch;
  tuning?: SyncTuning;
  clock?: Clock;
  dbPath?: string;
  /** Use this sandbox instead of starting one (a restarted process against the same eMAG). */
  sandbox?: Sandbox;
  /** Overrides of the fast client settings (e.g. retry.maxAttempts 1 so every failure reaches the outbox). */
  client?: {
    retry?: { maxAttempts?: number; initialDelayMs?: number; maxDelayMs?: number };
    timeoutMs?: number;
    /** eMAG's own pacing instead of the fast one (a test about the limiter). */
    rateLimits?: ReturnType<typeof unpacedRateLimits>;
  };
  /** Passwords the app believes (default: the sandbox's). */
  passwords?: Record<string, string>;
  /**
   * Adjusts the settings the engine sees, past the schema's limits (e.g. a 1 s run timeout or sub-second intervals,
   * which the seller could never set): tests stay short without waiting real minutes.
   */
  adjustSettings?: (settings: Settings) => Settings;
}

export interface Harness {
  sandbox: Sandbox;
  db: Db;
  repos: Repositories;
  bus: EventBus;
  cache: AppCache;
  metrics: AppMetrics;
  engine: SyncEngine;
  /** The settings the engine sees (stored settings, adjusted). */
  settings(): Settings;
  clock: Clock;
  events: MagflowEvent[];
  accounts: Record<string, Account>;
  clientFor(accountId: number): EmagClient;
  eventsOf<T extends MagflowEventType>(type: T): EventOf<T>[];
  /** Requests the sandbox logged for an account and route (e.g. 'order/read'). */
  requests(username: string, route?: string): number;
  close(options?: { keepSandbox?: boolean }): Promise<void>;
}

export const accountName = (username: string): string => username.toUpperCase();

/** Fast, generous client settings: tests are about the sync, not the client's pacing. */
export const FAST_CLIENT = {
  retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
  rateLimits: unpacedRateLimits(10_000),
  breaker: { consecutiveFailures: 50, halfOpenAfterMs: 1_000 },
  timeoutMs: 5_000,
} as const;

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const clock = options.clock ?? systemClock;
  const sandbox =
    options.sandbox ??
    (await startSandbox({
      port: 0,
      seed: options.seed ?? 11,
      accounts: options.accounts,
      rateLimit: options.rateLimit ?? false,
      ...(options.faults ? { faults: options.faults } : {}),
      // One time for both sides: a hand-moved clock moves eMAG's order dates and windows too.
      ...(options.clock ? { now: () => clock.now() } : {}),
    }));
  const db = openDatabase(options.dbPath ?? ':memory:');
  const repos = createRepositories(db, clock);
  repos.settings.update({ orderChangesLookbackDays: 91, ...options.settings });
  const accounts: Record<string, Account> = {};
  for (const spec of options.accounts) {
    const name = accountName(spec.username);
    accounts[spec.username] =
      repos.accounts.getByName(name) ??
      repos.accounts.create({
        name,
        platform: 'emag-ro',
        kind: spec.kind,
        username: spec.username,
        apiUrl: sandbox.url,
        secretRef: `test:${spec.username}`,
      });
  }
  const metrics = createMetrics();
  const clients = new Map<number, EmagClient>();
  const clientFor = (accountId: number): EmagClient => {
    let client = clients.get(accountId);
    if (!client) {
      const account = repos.accounts.get(accountId)!;
      const spec = options.accounts.find((a) => a.username === account.username)!;
      client = createEmagClient(
        {
          ...FAST_CLIENT,
          ...options.client,
          retry: { ...FAST_CLIENT.retry, ...options.client?.retry },
          account: account.name,
          platform: account.platform,
          apiUrl: account.apiUrl ?? sandbox.url,
          username: account.username,
          password: options.passwords?.[account.username] ?? spec.password,
        },
        { metrics },
      );
      clients.set(accountId, client);
    }
    return client;
  };
  const bus = createEventBus((error) => {
    throw error;
  });
  const events: MagflowEvent[] = [];
  bus.onAny((event) => events.push(event));
  const cache = createAppCache(db, { clock });
  invalidateOnWrites(bus, cache);
  const settings = (): Settings => {
    const stored = repos.settings.get();
    return options.adjustSettings ? options.adjustSettings(stored) : stored;
  };
  const engine = createSyncEngine({
    repos,
    bus,
    clock,
    logger: silentLogger,
    cache,
    clientFor,
    settings,
    metrics,
    tuning: { outboxRetryBaseMs: 20, outboxRetryMaxMs: 100, ...options.tuning },
  });
  return {
    sandbox,
    db,
    repos,
    bus,
    cache,
    metrics,
    engine,
    settings,
    clock,
    events,
    accounts,
    clientFor,
    eventsOf: <T extends MagflowEventType>(type: T) => events.filter((e): e is EventOf<T> => e.type === type),
    requests: (username, route) =>
      sandbox.requestLog.filter((r) => r.account === username && (route === undefined || r.route === route)).length,
    async close(closeOptions = {}) {
      await cache.close();
      db.close();
      if (!closeOptions.keepSandbox && !options.sandbox) await sandbox.close();
    },
  };
}

/** Runs the outbox drain of an account until nothing is due (retries included), or gives up after `rounds`. */
export async function drainUntilIdle(h: Harness, accountId: number, rounds = 40): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await h.engine.runJob('send-actions', accountId, 'manual');
    const pending = h.repos.outbox.countByState('pending', accountId);
    if (pending === 0) return;
    const nextDue = h.repos.outbox.nextDueAt(accountId);
    const wait = nextDue ? Math.max(0, Date.parse(nextDue) - Date.now()) : 0;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait + 5, 500)));
  }
  throw new Error(`outbox of account ${accountId} still has pending actions after ${rounds} rounds`);
}

/** A clock the test moves by hand (repositories, engine and scheduler read it; real timers still run). */
export function manualClock(start = Date.now()): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (ms) => void (now = ms),
  };
}
