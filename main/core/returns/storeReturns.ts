// Stores one page of eMAG return requests in one transaction, with the notification rows of the new ones and the
// records set aside for the seller's attention (needs attention, kind 'return'); then announces it all.
import type { AppNotification } from '../../../shared/domain';
import type { MagflowEvent } from '../../../shared/events';
import type { ReturnRecord, SetAsideRecord } from '../db';
import type { EmagRma } from '../emag';
import { rawOf } from '../emag/tolerant';
import { accountOf, type JobContext } from '../sync/context';
import { noteSetAside } from '../sync/needsAttention';
import { mapReturn, ReturnMapError } from './mapReturn';
import { returnText } from './returnText';

export interface ReturnsStoreOutcome {
  created: number;
  updated: number;
  unchanged: number;
  setAside: number;
  /** eMAG ids stored (any outcome). */
  seen: number[];
  /** The latest `date` among them (platform-local text), for the job's watermark. */
  latestDate: string | null;
}

/**
 * `announce`: false during the account's first returns run (its history is imported quietly); afterwards each new
 * return gets a notification row and a return_new event (the shell shows the OS notification).
 */
export function storeReturns(
  ctx: JobContext,
  items: readonly EmagRma[],
  unreadable: readonly SetAsideRecord[],
  announce: boolean,
): ReturnsStoreOutcome {
  const { repos, bus } = ctx.deps;
  const account = accountOf(ctx);
  const lang = ctx.deps.settings().language;
  const records = new Map<number, ReturnRecord>();
  const setAside: SetAsideRecord[] = [...unreadable];
  for (const rma of items) {
    try {
      const record = mapReturn(rma, account.id, rawOf(rma));
      records.set(record.emagId, record);
    } catch (error) {
      if (!(error instanceof ReturnMapError)) throw error;
      setAside.push({ emagId: String(rma.emag_id), raw: rawOf(rma), reason: error.message });
    }
  }
  const list = [...records.values()];
  const written = repos.transaction(() => {
    const results = repos.returns.upsertMany(list);
    repos.needsAttention.settle(
      account.id,
      'return',
      setAside,
      list.map((record) => record.emagId),
    );
    const notifications: AppNotification[] = [];
    const events: MagflowEvent[] = [];
    for (const result of results) {
      if (result.outcome !== 'created' || !announce) continue;
      const record = records.get(result.emagId)!;
      const about = {
        emagId: record.emagId,
        account: account.name,
        orderId: record.orderId,
        customerName: record.customerName,
        firstProduct: record.lines[0]?.name ?? null,
      };
      notifications.push(
        repos.notifications.add({
          kind: 'return_new',
          ...returnText.returnNew(lang, about),
          accountId: account.id,
          orderId: record.orderId,
        }),
      );
      events.push({ type: 'return_new', accountId: account.id, ...about });
    }
    return { results, notifications, events };
  });

  for (const event of written.events) bus.emit(event);
  for (const notification of written.notifications) bus.emit({ type: 'notification_added', notification });
  noteSetAside(ctx, 'return', setAside);

  const outcome: ReturnsStoreOutcome = {
    created: 0,
    updated: 0,
    unchanged: 0,
    setAside: setAside.length,
    seen: list.map((record) => record.emagId),
    latestDate: list.reduce<string | null>((latest, r) => (latest === null || r.date > latest ? r.date : latest), null),
  };
  for (const result of written.results) outcome[result.outcome]++;
  ctx.counts.created += outcome.created;
  ctx.counts.updated += outcome.updated;
  ctx.counts.unchanged += outcome.unchanged;
  if (outcome.created + outcome.updated > 0) {
    bus.emit({ type: 'returns_written', accountId: account.id, created: outcome.created, updated: outcome.updated });
  }
  return outcome;
}
