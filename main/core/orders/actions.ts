// The seller's order actions: checked against eMAG's rules here, then written to the outbox, which sends them.
import type { OrderStatus, OutboxAction } from '../../../shared/domain';
import type { AwbSender } from '../../../shared/ipc';
import { allowedStatusChanges, canAcknowledge } from '../../../shared/orderRules';
import type { Clock } from '../clock';
import type { NewOutboxAction, Repositories } from '../db';
import { AppError, notFound } from '../errors';
import type { EventBus } from '../events/bus';
import { statusSinceOf } from './statusSince';

export interface OrderActionDeps {
  repos: Repositories;
  bus: EventBus;
  clock: Clock;
  /** Asks the outbox drain to run soon for this account. */
  kickOutbox(accountId: number): void;
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
  sender?: AwbSender | undefined;
}

/** The sender in eMAG's awb/save shape, as the outbox sends it. */
const emagSender = (sender: AwbSender) => ({
  name: sender.name,
  contact: sender.contact,
  phone1: sender.phone,
  locality_id: sender.localityId,
  street: sender.street,
  ...(sender.zipcode ? { zipcode: sender.zipcode } : {}),
});

export function orderActions(deps: OrderActionDeps) {
  const { repos } = deps;

  const load = (accountId: number, orderId: number) => {
    const order = repos.orders.get(accountId, orderId);
    if (!order) throw notFound(`Order ${orderId}`);
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
      if (order.type === 2) throw new AppError('conflict', 'Orders fulfilled by eMAG (FBE) cannot be acknowledged');
      if (!canAcknowledge(order) && order.acknowledgedAt === null) {
        throw new AppError(
          'conflict',
          `Only new orders can be acknowledged (order ${orderId} has status ${order.status})`,
        );
      }
      return queue({ accountId, orderId, kind: 'acknowledge', payload: {}, dedupeKey: `ack:${accountId}:${orderId}` });
    },

    changeStatus(accountId: number, orderId: number, status: OrderStatus): OutboxAction {
      const order = load(accountId, orderId);
      const platform = repos.accounts.get(accountId)?.platform ?? 'emag-ro';
      const since = statusSinceOf(order, platform);
      const allowed = since
        ? allowedStatusChanges({ status: order.status, type: order.type, since }, deps.clock.now())
        : [];
      if (!allowed.includes(status)) {
        throw new AppError(
          'conflict',
          `eMAG does not allow order ${orderId} to go from status ${order.status} to ${status}`,
        );
      }
      return queue({ accountId, orderId, kind: 'status', payload: { status, fromStatus: order.status } });
    },

    generateAwb(request: AwbRequest): OutboxAction {
      const order = load(request.accountId, request.orderId);
      if (order.type === 2) throw new AppError('conflict', 'eMAG ships orders it fulfils (FBE) itself');
      if (order.status !== 2 && order.status !== 3 && order.status !== 4) {
        throw new AppError(
          'conflict',
          `An AWB needs an order in progress or prepared (order ${order.id} has status ${order.status})`,
        );
      }
      const { accountId, orderId, sender, ...awb } = request;
      return queue({
        accountId,
        orderId,
        kind: 'awb',
        payload: { ...awb, ...(sender ? { sender: emagSender(sender) } : {}) },
      });
    },

    attachInvoice(accountId: number, orderId: number, url: string, name?: string): OutboxAction {
      const order = load(accountId, orderId);
      return queue({
        accountId,
        orderId,
        kind: 'invoice',
        payload: { url, name: name ?? `Factura ${orderId}`, orderType: order.type },
        dedupeKey: `invoice:${accountId}:${orderId}:${url}`,
      });
    },

    retry(id: number): OutboxAction {
      const current = repos.outbox.get(id);
      if (!current) throw notFound(`Action ${id}`);
      if (current.state !== 'failed') throw new AppError('conflict', `Action ${id} is ${current.state}, not failed`);
      const action = repos.outbox.retry(id)!;
      deps.bus.emit({ type: 'outbox_changed', action });
      deps.kickOutbox(action.accountId);
      return action;
    },
  };
}

export type OrderActions = ReturnType<typeof orderActions>;
