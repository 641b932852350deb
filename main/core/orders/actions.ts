// The seller's order actions: checked against eMAG's rules here, then written to the outbox, which sends them.
import { enforcedCouriersOf, receiverFromOrder, type AwbPartyDraft } from '../../../shared/awb';
import type { OrderStatus, OutboxAction } from '../../../shared/domain';
import { AwbPartySchema, type AwbParty } from '../../../shared/ipc';
import { SELLER_CANCELLATION_REASONS } from '../../../shared/cancellationReasons';
import { allowedStatusChanges, canAcknowledge } from '../../../shared/orderRules';
import type { Clock } from '../clock';
import type { NewOutboxAction, Repositories } from '../db';
import { conflict, invalidInput, notFound, type Issue } from '../errors';
import type { EventBus } from '../events/bus';
import { zodIssues } from '../messages/zodIssues';
import { statusSinceOf } from './statusSince';

export interface OrderActionDeps {
  repos: Repositories;
  bus: EventBus;
  clock: Clock;
  /** Asks the outbox drain to run soon for this account. */
  kickOutbox(accountId: number): void;
  /** How long a status change waits in the outbox, undoable, before it is sent (settings.actionUndoSec); 0 if absent. */
  undoDelayMs?: () => number;
}

export interface AwbRequest {
  accountId: number;
  orderId: number;
  courierAccountId?: number | undefined;
  parcels: number;
  envelopes: number;
  weightKg: number;
  codMinor: number;
  observation?: string | undefined;
  /** The pickup address (required at the IPC edge; the outbox refuses an AWB without one). */
  sender?: AwbParty | undefined;
  /** The customer's block as the seller corrected it; read from the order when absent. */
  receiver?: AwbParty | undefined;
  oversize?: boolean | undefined;
}

/** A sender or receiver in eMAG's awb/save shape, as the outbox sends it. */
const emagParty = (party: AwbParty) => ({
  name: party.name,
  contact: party.contact,
  phone1: party.phone,
  locality_id: party.localityId,
  street: party.street,
  ...(party.zipcode ? { zipcode: party.zipcode } : {}),
  ...(party.addressId ? { address_id: party.addressId } : {}),
  ...(party.legalEntity === undefined ? {} : { legal_entity: party.legalEntity ? 1 : 0 }),
});

/** The order's own receiver block, checked like one the seller typed (a gap becomes an issue beside its field). */
function receiverFrom(draft: AwbPartyDraft): AwbParty | { issues: Issue[] } {
  const candidate = {
    name: draft.name,
    contact: draft.contact,
    phone: draft.phone,
    localityId: draft.localityId ?? 0,
    street: draft.street,
    ...(draft.zipcode ? { zipcode: draft.zipcode } : {}),
    legalEntity: draft.legalEntity,
  };
  const parsed = AwbPartySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  return { issues: zodIssues(parsed.error, ['receiver']) };
}

/** An invoice URL eMAG will take: "Only .pdf files are accepted" (docs/emag-client.md, "Write decisions"). */
function isPdfUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && /\.pdf$/i.test(url.pathname);
  } catch {
    return false;
  }
}

export function orderActions(deps: OrderActionDeps) {
  const { repos } = deps;

  const load = (accountId: number, orderId: number) => {
    const order = repos.orders.get(accountId, orderId);
    if (!order) throw notFound('order', orderId);
    return order;
  };

  const queue = (action: NewOutboxAction): OutboxAction => {
    const queued = repos.outbox.enqueue(action);
    deps.bus.emit({ type: 'outbox_changed', action: queued });
    deps.kickOutbox(action.accountId);
    return queued;
  };

  return {
    acknowledge(accountId: number, orderId: number): OutboxAction {
      const order = load(accountId, orderId);
      if (order.type === 2) throw conflict((text) => text.errors.orders.fbeAcknowledge);
      if (!canAcknowledge(order) && order.acknowledgedAt === null) {
        throw conflict((text) =>
          text.errors.orders.onlyNewAcknowledge(orderId, order.status, text.statuses[order.status]),
        );
      }
      return queue({ accountId, orderId, kind: 'acknowledge', payload: {}, dedupeKey: `ack:${accountId}:${orderId}` });
    },

    /**
     * Queues a status change, held for the undo window. A cancellation carries one of eMAG's documented reasons
     * (shared/cancellationReasons), the seller's choice: without one it is refused here.
     */
    changeStatus(accountId: number, orderId: number, status: OrderStatus, reason?: number): OutboxAction {
      if (status === 0 && !(SELLER_CANCELLATION_REASONS as readonly number[]).includes(reason ?? -1)) {
        throw invalidInput([{ path: 'reason', message: (text) => text.errors.orders.cancelNeedsReason }]);
      }
      if (status !== 0 && reason !== undefined) {
        throw invalidInput([{ path: 'reason', message: (text) => text.errors.orders.reasonOnlyWithCancel }]);
      }
      const order = load(accountId, orderId);
      const platform = repos.accounts.get(accountId)?.platform ?? 'emag-ro';
      const since = statusSinceOf(order, platform);
      const allowed = since
        ? allowedStatusChanges({ status: order.status, type: order.type, since }, deps.clock.now())
        : [];
      if (!allowed.includes(status)) {
        throw conflict((text) =>
          text.errors.orders.statusNotAllowed(
            orderId,
            order.status,
            status,
            text.statuses[order.status],
            text.statuses[status],
          ),
        );
      }
      const holdMs = deps.undoDelayMs?.() ?? 0;
      return queue({
        accountId,
        orderId,
        kind: 'status',
        payload: { status, fromStatus: order.status, ...(status === 0 ? { reasonCancellation: reason } : {}) },
        ...(holdMs > 0 ? { notBefore: new Date(deps.clock.now().getTime() + holdMs) } : {}),
      });
    },

    /** "Undo": takes back an action still held in its undo window (or waiting for a retry) before it is sent. */
    undo(id: number): OutboxAction {
      const current = repos.outbox.get(id);
      if (!current) throw notFound('action', id);
      if (!repos.outbox.cancelHeld(id)) throw conflict((text) => text.errors.orders.cannotUndo(id, current.state));
      const action = repos.outbox.get(id)!;
      deps.bus.emit({ type: 'outbox_changed', action });
      return action;
    },

    /**
     * Checks the AWB against eMAG's rules and the order's own data, then queues it. The courier must be one eMAG
     * allows for the order (`enforced_vendor_courier_accounts`); an empty list means eMAG takes no AWB from MagFlow.
     */
    generateAwb(request: AwbRequest): OutboxAction {
      const order = load(request.accountId, request.orderId);
      if (order.type === 2) throw conflict((text) => text.errors.orders.fbeShips);
      if (order.status !== 2 && order.status !== 3 && order.status !== 4) {
        throw conflict((text) =>
          text.errors.orders.awbNeedsStatus(order.id, order.status, text.statuses[order.status]),
        );
      }
      const enforced = enforcedCouriersOf(order.raw);
      if (enforced !== null && enforced.length === 0) {
        throw conflict((text) => text.errors.orders.noAwbCourier(order.id));
      }
      const { accountId, orderId, sender, receiver: typed, oversize, ...awb } = request;
      const issues: Issue[] = [];
      let courierAccountId = awb.courierAccountId;
      if (enforced !== null) {
        if (courierAccountId === undefined && enforced.length === 1) courierAccountId = enforced[0];
        if (courierAccountId === undefined || !enforced.includes(courierAccountId)) {
          issues.push({
            path: 'courierAccountId',
            message: (text) => text.errors.orders.courierRequired(enforced.join(', ')),
          });
        }
      }
      const receiver = typed ?? receiverFrom(receiverFromOrder(order.raw));
      if ('issues' in receiver) issues.push(...receiver.issues);
      if (issues.length > 0 || 'issues' in receiver) throw invalidInput(issues);
      return queue({
        accountId,
        orderId,
        kind: 'awb',
        payload: {
          ...awb,
          ...(courierAccountId === undefined ? {} : { courierAccountId }),
          ...(sender ? { sender: emagParty(sender) } : {}),
          receiver: emagParty(receiver),
          isOversize: oversize ? 1 : 0,
        },
      });
    },

    /**
     * `upload`: a PDF MagFlow put in the seller's bucket (main/core/invoices): its own dedupe key (one action per
     * file, not per presigned URL, which differs on every upload) and what the outbox and the window need to know.
     */
    attachInvoice(
      accountId: number,
      orderId: number,
      url: string,
      name?: string,
      upload?: { dedupeKey: string; payload: Record<string, unknown> },
    ): OutboxAction {
      const order = load(accountId, orderId);
      if (!isPdfUrl(url)) {
        throw invalidInput([{ path: 'url', message: (text) => text.errors.orders.invoicePdfUrl }]);
      }
      return queue({
        accountId,
        orderId,
        kind: 'invoice',
        payload: { url, name: name ?? `Factura ${orderId}`, orderType: order.type, ...upload?.payload },
        dedupeKey: upload?.dedupeKey ?? `invoice:${accountId}:${orderId}:${url}`,
      });
    },

    retry(id: number): OutboxAction {
      const current = repos.outbox.get(id);
      if (!current) throw notFound('action', id);
      if (current.state !== 'failed') throw conflict((text) => text.errors.orders.notFailed(id, current.state));
      const action = repos.outbox.retry(id)!;
      deps.bus.emit({ type: 'outbox_changed', action });
      deps.kickOutbox(action.accountId);
      return action;
    },
  };
}

export type OrderActions = ReturnType<typeof orderActions>;
