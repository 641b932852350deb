// The order open in the detail screen and the seller's actions on it; each action goes through main's outbox and its
// state (pending / sent / failed) follows outbox_changed events.
import { create } from 'zustand';
import type { CourierAccount, OrderDetail, OrderStatus, OutboxAction, OutboxKind } from '../../../shared/domain';
import type { ChannelInput } from '../../../shared/ipc';
import { call } from '../api/client';
import { CallError } from '../api/errors';

export type AwbInput = Omit<ChannelInput<'orders.generateAwb'>, 'accountId' | 'orderId'>;

interface OrderDetailState {
  key: { accountId: number; orderId: number } | null;
  detail: OrderDetail | null;
  error: CallError | null;
  couriers: CourierAccount[] | null;
  couriersError: CallError | null;
  /** The action being handed to main right now. */
  busy: OutboxKind | 'retry' | 'undo' | null;
  actionError: CallError | null;
  /** The action the seller gave last on this order: its feedback follows its state (queued, then sent or failed). */
  lastAction: OutboxAction | null;
  open(accountId: number, orderId: number): Promise<void>;
  reload(): Promise<void>;
  loadCouriers(): Promise<void>;
  acknowledge(): Promise<void>;
  /** `reason`: with a cancellation (status 0), one of eMAG's cancellation reason codes. */
  changeStatus(status: OrderStatus, reason?: number): Promise<void>;
  generateAwb(input: AwbInput): Promise<void>;
  attachInvoice(url: string, name?: string): Promise<void>;
  retry(actionId: number): Promise<void>;
  /** Takes back an action still in its undo window. */
  undo(actionId: number): Promise<void>;
  applyOutbox(action: OutboxAction): void;
  clearActionError(): void;
}

function upsertAction(actions: OutboxAction[], action: OutboxAction): OutboxAction[] {
  const rest = actions.filter((a) => a.id !== action.id);
  return [action, ...rest].sort((a, b) => b.id - a.id);
}

export const useOrderDetail = create<OrderDetailState>()((set, get) => {
  const isCurrent = (accountId: number, orderId: number | null) => {
    const key = get().key;
    return key !== null && key.accountId === accountId && key.orderId === orderId;
  };

  async function submit(kind: OutboxKind | 'retry' | 'undo', send: () => Promise<OutboxAction>): Promise<void> {
    set({ busy: kind, actionError: null });
    try {
      const action = await send();
      set({ lastAction: action });
      get().applyOutbox(action);
    } catch (error) {
      set({ actionError: CallError.from(error) });
      throw error;
    } finally {
      set({ busy: null });
    }
  }

  const currentKey = () => {
    const key = get().key;
    if (!key) throw new CallError('not_found', 'No order is open.');
    return key;
  };

  return {
    key: null,
    detail: null,
    error: null,
    couriers: null,
    couriersError: null,
    busy: null,
    actionError: null,
    lastAction: null,
    async open(accountId, orderId) {
      const sameAccount = get().key?.accountId === accountId;
      set({
        key: { accountId, orderId },
        detail: null,
        error: null,
        actionError: null,
        lastAction: null,
        couriers: sameAccount ? get().couriers : null,
      });
      await get().reload();
    },
    async reload() {
      const key = get().key;
      if (!key) return;
      try {
        const detail = await call('orders.get', key);
        if (isCurrent(detail.accountId, detail.id)) set({ detail, error: null });
      } catch (error) {
        if (get().key === key) set({ error: CallError.from(error) });
      }
    },
    async loadCouriers() {
      const { accountId } = currentKey();
      try {
        set({ couriers: await call('couriers.list', { accountId }), couriersError: null });
      } catch (error) {
        set({ couriersError: CallError.from(error) });
      }
    },
    acknowledge: () => submit('acknowledge', () => call('orders.acknowledge', currentKey())),
    changeStatus: (status, reason) =>
      submit('status', () =>
        call('orders.changeStatus', { ...currentKey(), status, ...(reason === undefined ? {} : { reason }) }),
      ),
    generateAwb: (input) => submit('awb', () => call('orders.generateAwb', { ...currentKey(), ...input })),
    attachInvoice: (url, name) =>
      submit('invoice', () => call('orders.attachInvoice', { ...currentKey(), url, ...(name ? { name } : {}) })),
    retry: (id) => submit('retry', () => call('outbox.retry', { id })),
    undo: (id) => submit('undo', () => call('outbox.undo', { id })),
    applyOutbox(action) {
      const detail = get().detail;
      if (!detail || !isCurrent(action.accountId, action.orderId)) return;
      const previous = detail.actions.find((a) => a.id === action.id);
      const lastAction = get().lastAction?.id === action.id ? action : get().lastAction;
      set({ detail: { ...detail, actions: upsertAction(detail.actions, action) }, lastAction });
      // Once eMAG took the action, the order itself changed (status, acknowledged, AWB): read it again.
      if (action.state === 'sent' && previous?.state !== 'sent') void get().reload();
    },
    clearActionError: () => set({ actionError: null }),
  };
});

/** Runs an order action for a button; resolves whether it worked (the store keeps its error for display). */
export async function attemptAction(run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch {
    return false;
  }
}
