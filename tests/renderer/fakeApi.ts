// A fake MagflowApi for component tests: in-memory orders and friends, a call log, scripted failures, pushed events.
import type {
  Account,
  AppNotification,
  OrderDetail,
  OrderStatus,
  OrderSummary,
  OutboxAction,
} from '../../shared/domain';
import type { MagflowEvent } from '../../shared/events';
import type { ChannelInput, ChannelName, ChannelOutput, IpcError, IpcResult, MagflowApi } from '../../shared/ipc';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../shared/settings';
import { headlessUpdateStatus } from '../../shared/updates';
import { makeRun } from '../support/syncRuns';
import type { AppInfo, DashboardView, HealthReport, SyncStateView } from '../../shared/views';

export { headlessUpdateStatus, makeRun };

export class FakeFailure {
  constructor(readonly error: IpcError) {}
}
export const fail = (kind: IpcError['kind'], message: string, issues?: IpcError['issues']) =>
  new FakeFailure({ kind, message, ...(issues ? { issues } : {}) });

type Handler<C extends ChannelName> = (
  input: ChannelInput<C>,
) => ChannelOutput<C> | FakeFailure | Promise<ChannelOutput<C> | FakeFailure>;
type Handlers = { [C in ChannelName]?: Handler<C> };

export const ACCOUNTS: Account[] = [
  {
    id: 1,
    name: 'Magazin RO',
    platform: 'emag-ro',
    kind: 'main',
    username: 'shop@example.ro',
    apiUrl: null,
    enabled: true,
    isDemo: false,
    createdAt: '2025-01-01T08:00:00Z',
  },
  {
    id: 2,
    name: 'FBE RO',
    platform: 'emag-ro',
    kind: 'fbe',
    username: 'fbe@example.ro',
    apiUrl: null,
    enabled: true,
    isDemo: false,
    createdAt: '2025-01-01T08:00:00Z',
  },
];

export function makeOrder(id: number, over: Partial<OrderSummary> = {}): OrderSummary {
  const day = String(1 + (id % 28)).padStart(2, '0');
  return {
    accountId: 1,
    account: 'Magazin RO',
    id,
    status: 4,
    type: 3,
    paymentModeId: 1,
    paymentStatus: 0,
    totalMinor: 10_000 + id,
    currency: 'RON',
    customer: { name: `Client ${id}`, phone: '0700000000', locality: 'Cluj-Napoca' },
    created: `2025-03-${day} 10:15:00`,
    modified: `2025-03-${day} 11:00:00`,
    acknowledgedAt: '2025-03-01T09:00:00Z',
    firstSeenAt: '2025-03-01T09:00:00Z',
    ...over,
  };
}

export function makeDetail(order: OrderSummary, over: Partial<OrderDetail> = {}): OrderDetail {
  return {
    ...order,
    lines: [
      {
        lineId: 11,
        productId: 'P1',
        partNumber: 'SKU-1',
        partNumberKey: 'PNK1',
        name: 'Cană ceramică',
        quantity: 2,
        salePrice: '25.0000',
        vat: '0.19',
        currency: order.currency,
        status: 1,
      },
    ],
    customerDetails: {
      name: order.customer.name,
      phone_1: '0711111111',
      billing_city: 'Cluj-Napoca',
      billing_street: 'Str. Lungă 1',
      shipping_city: 'Cluj-Napoca',
      shipping_street: 'Str. Scurtă 2',
      shipping_locality_id: '13845',
    },
    vouchers: [],
    cancellationReason: null,
    attachments: [],
    shippingTaxMinor: 1_999,
    deliveryMode: 'courier',
    statusHistory: [{ status: order.status, at: order.created }],
    actions: [],
    allowedStatuses: [],
    canAcknowledge: false,
    enforcedCourierAccounts: null,
    ...over,
  };
}

export function makeSyncState(over: Partial<SyncStateView> = {}): SyncStateView {
  return {
    paused: false,
    demo: false,
    jobs: [
      {
        job: 'new-orders',
        accountId: 1,
        account: 'Magazin RO',
        running: false,
        progress: null,
        lastRun: makeRun(1),
        lastGoodAt: '2025-03-10T08:00:02Z',
        nextRunAt: '2025-03-10T08:01:00Z',
      },
      {
        job: 'new-orders',
        accountId: 2,
        account: 'FBE RO',
        running: false,
        progress: null,
        lastRun: makeRun(2, { accountId: 2, account: 'FBE RO' }),
        lastGoodAt: null,
        nextRunAt: null,
      },
    ],
    ...over,
  };
}

function healthyAccount(accountId: number, account: string): HealthReport['accounts'][number] {
  return {
    accountId,
    account,
    level: 'ok',
    reachable: true,
    lastError: null,
    lastErrorKind: null,
    lastGoodSyncAt: '2025-03-10T08:00:02Z',
    breaker: 'closed',
  };
}

export function makeHealth(over: Partial<HealthReport> = {}): HealthReport {
  return {
    level: 'ok',
    database: { ok: true, message: null },
    accounts: [healthyAccount(1, 'Magazin RO'), healthyAccount(2, 'FBE RO')],
    stuckRunsMarked: 0,
    checkedAt: '2025-03-10T08:00:00Z',
    ...over,
  };
}

export function makeDashboard(over: Partial<DashboardView> = {}): DashboardView {
  return {
    counts: [
      { accountId: 1, account: 'Magazin RO', byStatus: { 0: 1, 1: 3, 2: 4, 3: 2, 4: 120, 5: 0 }, unacknowledged: 2 },
      { accountId: 2, account: 'FBE RO', byStatus: { 0: 0, 1: 0, 2: 1, 3: 0, 4: 40, 5: 1 }, unacknowledged: 0 },
    ],
    revenue: [{ currency: 'RON', todayMinor: 123_456, monthMinor: 9_876_543 }],
    ordersPerDay: Array.from({ length: 30 }, (_, i) => ({
      day: `2025-03-${String(i + 1).padStart(2, '0')}`,
      count: i % 7,
    })),
    sync: makeSyncState(),
    health: makeHealth(),
    generatedAt: '2025-03-10T08:00:05Z',
    ...over,
  };
}

export function makeNotification(id: number, over: Partial<AppNotification> = {}): AppNotification {
  return {
    id,
    kind: 'order_new',
    title: `Comandă nouă #${1000 + id}`,
    body: 'Client Test · 100,00 RON',
    accountId: 1,
    orderId: 1000 + id,
    read: false,
    createdAt: '2025-03-10T08:00:00Z',
    ...over,
  };
}

export interface FakeApi extends MagflowApi {
  calls: { channel: ChannelName; input: unknown }[];
  callsTo(channel: ChannelName): unknown[];
  on<C extends ChannelName>(channel: C, handler: Handler<C>): void;
  emit(event: MagflowEvent): void;
  orders: OrderSummary[];
  details: Map<string, OrderDetail>;
  settings: Settings;
  listeners: number;
}

/** Filters, sorts and pages the in-memory orders the way main would (enough for the UI's needs). */
function listOrders(all: OrderSummary[], q: ChannelInput<'orders.list'>) {
  let rows = all.filter(
    (o) =>
      (!q.statuses?.length || q.statuses.includes(o.status)) &&
      (!q.accountIds?.length || q.accountIds.includes(o.accountId)) &&
      (!q.paymentModeIds?.length || (o.paymentModeId !== null && q.paymentModeIds.includes(o.paymentModeId))) &&
      (!q.search ||
        String(o.id).includes(q.search) ||
        (o.customer.name ?? '').toLowerCase().includes(q.search.toLowerCase())),
  );
  const sort = q.sort ?? { field: 'created', dir: 'desc' };
  const key = (o: OrderSummary): string | number =>
    sort.field === 'total'
      ? o.totalMinor
      : sort.field === 'id'
        ? o.id
        : sort.field === 'status'
          ? o.status
          : sort.field === 'customer'
            ? (o.customer.name ?? '')
            : o.created + String(o.id).padStart(10, '0');
  rows = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (sort.dir === 'asc' ? 1 : -1));
  const offset = q.offset ?? 0;
  return { rows: rows.slice(offset, offset + (q.limit ?? 100)), total: rows.length };
}

export function createFakeApi(options: { orders?: OrderSummary[]; info?: Partial<AppInfo> } = {}): FakeApi {
  const listeners = new Set<(e: MagflowEvent) => void>();
  const orders = options.orders ?? Array.from({ length: 250 }, (_, i) => makeOrder(1000 + i));
  const details = new Map<string, OrderDetail>();
  let nextActionId = 1;
  const info: AppInfo = {
    version: '0.1.0',
    demo: false,
    dataDir: '/home/seller/.magflow',
    logsDir: '/home/seller/.magflow/logs',
    platform: 'linux',
    runtime: 'browser',
    accounts: ACCOUNTS,
    ...options.info,
  };

  const action = (
    accountId: number,
    orderId: number,
    kind: OutboxAction['kind'],
    payload: Record<string, unknown>,
  ): OutboxAction => ({
    id: nextActionId++,
    accountId,
    orderId,
    kind,
    payload,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    createdAt: '2025-03-10T08:00:00Z',
    sentAt: null,
  });

  const fake: FakeApi = {
    calls: [],
    orders,
    details,
    settings: DEFAULT_SETTINGS,
    get listeners() {
      return listeners.size;
    },
    callsTo(channel) {
      return fake.calls.filter((c) => c.channel === channel).map((c) => c.input);
    },
    on(channel, handler) {
      (handlers as Record<string, unknown>)[channel] = handler;
    },
    emit(event) {
      for (const l of [...listeners]) l(event);
    },
    async invoke(channel, input) {
      fake.calls.push({ channel, input });
      const handler = handlers[channel] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { kind: 'unknown_channel', message: `fake has no ${channel}` } };
      const value = await handler(input);
      if (value instanceof FakeFailure) return { ok: false, error: value.error };
      return { ok: true, value } as IpcResult<ChannelOutput<typeof channel>>;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const detailOf = (accountId: number, orderId: number) => {
    const key = `${accountId}-${orderId}`;
    let d = details.get(key);
    if (!d) {
      const o = orders.find((x) => x.accountId === accountId && x.id === orderId);
      if (!o) return null;
      d = makeDetail(o);
      details.set(key, d);
    }
    return d;
  };

  const handlers: Handlers = {
    'app.info': () => info,
    // The command-line MagFlow's answer (the browser bridge): the desktop app updates itself, this window does not.
    'updates.status': () => headlessUpdateStatus(info.version),
    'app.openExternal': () => ({ opened: true }),
    'settings.get': () => fake.settings,
    'settings.update': (patch) =>
      (fake.settings = mergeSettings(fake.settings, patch as Parameters<typeof mergeSettings>[1])),
    'accounts.list': () => info.accounts,
    'accounts.save': (input) => {
      const saved: Account = {
        id: input.id ?? 100 + info.accounts.length,
        name: input.name,
        platform: input.platform,
        kind: input.kind,
        username: input.username,
        apiUrl: input.apiUrl ?? null,
        enabled: input.enabled ?? true,
        isDemo: false,
        createdAt: '2025-03-10T08:00:00Z',
      };
      info.accounts = [...info.accounts.filter((a) => a.id !== saved.id), saved];
      return saved;
    },
    'accounts.remove': ({ id }) => {
      info.accounts = info.accounts.filter((a) => a.id !== id);
      return { removed: true };
    },
    'accounts.test': () => ({ ok: true, errorKind: null, message: 'Authenticated; 3 orders visible.' }),
    'dashboard.get': () => makeDashboard(),
    'sync.state': () => makeSyncState(),
    'sync.now': () => ({ triggered: 4 }),
    'sync.pause': () => makeSyncState({ paused: true }),
    'sync.resume': () => makeSyncState(),
    'sync.runs': () => ({
      rows: [
        makeRun(3, { durationMs: 5000, job: 'order-changes', warnings: 2 }),
        makeRun(2, { status: 'failed', error: 'HTTP 401', errorKind: 'auth' }),
        makeRun(1),
      ],
      total: 3,
    }),
    'health.get': () => makeHealth(),
    'orders.list': (q) => listOrders(orders, q),
    'orders.exportCsv': (q) => {
      const { rows, total } = listOrders(orders, { ...q, offset: 0, limit: 100_000 });
      return {
        filename: 'comenzi.csv',
        csv: ['id,customer', ...rows.map((r) => `${r.id},${r.customer.name}`)].join('\n'),
        rows: total,
      };
    },
    'orders.get': ({ accountId, orderId }) =>
      detailOf(accountId, orderId) ?? fail('not_found', `Comanda ${orderId} nu a fost găsită`),
    'orders.acknowledge': ({ accountId, orderId }) => action(accountId, orderId, 'acknowledge', {}),
    // Held for main's undo window (8 s by default), as main queues it.
    'orders.changeStatus': ({ accountId, orderId, status, reason }) => ({
      ...action(accountId, orderId, 'status', {
        status,
        ...(reason === undefined ? {} : { reasonCancellation: reason }),
      }),
      nextAttemptAt: new Date(Date.now() + 8_000).toISOString(),
    }),
    'orders.generateAwb': (input) => action(input.accountId, input.orderId, 'awb', { ...input }),
    'orders.attachInvoice': (input) => action(input.accountId, input.orderId, 'invoice', { url: input.url }),
    'outbox.retry': ({ id }) => ({ ...action(1, 0, 'acknowledge', {}), id }),
    'outbox.undo': ({ id }) => ({ ...action(1, 4242, 'status', {}), id, state: 'cancelled' }),
    // No invoice bucket until a test sets one up (invoices.test.tsx).
    'invoices.bucket.get': () => ({ bucket: null }),
    // #17: eMAG's localities by the start of their name.
    'localities.search': ({ query }) =>
      [
        { id: 8812, name: 'București, Sector 2', county: 'București', zipcode: '020000' },
        { id: 4510, name: 'Cluj-Napoca', county: 'Cluj', zipcode: '400000' },
        { id: 4531, name: 'Florești', county: 'Cluj', zipcode: '400000' },
      ].filter((l) => l.name.toLowerCase().startsWith(query.toLowerCase())),
    'couriers.list': ({ accountId }) => [
      {
        accountId,
        courierAccountId: 7,
        displayName: 'Sameday principal',
        courierName: 'Sameday',
        type: 2,
        active: true,
      },
      { accountId, courierAccountId: 8, displayName: 'FAN Courier', courierName: 'FAN', type: 3, active: true },
    ],
    'offers.list': () => ({ rows: [], total: 0 }),
    // Issue 18: no returns and no account-health figures unless a test sets some.
    'returns.list': () => ({ rows: [], total: 0 }),
    'accountHealth.get': () => [],
    'notifications.list': () => ({
      rows: [
        makeNotification(2),
        makeNotification(1, { read: true, kind: 'sync_failure', orderId: null, title: 'Sincronizare eșuată' }),
      ],
      unread: 1,
    }),
    'notifications.markRead': () => ({ unread: 0 }),
    'diagnostics.get': () => ({
      accounts: [
        {
          accountId: 1,
          account: 'Magazin RO',
          breaker: 'closed',
          buckets: [
            {
              bucket: 'orders',
              lastSecond: 2,
              lastMinute: 40,
              limitPerSecond: 12,
              limitPerMinute: 720,
              queued: 0,
              waits: 3,
              totalWaitMs: 120,
              rateLimitHits: 1,
            },
          ],
        },
      ],
      cache: { hits: 90, misses: 10, hitRate: 0.9, keys: 12 },
      recentErrors: [
        {
          at: '2025-03-10T08:00:00Z',
          account: 'Magazin RO',
          route: 'order/read',
          kind: 'transport',
          cause: 'network',
          message: 'socket hang up',
        },
      ],
      needsAttention: [
        {
          id: 3,
          accountId: 1,
          account: 'Magazin RO',
          kind: 'order',
          emagId: '412345678',
          reason: 'eMAG sent order 412345678 in a form MagFlow cannot read: status: expected number',
          firstSeenAt: '2025-03-10T07:00:00Z',
          lastSeenAt: '2025-03-10T08:05:00Z',
          timesSeen: 4,
          raw: '{"id":412345678,"status":"finalizată"}',
        },
      ],
      metricsText: 'magflow_requests_total 42',
    }),
  };

  return fake;
}

/** Order status codes a test may want by name. */
export const S: Record<'canceled' | 'new' | 'inProgress' | 'prepared' | 'finalized' | 'returned', OrderStatus> = {
  canceled: 0,
  new: 1,
  inProgress: 2,
  prepared: 3,
  finalized: 4,
  returned: 5,
};
