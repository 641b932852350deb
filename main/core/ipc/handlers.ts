// What each IPC channel does: thin glue from the validated input to the core's services.
import type { CourierAccount } from '../../../shared/domain';
import type { AppInfo, DashboardView, DiagnosticsView, HealthReport, SyncStateView } from '../../../shared/views';
import type { SyncRun } from '../../../shared/domain';
import type { AccountService } from '../accounts/service';
import { CACHE_KEYS, CACHE_TTL } from '../cache/entries';
import { emagToday, type Clock } from '../clock';
import type { Repositories } from '../db';
import { conflict, notFound } from '../errors';
import type { InvoiceService } from '../invoices/service';
import type { OfferEdits } from '../offers/offerEdits';
import type { OrderActions } from '../orders/actions';
import type { ReturnsService } from '../returns/service';
import type { SettingsService } from '../settings/service';
import type { ShippingService } from '../shipping/service';
import type { UpdatesPort } from '../updates';
import { toOrderDetail } from '../orders/detail';
import { ordersForCsv, ordersToCsv } from '../orders/exportCsv';
import { bulkOrders } from '../orders/bulk';
import { readTodayQueue } from '../orders/today';
import type { IpcHandlers } from './dispatcher';

/** The part of the cache the handlers use. */
export interface HandlerCache {
  wrap<T>(key: string, ttlMs: number, load: () => Promise<T> | T): Promise<T>;
}

export interface HandlerServices {
  repos: Repositories;
  clock: Clock;
  cache: HandlerCache;
  accounts: AccountService;
  settings: SettingsService;
  actions: OrderActions;
  invoices: InvoiceService;
  offerEdits: OfferEdits;
  sync: {
    /** Starts the runs; `targets` says at once which accounts (null: the app) they cover. */
    syncNow(options?: { job?: SyncRun['job']; accountId?: number }): Promise<SyncRun[]> & {
      readonly targets: readonly (number | null)[];
    };
    pause(): void;
    resume(): void;
    state(): SyncStateView;
  };
  health(): HealthReport;
  diagnostics(): Promise<DiagnosticsView>;
  couriers(accountId: number): Promise<CourierAccount[]>;
  /** #17 AWB: localities, AWBs with the saved defaults, labels. */
  shipping: ShippingService;
  info(): AppInfo;
  openExternal(url: string): Promise<boolean>;
  updates: UpdatesPort;
  /** Issue 18: returns and the account-health figures. */
  returns: ReturnsService;
}

/** An export is the whole current view, bounded so a huge export cannot exhaust memory. */
export const EXPORT_MAX_ROWS = 100_000;

export function createHandlers(services: HandlerServices): IpcHandlers {
  const { repos, clock } = services;
  const bulk = bulkOrders({
    repos,
    clock,
    actions: services.actions,
    language: () => services.settings.get().language,
  });
  return {
    'app.info': () => services.info(),
    'app.openExternal': async ({ url }) => ({ opened: await services.openExternal(url) }),
    'dashboard.get': async (): Promise<DashboardView> => {
      const today = emagToday(clock);
      const stats = await services.cache.wrap(CACHE_KEYS.dashboardStats(today), CACHE_TTL.orderStats, () =>
        repos.stats.orderStats(today),
      );
      return {
        ...stats,
        sync: services.sync.state(),
        health: services.health(),
        generatedAt: clock.now().toISOString(),
      };
    },
    'orders.list': (query) => repos.orders.list(query),
    'today.get': (input) => readTodayQueue(repos, clock, { accountId: input?.accountId }),
    'orders.get': ({ accountId, orderId }) => {
      const order = repos.orders.get(accountId, orderId);
      if (!order) throw notFound('order', orderId);
      const platform = repos.accounts.get(accountId)?.platform;
      return toOrderDetail(order, repos.outbox.forOrder(accountId, orderId), clock.now(), platform);
    },
    'orders.exportCsv': (query) => {
      // The same builder as `magflow orders --csv` (products filled, labels in the window's language).
      const orders = ordersForCsv(repos.orders, { ...query, offset: 0, limit: EXPORT_MAX_ROWS });
      const csv = ordersToCsv(orders, services.settings.get().language);
      return { filename: `magflow-orders-${emagToday(clock)}.csv`, csv, rows: orders.length };
    },
    'orders.acknowledge': ({ accountId, orderId }) => services.actions.acknowledge(accountId, orderId),
    'orders.changeStatus': ({ accountId, orderId, status, reason }) =>
      services.actions.changeStatus(accountId, orderId, status, reason),
    'orders.generateAwb': (request) => services.actions.generateAwb(request),
    'orders.bulk': (request) => bulk.run(request),
    'orders.attachInvoice': ({ accountId, orderId, url, name }) =>
      services.actions.attachInvoice(accountId, orderId, url, name),
    'invoices.attachFile': (file) => services.invoices.attachFile(file),
    'invoices.match': ({ fileNames, within }) => services.invoices.match(fileNames, within),
    'invoices.bucket.get': () => ({ bucket: services.invoices.bucket.get() }),
    'invoices.bucket.save': (input) => services.invoices.bucket.save(input),
    'invoices.bucket.remove': () => ({ removed: services.invoices.bucket.remove() }),
    'invoices.bucket.test': (input) => services.invoices.bucket.test(input),
    'outbox.retry': ({ id }) => services.actions.retry(id),
    'outbox.undo': ({ id }) => services.actions.undo(id),
    'couriers.list': ({ accountId }) => {
      if (!repos.accounts.get(accountId)) throw notFound('account', accountId);
      return services.couriers(accountId);
    },
    // #17 AWB
    'localities.search': ({ accountId, query, county }) => services.shipping.searchLocalities(accountId, query, county),
    'awb.issueWithDefaults': ({ accountId, orderId }) => services.shipping.issueWithDefaults(accountId, orderId),
    'awb.label': ({ accountId, orderId, format, open }) =>
      services.shipping.label(accountId, orderId, { format, open }),
    'awb.labels': ({ orders, format, open }) =>
      services.shipping.mergedLabels(orders, { format, open, language: services.settings.get().language }),
    // Cached per query; dropped when offers are written (cache/entries.ts).
    'offers.list': async (query) => {
      const page = await services.cache.wrap(CACHE_KEYS.offerList(query), CACHE_TTL.offerList, () =>
        repos.offers.list(query),
      );
      // Edits and low-stock markers change without an offers write: added after the cache.
      return { ...page, rows: services.offerEdits.annotate(page.rows) };
    },
    'offers.get': ({ accountId, offerId }) => services.offerEdits.details(accountId, offerId),
    'offers.setPrice': ({ accountId, offerId, price, vatId }) =>
      services.offerEdits.setPrice(accountId, offerId, price, vatId),
    'offers.setStock': ({ accountId, offerId, stock }) => services.offerEdits.setStock(accountId, offerId, stock),
    'offers.bulkEdit': (edit) => services.offerEdits.bulk(edit),
    'offers.setLowStock': ({ accountId, offerId, threshold }) => ({
      lowStockThreshold: services.offerEdits.setLowStockThreshold(accountId, offerId, threshold),
    }),
    'sync.now': async (input) => {
      if (input?.accountId !== undefined && !repos.accounts.get(input.accountId))
        throw notFound('account', input.accountId);
      // Started, not awaited: the window follows progress through events; a long import must not hold the call.
      const runs = services.sync.syncNow(input ?? {});
      runs.catch(() => undefined);
      return { triggered: runs.targets.length };
    },
    'sync.pause': () => {
      services.sync.pause();
      return services.sync.state();
    },
    'sync.resume': () => {
      services.sync.resume();
      return services.sync.state();
    },
    'sync.state': () => services.sync.state(),
    'sync.runs': (filter) => repos.syncRuns.list(filter),
    'notifications.list': ({ unreadOnly, limit }) => ({
      rows: repos.notifications.list({ unreadOnly, limit }),
      unread: repos.notifications.unreadCount(),
    }),
    'notifications.markRead': ({ ids, all }) => {
      if (all) repos.notifications.markRead('all');
      else if (ids) repos.notifications.markRead(ids);
      else throw conflict((text) => text.errors.notifications.markWhich);
      return { unread: repos.notifications.unreadCount() };
    },
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'accounts.list': () => services.accounts.list(),
    'accounts.save': (input) => services.accounts.save(input),
    'accounts.remove': ({ id }) => ({ removed: services.accounts.remove(id) }),
    'accounts.test': (input) => services.accounts.test(input),
    'health.get': () => services.health(),
    'diagnostics.get': () => services.diagnostics(),
    'updates.status': () => services.updates.status(),
    'updates.check': () => services.updates.check(),
    'updates.install': () => services.updates.install(),
    'returns.list': (query) => services.returns.list(query),
    'returns.get': ({ accountId, emagId }) => services.returns.get(accountId, emagId),
    'returns.changeStatus': ({ accountId, emagId, status }) => services.returns.changeStatus(accountId, emagId, status),
    'accountHealth.get': (input) => services.returns.health(input?.accountId),
  };
}
