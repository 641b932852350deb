// Bulk work on many orders at once: each order is planned against eMAG's rules (shared/bulk.ts), then every order
// that qualifies goes through the same single-order action as a click on its detail (orders/actions.ts), so the outbox
// sends it within the rate limits and a bulk action can never do what one click could not.
import { enforcedCouriersOf } from '../../../shared/awb';
import { skipReason, type BulkOutcome, type BulkResult } from '../../../shared/bulk';
import type { ChannelParsedInput } from '../../../shared/ipc';
import { emagToday, type Clock } from '../clock';
import type { Repositories, StoredOrder } from '../db';
import { AppError } from '../errors';
import { messages, type Language } from '../messages/catalogue';
import type { CsvLanguage } from './csvText';
import { ordersToCsv } from './exportCsv';
import type { OrderActions } from './actions';
import { statusSinceOf } from './statusSince';

export type BulkRequestInput = ChannelParsedInput<'orders.bulk'>;

export interface BulkDeps {
  repos: Repositories;
  clock: Clock;
  actions: Pick<OrderActions, 'acknowledge' | 'changeStatus' | 'generateAwb'>;
  /** The window's language: the export's labels, headers and separator follow it (same builder as the CLI). */
  language: () => CsvLanguage;
}

/** Main's words for a refusal, in the window's language: an AppError's message, with the fields it names. */
function failureText(error: unknown, lang: Language): string {
  if (error instanceof AppError) {
    const { message, issues } = error.in(lang);
    const list = issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
    return list ? messages(lang).errors.invalidInputList(list) : message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function bulkOrders(deps: BulkDeps) {
  const { repos, clock } = deps;

  /** The same order twice in one request is done once. */
  const unique = (keys: BulkRequestInput['orders']) => {
    const seen = new Set<string>();
    return keys.filter((k) => {
      const key = `${k.accountId}:${k.orderId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };

  function queueOne(request: BulkRequestInput, order: StoredOrder): BulkOutcome {
    const { accountId, id: orderId } = order;
    const base = { accountId, orderId };
    try {
      switch (request.action) {
        case 'acknowledge':
          return { ...base, outcome: 'queued', actionId: deps.actions.acknowledge(accountId, orderId).id };
        case 'status':
          return {
            ...base,
            outcome: 'queued',
            actionId: deps.actions.changeStatus(accountId, orderId, request.status!, request.cancelReason).id,
          };
        case 'awb': {
          const sender = request.awb?.senders.find((s) => s.accountId === accountId)?.sender;
          // COD: what the customer pays on delivery, the order's total (vouchers already off it); nothing otherwise.
          const codMinor = order.paymentModeId === 1 ? order.totalMinor : 0;
          const action = deps.actions.generateAwb({
            accountId,
            orderId,
            sender,
            parcels: request.awb?.parcels ?? 1,
            envelopes: 0,
            weightKg: request.awb?.weightKg ?? 1,
            codMinor,
          });
          return { ...base, outcome: 'queued', actionId: action.id };
        }
        case 'export':
          return { ...base, outcome: 'exported' };
      }
    } catch (error) {
      return { ...base, outcome: 'failed', message: failureText(error, deps.language()) };
    }
  }

  return {
    run(request: BulkRequestInput): BulkResult {
      const now = clock.now();
      const senders = new Set(request.awb?.senders.map((s) => s.accountId) ?? []);
      const platforms = new Map<number, ReturnType<typeof repos.accounts.get>>();
      const accountOf = (id: number) => {
        if (!platforms.has(id)) platforms.set(id, repos.accounts.get(id));
        return platforms.get(id);
      };
      const outcomes: BulkOutcome[] = [];
      const exported: StoredOrder[] = [];
      for (const key of unique(request.orders)) {
        const order = repos.orders.get(key.accountId, key.orderId);
        const account = accountOf(key.accountId);
        if (!order || !account) {
          outcomes.push({ ...key, outcome: 'skipped', reason: 'not_found' });
          continue;
        }
        const reason = skipReason(
          request.action,
          key.accountId,
          {
            status: order.status,
            // An order of an FBE account is eMAG's to handle whatever type it reports.
            type: account.kind === 'fbe' ? 2 : order.type,
            acknowledgedAt: order.acknowledgedAt,
            since: statusSinceOf(order, account.platform),
            enforcedCouriers: enforcedCouriersOf(order.raw),
          },
          { status: request.status, hasSender: (id) => senders.has(id) },
          now,
        );
        if (reason) {
          outcomes.push({ ...key, outcome: 'skipped', reason });
          continue;
        }
        if (request.preview) {
          outcomes.push({ ...key, outcome: request.action === 'export' ? 'exported' : 'will_queue' });
          continue;
        }
        if (request.action === 'export') exported.push(order);
        outcomes.push(queueOne(request, order));
      }
      if (request.action !== 'export' || request.preview)
        return { action: request.action, preview: request.preview, outcomes };
      const lines = repos.orders.linesOf(exported);
      const csv = ordersToCsv(
        exported.map((order, i) => ({ ...order, lines: lines[i] ?? [] })),
        deps.language(),
      );
      return {
        action: 'export',
        preview: false,
        outcomes,
        csv: { filename: `magflow-orders-selected-${emagToday(clock)}.csv`, csv, rows: exported.length },
      };
    },
  };
}

export type BulkOrders = ReturnType<typeof bulkOrders>;
