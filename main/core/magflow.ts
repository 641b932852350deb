// The headless MagFlow core: database, eMAG clients, sync engine, scheduler, cache, events and the IPC dispatcher,
// assembled from a data folder. The Electron shell and the CLI both start exactly this; neither adds logic to it.
import { join, resolve } from 'node:path';
import type { Settings } from '../../shared/settings';
import type { AppInfo } from '../../shared/views';
import { accountPassword, accountService, type AccountService } from './accounts/service';
import { createAppCache, type AppCache } from './cache/appCache';
import { invalidateOnWrites } from './cache/entries';
import { systemClock, type Clock } from './clock';
import { createRepositories, openDatabase, type Db, type Repositories } from './db';
import { demoMode, type Demo, type DemoOptions } from './demo';
import { diagnostics } from './diagnostics';
import { apiUrlProblem, emagClients, type ClientTuning, type EmagClients } from './emagClients';
import { createEventBus, type EventBus } from './events/bus';
import { createDispatcher, type Dispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { silentLogger, type Logger } from './logging';
import { createMetrics, type AppMetrics } from './metrics';
import { invoiceService, type InvoiceService } from './invoices/service';
import { orderActions, type OrderActions } from './orders/actions';
import { returnsService, type ReturnsService } from './returns/service';
import { courierAccounts } from './orders/couriers';
import { offerEdits, type OfferEdits } from './offers/offerEdits';
import { offerMeta } from './offers/offerMeta';
import { createNewOrderWatch, type NewOrderWatch } from './scheduler/newOrderWatch';
import { readTodayQueue } from './orders/today';
import type { TodayQueue } from '../../shared/today';
import { noFileOpener, type FileOpener } from './shipping/fileOpener';
import { shippingService, type ShippingService } from './shipping/service';
import { createScheduler, type Scheduler } from './scheduler/scheduler';
import { fileSecretStore } from './secrets/fileStore';
import { settingsService, type SettingsService } from './settings/service';
import type { SecretStore } from './secrets/store';
import type { DataDirLock } from './lock/dataDirLock';
import { closeInterruptedRuns } from './lock/interruptedRuns';
import type { SyncTuning } from './sync/context';
import { liveHealth } from './sync/liveHealth';
import { createSyncEngine, type SyncEngine } from './sync/engine';
import { dailyBackup } from './db/backup';
import { runOffThread } from './db/worker/offThread';
import { headlessUpdates, type UpdatesPort } from './updates';

export interface MagflowCoreOptions {
  dataDir: string;
  version?: string;
  runtime?: AppInfo['runtime'];
  logsDir?: string | null;
  logger?: Logger;
  clock?: Clock;
  /** Default: a 0600 file in the data folder (headless). The desktop app passes a safeStorage-backed store. */
  secrets?: SecretStore;
  /** Start the built-in sandbox with demo accounts when no real account exists (default true). */
  demo?: boolean | DemoOptions;
  /** eMAG client settings for every account (tests shorten retries). */
  clientTuning?: ClientTuning;
  /** #17: opens a saved file (an AWB label) with the OS viewer (the shell); headless: not opened, the path is shown. */
  fileOpener?: FileOpener;
  /** Opens an allow-listed URL outside the app (the shell); the headless core refuses. */
  openExternal?: (url: string) => Promise<boolean>;
  metrics?: AppMetrics;
  random?: () => number;
  /** Sync engine knobs (tests shorten the outbox retry backoff). */
  syncTuning?: SyncTuning;
  /** Multiplies every schedule interval (the reliability soak runs the schedule faster); default 1. */
  schedulerIntervalScale?: number;
  /** Where the daily database backups go (default `backups/` in the data folder). */
  backupDir?: string;
  /**
   * The data-folder lock this process holds (the desktop app and the CLI commands that sync take it first). With it,
   * runs left `running` by a process that died are closed as interrupted as soon as the database is open.
   */
  dataDirLock?: DataDirLock;
  /** MagFlow's own updates (the desktop shell's updater); default: the headless answer, updates are off. */
  updates?: UpdatesPort;
}

export interface MagflowCore {
  readonly dataDir: string;
  readonly db: Db;
  readonly repos: Repositories;
  readonly bus: EventBus;
  readonly cache: AppCache;
  readonly metrics: AppMetrics;
  readonly logger: Logger;
  readonly clients: EmagClients;
  readonly engine: SyncEngine;
  readonly scheduler: Scheduler;
  /** The quick new-order check between full reads (issue 17 §5). */
  readonly newOrderWatch: NewOrderWatch;
  /** The today queue now (issue 17 §1): the tray's counts and the shipping-deadline pop-ups read it. */
  today(): TodayQueue;
  readonly accounts: AccountService;
  readonly settings: SettingsService;
  readonly actions: OrderActions;
  /** Issue 18: returns and the account-health figures. */
  readonly returns: ReturnsService;
  /** Invoice PDFs: the seller's bucket, uploads, bulk matching. */
  readonly invoices: InvoiceService;
  /** Offer price, stock and low-stock threshold edits. */
  readonly offerEdits: OfferEdits;
  /** #17 AWB: localities, AWBs with the saved defaults, labels. */
  readonly shipping: ShippingService;
  readonly dispatcher: Dispatcher;
  isDemo(): boolean;
  demo(): Demo | null;
  /** Starts demo mode if needed, then the scheduler. */
  start(): Promise<void>;
  /** Stops the scheduler (aborting runs when asked), the demo sandbox, the cache and the database. */
  stop(options?: { abort?: boolean }): Promise<void>;
}

export const DATABASE_FILE = 'magflow.db';
export const SECRETS_FILE = 'secrets.json';
export const BACKUP_FOLDER = 'backups';

export async function createMagflowCore(options: MagflowCoreOptions): Promise<MagflowCore> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  if (options.dataDirLock && resolve(options.dataDirLock.dataDir) !== resolve(options.dataDir)) {
    throw new Error(`the lock held is for ${options.dataDirLock.dataDir}, not for ${options.dataDir}`);
  }
  const dbPath = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(dbPath);
  const repos = createRepositories(db, clock);
  if (options.dataDirLock) closeInterruptedRuns(options.dataDirLock, repos, logger);
  const secrets = options.secrets ?? fileSecretStore(join(options.dataDir, SECRETS_FILE));
  const bus = createEventBus((error, event) => logger.warn('event listener failed', { event: event.type, error }));
  const cache = createAppCache(db, { clock });
  const metrics = options.metrics ?? createMetrics();
  const settingsStore = settingsService({ repos, bus });
  const settings = (): Settings => settingsStore.get();

  const clients = emagClients({
    repos,
    passwordOf: (accountId) => accountPassword(repos, secrets, accountId),
    bus,
    clientDeps: { logger, metrics, ...(options.random ? { random: options.random } : {}) },
    ...(options.clientTuning ? { tuning: options.clientTuning } : {}),
  });
  const accounts = accountService({
    repos,
    secrets,
    bus,
    checkApiUrl: apiUrlProblem,
    testConnection: (target) => clients.testConnection(target),
    language: () => settingsStore.get().language,
  });
  invalidateOnWrites(bus, cache);

  const engine = createSyncEngine({
    repos,
    bus,
    clock,
    logger,
    cache,
    metrics,
    settings,
    clientFor: (accountId: number) => clients.clientFor(accountId),
    backup: (signal) =>
      dailyBackup(dbPath, options.backupDir ?? join(options.dataDir, BACKUP_FOLDER), { clock, signal }),
    checkDatabase: (signal) => runOffThread({ kind: 'check', path: dbPath, depth: 'quick' }, { signal }),
    ...(options.syncTuning ? { tuning: options.syncTuning } : {}),
  });
  const demo = demoMode({ repos, accounts, bus, logger });
  const scheduler = createScheduler({
    engine,
    repos,
    bus,
    clock,
    logger,
    settings,
    isDemo: demo.isActive,
    ...(options.random ? { random: options.random } : {}),
    ...(options.schedulerIntervalScale ? { intervalScale: options.schedulerIntervalScale } : {}),
  });

  const newOrderWatch = createNewOrderWatch({
    repos,
    clientFor: (accountId) => clients.clientFor(accountId),
    scheduler,
    settings,
    logger,
    ...(options.random ? { random: options.random } : {}),
  });

  const actions = orderActions({
    repos,
    bus,
    clock,
    kickOutbox: (accountId) => scheduler.kickOutbox(accountId),
    undoDelayMs: () => settings().actionUndoSec * 1000,
  });
  const invoices = invoiceService({ repos, secrets, actions, clock, logger });
  const offerEditor = offerEdits({
    repos,
    bus,
    settings,
    meta: offerMeta({ cache, clientFor: (accountId) => clients.clientFor(accountId), logger }),
    kickOutbox: (accountId) => scheduler.kickOutbox(accountId),
  });
  const returns = returnsService({
    repos,
    bus,
    clock,
    settings: () => settingsStore.get(),
    kickOutbox: (accountId) => scheduler.kickOutbox(accountId),
  });
  const shipping = shippingService({
    repos,
    cache,
    clientFor: (accountId) => clients.clientFor(accountId),
    settings: () => settingsStore.get(),
    actions,
    opener: options.fileOpener ?? noFileOpener,
    dataDir: options.dataDir,
    clock,
  });

  const handlers = createHandlers({
    repos,
    clock,
    cache,
    accounts,
    settings: settingsStore,
    actions,
    invoices,
    offerEdits: offerEditor,
    sync: scheduler,
    health: () =>
      liveHealth(engine.healthReport(), {
        state: scheduler.state(),
        failedActions: (accountId) => repos.outbox.countByState('failed', accountId),
      }),
    diagnostics: diagnostics({ clients, cache, repos, metrics }),
    couriers: courierAccounts({ cache, clientFor: (accountId) => clients.clientFor(accountId) }),
    shipping,
    info: () => ({
      version: options.version ?? '0.0.0',
      demo: demo.isActive(),
      dataDir: options.dataDir,
      logsDir: options.logsDir ?? null,
      platform: process.platform,
      runtime: options.runtime ?? 'browser',
      accounts: repos.accounts.list(),
    }),
    openExternal: options.openExternal ?? (async () => false),
    updates: options.updates ?? headlessUpdates(options.version ?? '0.0.0'),
    returns,
  });
  const dispatcher = createDispatcher(handlers, {
    // Main's errors read in the window's language, which is the settings' language.
    language: () => settingsStore.get().language,
    onInternalError: (channel, error) => logger.error('IPC handler failed', { channel, error }),
  });

  return {
    dataDir: options.dataDir,
    db,
    repos,
    bus,
    cache,
    metrics,
    logger,
    clients,
    engine,
    scheduler,
    newOrderWatch,
    today: () => readTodayQueue(repos, clock),
    accounts,
    settings: settingsStore,
    actions,
    returns,
    invoices,
    offerEdits: offerEditor,
    shipping,
    dispatcher,
    isDemo: demo.isActive,
    demo: demo.current,
    async start() {
      const demoOption = options.demo ?? true;
      if (demoOption) await demo.startIfNoRealAccount(demoOption === true ? {} : demoOption);
      scheduler.start();
      newOrderWatch.start();
    },
    async stop(stopOptions = {}) {
      newOrderWatch.stop();
      await scheduler.stop(stopOptions);
      await demo.stop();
      await cache.close();
      db.close();
    },
  };
}
