// Stores one page of eMAG orders in one transaction, together with what must never be lost with them: the
// acknowledge actions of new seller-fulfilled orders, the notification rows, and the orders set aside for the
// seller's attention (unreadable or unmappable: the rest of the page is stored without them); then announces it all.
import type { AppNotification, OutboxAction } from '../../../shared/domain';
import type { OrderRecord, OrderUpsertResult, SetAsideRecord } from '../db';
import type { EmagOrder } from '../emag';
import { rawOf } from '../emag/tolerant';
import type { MagflowEvent } from '../../../shared/events';
import { accountOf, type JobContext } from './context';
import { isImported } from './firstImport';
import { mapOrder, OrderMapError } from './mapOrder';
import { noteSetAside } from './needsAttention';
import { notificationText } from './notificationText';

export interface StoreOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Orders set aside (needs attention): not stored, listed for the seller, retried on every run. */
  setAside: number;
  results: OrderUpsertResult[];
}

/** Status changes the seller must notice even when nobody is looking at the order. */
const NOTIFIED_STATUSES = new Set([0, 5]);

export const ackDedupeKey = (accountId: number, orderId: number): string => `ack:${accountId}:${orderId}`;

/** Maps what it can; an order that cannot be mapped is set aside with its reason, the rest still go in. */
function mapPage(
  ctx: JobContext,
  orders: readonly EmagOrder[],
): { records: OrderRecord[]; setAside: SetAsideRecord[] } {
  const account = accountOf(ctx);
  const context = { accountId: account.id, accountKind: account.kind, platform: account.platform };
  const byId = new Map<number, OrderRecord>();
  const setAside: SetAsideRecord[] = [];
  for (const order of orders) {
    const raw = rawOf(order);
    try {
      byId.set(order.id, mapOrder(order, context, raw));
    } catch (error) {
      if (!(error instanceof OrderMapError)) throw error;
      setAside.push({ emagId: String(order.id), raw, reason: error.message });
    }
  }
  return { records: [...byId.values()], setAside };
}

/**
 * Stores a page: `orders` as the client read them (eMAG's JSON of each, `rawOf`, is what is stored), `unreadable` the
 * page's records the client set aside. Both kinds of set-aside order go to "needs attention" in the same transaction.
 */
export async function storeOrders(
  ctx: JobContext,
  orders: readonly EmagOrder[],
  unreadable: readonly SetAsideRecord[] = [],
): Promise<StoreOutcome> {
  const { repos, bus } = ctx.deps;
  const account = accountOf(ctx);
  const settings = ctx.deps.settings();
  const lang = settings.language;
  const mapped = mapPage(ctx, orders);
  const { records } = mapped;
  const setAside = [...unreadable, ...mapped.setAside];
  const byId = new Map(records.map((record) => [record.id, record]));
  // FBE orders are never acknowledged: the account kind and the order type must both say "seller-fulfilled".
  const autoAcknowledge = settings.autoAcknowledge && account.kind === 'main';
  const announce = isImported(repos, account);

  const written = repos.transaction(() => {
    const results = repos.orders.upsertMany(records);
    const stored = results.map((result) => result.id);
    repos.needsAttention.settle(account.id, 'order', setAside, stored);
    const acks: OutboxAction[] = [];
    const notifications: AppNotification[] = [];
    const events: MagflowEvent[] = [];

    for (const result of results) {
      if (!autoAcknowledge || result.type !== 3 || result.status !== 1) continue;
      const known =
        result.outcome !== 'created' &&
        repos.outbox.forOrder(account.id, result.id).some((a) => a.kind === 'acknowledge');
      if (known) continue;
      acks.push(
        repos.outbox.enqueue({
          accountId: account.id,
          orderId: result.id,
          kind: 'acknowledge',
          payload: { auto: true },
          dedupeKey: ackDedupeKey(account.id, result.id),
        }),
      );
    }

    const created = results.filter((r) => r.outcome === 'created').map((r) => byId.get(r.id)!);
    if (announce && created.length > ctx.tuning.coalesceNewOrdersAbove) {
      const text = notificationText.ordersNew(lang, account.name, created.length);
      notifications.push(repos.notifications.add({ kind: 'orders_imported', ...text, accountId: account.id }));
      events.push({ type: 'orders_imported', accountId: account.id, account: account.name, count: created.length });
    } else if (announce) {
      for (const order of created) {
        const text = notificationText.orderNew(lang, { ...order, account: account.name });
        notifications.push(
          repos.notifications.add({ kind: 'order_new', ...text, accountId: account.id, orderId: order.id }),
        );
        events.push({
          type: 'order_new',
          accountId: account.id,
          account: account.name,
          orderId: order.id,
          totalMinor: order.totalMinor,
          currency: order.currency,
          customerName: order.customerName,
          firstProduct: order.lines[0]?.name ?? null,
        });
      }
    }

    for (const result of results) {
      if (result.outcome !== 'updated' || result.previousStatus === null || result.previousStatus === result.status)
        continue;
      events.push({
        type: 'order_update',
        accountId: account.id,
        orderId: result.id,
        fromStatus: result.previousStatus,
        toStatus: result.status,
      });
      if (announce && NOTIFIED_STATUSES.has(result.status)) {
        const text = notificationText.orderStatus(lang, account.name, result.id, result.status);
        notifications.push(
          repos.notifications.add({ kind: 'order_update', ...text, accountId: account.id, orderId: result.id }),
        );
      }
    }
    return { results, acks, notifications, events };
  });

  // Announced only once committed: a listener never hears of an order that a rollback took back.
  for (const event of written.events) bus.emit(event);
  for (const notification of written.notifications) bus.emit({ type: 'notification_added', notification });
  for (const action of written.acks) bus.emit({ type: 'outbox_changed', action });

  noteSetAside(ctx, 'order', setAside);
  const outcome: StoreOutcome = {
    created: 0,
    updated: 0,
    unchanged: 0,
    setAside: setAside.length,
    results: written.results,
  };
  for (const result of written.results) outcome[result.outcome]++;
  if (outcome.created + outcome.updated > 0) {
    bus.emit({ type: 'orders_written', accountId: account.id, created: outcome.created, updated: outcome.updated });
  }

  ctx.counts.created += outcome.created;
  ctx.counts.updated += outcome.updated;
  ctx.counts.unchanged += outcome.unchanged;
  const labels = { job: ctx.job, account: account.name };
  for (const key of ['created', 'updated', 'unchanged'] as const) {
    if (outcome[key] > 0) ctx.metrics?.items.inc({ ...labels, outcome: key }, outcome[key]);
  }
  return outcome;
}
