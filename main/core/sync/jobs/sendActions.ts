// The send-actions job: drains the account's outbox (acknowledge, status change, AWB, invoice) within the client's
// rate limits. A send that worked is recorded with the local effects in one transaction; a transient failure is
// retried later with backoff, across runs and restarts; a refusal is recorded as failed with eMAG's reason.
import type { AppNotification, NotificationKind, OutboxAction, OutboxKind } from '../../../../shared/domain';
import type { MagflowEvent } from '../../../../shared/events';
import { enforcedCouriersOf, receiverFromOrder } from '../../../../shared/awb';
import {
  awbIdentityOf,
  emagOrderSchema,
  isEmagError,
  type AwbIdentity,
  type EmagAwbInput,
  type EmagAwbParty,
  type RawEmagOrder,
} from '../../emag';
import { accountOf, orderTypeOf, type JobContext } from '../context';
import { failureLine, messages } from '../../messages/catalogue';
import { notificationText, type Text } from '../notificationText';
import { classifyFailure, PermanentActionError, retryDelayMs, UNCONFIRMED } from '../outboxPolicy';
import { sendOfferEdit } from '../sendOfferEdit';
import { storeOrders } from '../storeOrders';
import { sendReturnAction } from '../../returns/sendReturnAction';

/** What a handler reports when the action took effect (or provably already had). */
interface Done {
  result: Record<string, unknown>;
  /** Set acknowledged_at on the order in the same transaction that marks the action sent. */
  acknowledged?: boolean;
  events?: MagflowEvent[];
  notification?: { kind: NotificationKind; text: Text };
}

/** Per attempt: whether an earlier unconfirmed attempt was checked and found not applied. */
interface Attempt {
  verified: boolean;
}

type Handler = (ctx: JobContext, action: OutboxAction, attempt: Attempt) => Promise<Done>;

const BATCH = 20;

/** Kinds whose request eMAG would apply twice (acknowledge is a no-op when repeated; a status change reads first). */
const UNSAFE_TO_REPEAT = new Set<OutboxKind>(['awb', 'invoice']);
const IN_FLIGHT_NOTE = `${UNCONFIRMED}MagFlow stopped while sending this action; the next attempt checks eMAG first`;

function orderIdOf(action: OutboxAction): number {
  if (action.orderId === null)
    throw new PermanentActionError('action.no_order', {}, `The ${action.kind} action has no order`);
  return action.orderId;
}

const unknownOrder = (orderId: number) =>
  new PermanentActionError('action.order_unknown_at_emag', { orderId }, `eMAG does not know order ${orderId}`);

const unconfirmed = (action: OutboxAction): boolean => action.lastError?.startsWith(UNCONFIRMED) ?? false;

/** An order as eMAG has it now: verbatim (the base of every write), with the few fields the handlers decide on. */
interface FreshOrder {
  raw: RawEmagOrder;
  status: number;
  type: number | null;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.values(value) : [];

/**
 * Every write starts by re-reading its order, verbatim: a field MagFlow cannot parse (an object where a code was
 * expected, say) never blocks an action, and order/save gets every field back in the form eMAG sent it.
 */
async function readFresh(ctx: JobContext, orderId: number, type: 2 | 3): Promise<FreshOrder | undefined> {
  const client = ctx.client();
  const found = await ctx.call((options) => client.orders.readRaw({ id: orderId, type }, options));
  const raw = found.find((order) => Number(order.id) === orderId);
  if (!raw) return undefined;
  const orderType = Number(raw.type);
  return { raw, status: Number(raw.status), type: Number.isInteger(orderType) ? orderType : null };
}

/** Stores a re-read order when MagFlow can parse it; one it cannot is left to the sync (the write still went out). */
async function storeFresh(ctx: JobContext, fresh: FreshOrder): Promise<void> {
  const parsed = emagOrderSchema.safeParse(fresh.raw);
  if (parsed.success) {
    await storeOrders(ctx, [parsed.data]);
    return;
  }
  ctx.logger.warn('an order re-read for an action has a shape MagFlow cannot store; the sync will deal with it', {
    orderId: Number(fresh.raw.id),
    issue: parsed.error.issues[0]?.path.join('.'),
  });
}

/** Re-reads and stores the order after an action; best effort (order-changes catches up if this fails). */
async function refresh(ctx: JobContext, orderId: number, type: 2 | 3): Promise<void> {
  try {
    const fresh = await readFresh(ctx, orderId, type);
    if (fresh) await storeFresh(ctx, fresh);
  } catch (error) {
    ctx.logger.warn('re-reading the order after an action failed', { orderId, error: String(error) });
  }
}

function storedTypeOf(ctx: JobContext, orderId: number): 2 | 3 {
  const account = accountOf(ctx);
  return ctx.deps.repos.orders.get(account.id, orderId)?.type ?? orderTypeOf(account);
}

const acknowledge: Handler = async (ctx, action) => {
  const account = accountOf(ctx);
  const orderId = orderIdOf(action);
  // Never acknowledge an order eMAG fulfils: refused here, before anything is sent.
  if (account.kind === 'fbe') {
    throw new PermanentActionError(
      'action.fbe_never_acknowledged',
      { orderId },
      'Orders fulfilled by eMAG (FBE) are never acknowledged',
    );
  }
  const stored = ctx.deps.repos.orders.get(account.id, orderId);
  if (stored?.type === 2) {
    throw new PermanentActionError(
      'action.fbe_never_acknowledged',
      { orderId },
      `Order ${orderId} is fulfilled by eMAG (type 2) and cannot be acknowledged`,
    );
  }
  if (stored && stored.status !== 1) {
    // eMAG already shows it past "new": nothing to send. Past "new" means acknowledged (by this action before a
    // crash cut it short after the re-read, or by the seller in eMAG), so it is recorded; a cancellation is not.
    return {
      result: { skipped: stored.status === 0 ? 'canceled' : 'not-new', status: stored.status },
      acknowledged: stored.status !== 0,
    };
  }
  const client = ctx.client();
  try {
    await ctx.call((options) => client.orders.acknowledge(orderId, options));
  } catch (error) {
    if (!isEmagError(error) || error.kind !== 'api') throw error;
    // eMAG refused. If the order is no longer new, the acknowledgement is moot: a retry after a lost answer, or the
    // customer canceled first. Either way it is done; anything else is a real refusal.
    const fresh = await readFresh(ctx, orderId, 3);
    if (!fresh || fresh.status === 1) throw error;
    await storeFresh(ctx, fresh);
    return {
      result: { skipped: fresh.status === 0 ? 'canceled' : 'already-acknowledged', status: fresh.status },
      acknowledged: fresh.status !== 0,
    };
  }
  // eMAG staff may edit an order until it is acknowledged: store what it looks like now.
  await refresh(ctx, orderId, 3);
  return { result: { acknowledged: true }, acknowledged: true };
};

const changeStatus: Handler = async (ctx, action) => {
  const account = accountOf(ctx);
  const orderId = orderIdOf(action);
  const target = Number(action.payload.status);
  if (!Number.isInteger(target) || target < 0 || target > 5) {
    throw new PermanentActionError(
      'action.status_unknown',
      { status: String(action.payload.status) },
      `Status ${String(action.payload.status)} is not an eMAG order status`,
    );
  }
  const fbeNotEditable = () =>
    new PermanentActionError(
      'action.fbe_not_editable',
      { orderId },
      `Order ${orderId} is fulfilled by eMAG and cannot be edited`,
    );
  if (storedTypeOf(ctx, orderId) === 2 || account.kind === 'fbe') throw fbeNotEditable();
  // order/save must carry every field as read: read it now, verbatim, and change only the status.
  const fresh = await readFresh(ctx, orderId, 3);
  if (!fresh) throw unknownOrder(orderId);
  if (fresh.type === 2) throw fbeNotEditable();
  if (fresh.status === target) {
    // Already there (a retry after a lost answer, or changed in eMAG's interface): done.
    await storeFresh(ctx, fresh);
    return { result: { status: target, already: true } };
  }
  // A cancellation carries the seller's reason (queued with it, checked in main/core/orders/actions.ts).
  const reason =
    target === 0 && typeof action.payload.reasonCancellation === 'number'
      ? action.payload.reasonCancellation
      : undefined;
  const client = ctx.client();
  try {
    await ctx.call((options) => client.orders.changeStatus(fresh.raw, target, options, reason));
  } catch (error) {
    if (!isEmagError(error) || error.kind !== 'api') throw error;
    // eMAG refused. When the first answer was lost, the client repeats the save, and the repeat can be refused
    // because the first one took effect (the order's `modified` moved): if the order has reached the target, the
    // change is done; anything else is a real refusal.
    const after = await readFresh(ctx, orderId, 3);
    if (!after || after.status !== target) throw error;
    await storeFresh(ctx, after);
    return { result: { status: target, already: true } };
  }
  await refresh(ctx, orderId, 3);
  return { result: { status: target } };
};

/** The receiver block from the order itself (actions queued before the dialog sent one), in awb/save's shape. */
function receiverOf(order: RawEmagOrder): EmagAwbParty {
  const draft = receiverFromOrder(order);
  return {
    name: draft.name,
    contact: draft.contact,
    phone1: draft.phone,
    legal_entity: draft.legalEntity ? 1 : 0,
    locality_id: draft.localityId ?? 0,
    street: draft.street,
    ...(draft.zipcode ? { zipcode: draft.zipcode } : {}),
  };
}

/**
 * After an unconfirmed awb/save, was the AWB issued anyway? The first AWB finalizes the order, so an order that was
 * in progress or prepared when the action was queued and is finalized now has it. An order already finalized before
 * (a second AWB) cannot be told apart: the seller decides.
 */
async function awbAlreadyIssued(ctx: JobContext, action: OutboxAction, orderId: number): Promise<boolean> {
  const account = accountOf(ctx);
  const fresh = await readFresh(ctx, orderId, 3);
  if (!fresh) throw unknownOrder(orderId);
  if (fresh.status !== 4) return false;
  const stored = ctx.deps.repos.orders.get(account.id, orderId);
  const finalizedSinceQueued =
    stored !== undefined &&
    (stored.status === 2 ||
      stored.status === 3 ||
      stored.statusHistory.some((entry) => entry.status === 4 && entry.at >= action.createdAt));
  if (finalizedSinceQueued) {
    await storeFresh(ctx, fresh);
    return true;
  }
  throw new PermanentActionError(
    'action.awb_unconfirmed_finalized',
    { orderId },
    `eMAG's answer to the AWB request for order ${orderId} was lost and the order was already finalized: ` +
      'check in eMAG whether the AWB exists before trying again',
  );
}

const issueAwb: Handler = async (ctx, action, attempt) => {
  const account = accountOf(ctx);
  const orderId = orderIdOf(action);
  if (account.kind === 'fbe' || storedTypeOf(ctx, orderId) === 2) {
    throw new PermanentActionError(
      'action.fbe_no_awb',
      { orderId },
      `eMAG ships order ${orderId} itself (FBE): no AWB from the seller`,
    );
  }
  if (unconfirmed(action)) {
    if (await awbAlreadyIssued(ctx, action, orderId)) return { result: { verified: true, awbNumber: null } };
    attempt.verified = true;
  }
  const fresh = await readFresh(ctx, orderId, 3);
  if (!fresh) throw unknownOrder(orderId);
  const payload = action.payload;
  const sender = payload.sender as EmagAwbParty | undefined;
  if (!sender) {
    throw new PermanentActionError('action.awb_no_sender', {}, 'The AWB request has no sender (pickup) address');
  }
  const courierAccountId = typeof payload.courierAccountId === 'number' ? payload.courierAccountId : undefined;
  // eMAG may have changed the allowed couriers since the seller asked: checked again on the order as it is now.
  const enforced = enforcedCouriersOf(fresh.raw);
  if (enforced !== null && enforced.length === 0) {
    throw new PermanentActionError(
      'action.awb_no_courier',
      { orderId },
      `eMAG takes no AWB from MagFlow for order ${orderId}: its courier list is empty (issue it in eMAG)`,
    );
  }
  if (enforced !== null && (courierAccountId === undefined || !enforced.includes(courierAccountId))) {
    throw new PermanentActionError(
      'action.awb_courier_required',
      { orderId, couriers: enforced.join(', '), count: enforced.length },
      `eMAG requires one of the courier accounts ${enforced.join(', ')} for order ${orderId}: choose one and retry`,
    );
  }
  const details = asRecord(fresh.raw.details);
  const locker =
    fresh.raw.delivery_mode === 'pickup' && typeof details.locker_id === 'string' ? details.locker_id : undefined;
  const request: EmagAwbInput = {
    order_id: orderId,
    sender,
    receiver: (payload.receiver as EmagAwbParty | undefined) ?? receiverOf(fresh.raw),
    is_oversize: payload.isOversize === 1 ? 1 : 0,
    envelope_number: Number(payload.envelopes ?? 0),
    parcel_number: Number(payload.parcels ?? 1),
    weight: Number(payload.weightKg ?? 1),
    cod: Number(payload.codMinor ?? 0) / 100,
    ...(locker ? { locker_id: locker } : {}),
    ...(courierAccountId === undefined ? {} : { courier_account_id: courierAccountId }),
    ...(typeof payload.observation === 'string' ? { observation: payload.observation } : {}),
  };
  const client = ctx.client();
  const awbs = await ctx.call((options) => client.awb.save(request, options));
  // The AWB exists from here on: a failed read-back of its number must not fail (and so repeat) the action.
  let identity: AwbIdentity;
  try {
    identity = await ctx.call((options) => client.awb.identify(awbs, options));
  } catch (error) {
    identity = awbIdentityOf(awbs[0] ?? {});
    ctx.logger.warn('the AWB was issued but its number could not be read back', { orderId, error: String(error) });
  }
  const { awbNumber } = identity;
  await refresh(ctx, orderId, 3);
  const lang = ctx.deps.settings().language;
  return {
    result: { awbNumber, emagId: identity.emagId, reservationId: identity.reservationId },
    events: [{ type: 'awb_generated', accountId: account.id, orderId, awbNumber }],
    notification: { kind: 'awb', text: notificationText.awb(lang, account.name, orderId, awbNumber) },
  };
};

const attachInvoice: Handler = async (ctx, action, attempt) => {
  const account = accountOf(ctx);
  const orderId = orderIdOf(action);
  const url = typeof action.payload.url === 'string' ? action.payload.url : '';
  if (!url) throw new PermanentActionError('action.invoice_no_url', {}, 'The invoice action has no URL');
  const orderType =
    action.payload.orderType === 2 ? 2 : action.payload.orderType === 3 ? 3 : storedTypeOf(ctx, orderId);
  const lang = ctx.deps.settings().language;
  const done = (result: Record<string, unknown>): Done => ({
    result,
    events: [{ type: 'invoice_generated', accountId: account.id, orderId, url }],
    notification: { kind: 'invoice', text: notificationText.invoice(lang, account.name, orderId) },
  });
  // Re-read first: the order must exist, and an invoice already in its list (a lost answer, or the seller attached it
  // in eMAG) is not sent again.
  const fresh = await readFresh(ctx, orderId, orderType);
  if (!fresh) throw unknownOrder(orderId);
  if (asList(fresh.raw.attachments).some((attachment) => asRecord(attachment).url === url)) {
    await storeFresh(ctx, fresh);
    return done({ url, verified: true });
  }
  if (unconfirmed(action)) attempt.verified = true;
  // A presigned link from the seller's bucket (main/core/invoices) must still work when eMAG fetches it: with less
  // than an hour left it is not sent; dropping the file again gives a fresh one.
  const expiresAt = typeof action.payload.expiresAt === 'string' ? Date.parse(action.payload.expiresAt) : NaN;
  if (expiresAt <= ctx.deps.clock.now().getTime() + 3_600_000) {
    throw new PermanentActionError(
      'action.invoice_link_expiring',
      { expiresAt: String(action.payload.expiresAt) },
      `The invoice link expires at ${String(action.payload.expiresAt)}, too soon for eMAG to download it: attach the PDF again`,
    );
  }
  const name = typeof action.payload.name === 'string' ? action.payload.name.slice(0, 60) : undefined;
  const client = ctx.client();
  await ctx.call((options) =>
    client.attachments.save(
      { order_id: orderId, order_type: orderType, url, type: 1, ...(name ? { name } : {}) },
      options,
    ),
  );
  await refresh(ctx, orderId, orderType);
  return done({ url });
};

const HANDLERS: Record<OutboxKind, Handler> = {
  acknowledge,
  status: changeStatus,
  awb: issueAwb,
  invoice: attachInvoice,
  offer: (ctx, action) => sendOfferEdit(ctx, action),
  // Issue 18: a return's status change (rma/save).
  return: sendReturnAction,
};

/** Counts, logs and announces an attempt that did not go through: to be retried later, or failed for good. */
function recordUnsent(ctx: JobContext, action: OutboxAction, outcome: 'retry' | 'failed', error: string): void {
  ctx.counts[outcome === 'retry' ? 'unchanged' : 'failed']++;
  ctx.metrics?.outbox.inc({ kind: action.kind, outcome });
  const details = { actionId: action.id, kind: action.kind, error };
  if (outcome === 'retry') ctx.logger.warn('outbox action will be retried', details);
  else ctx.logger.error('outbox action failed for good', details);
  ctx.deps.bus.emit({ type: 'outbox_changed', action });
}

async function sendAction(ctx: JobContext, action: OutboxAction): Promise<void> {
  const { repos, bus, clock } = ctx.deps;
  const account = accountOf(ctx);
  const lang = ctx.deps.settings().language;
  const attempt: Attempt = { verified: false };
  if (UNSAFE_TO_REPEAT.has(action.kind) && !unconfirmed(action)) {
    // Written before the send: a crash (or a stop) between the send and recording its outcome leaves this note,
    // and the next attempt checks eMAG first instead of issuing a second AWB or attachment.
    repos.outbox.markSending(action.id, IN_FLIGHT_NOTE);
  }
  let done: Done;
  try {
    done = await HANDLERS[action.kind](ctx, action, attempt);
  } catch (error) {
    const failure = classifyFailure(error, ctx.signal);
    if (failure.kind === 'aborted') return; // not an attempt: the run is ending, the action stays due
    if (failure.kind === 'retry') {
      const uncertain = failure.uncertain || (unconfirmed(action) && !attempt.verified);
      const delay = retryDelayMs(
        action.attempts + 1,
        ctx.tuning.outboxRetryBaseMs,
        ctx.tuning.outboxRetryMaxMs,
        ctx.tuning.random,
      );
      const updated = repos.outbox.markAttemptFailed(
        action.id,
        `${uncertain ? UNCONFIRMED : ''}${failure.message}`,
        new Date(clock.now().getTime() + delay),
        uncertain ? { ...failure.failure, code: 'action.unconfirmed', params: {} } : failure.failure,
      );
      recordUnsent(ctx, updated, 'retry', failure.message);
      return;
    }
    // eMAG's refusal in the seller's words (cause and eMAG's reason); MagFlow's own checks say theirs.
    const { cause, reason: emagSaid } = failure.failure;
    const reason =
      isEmagError(error) && cause
        ? failureLine(lang, cause, emagSaid)
        : messages(lang).notifications.actionRefused(failure.message);
    const text = notificationText.actionFailed(lang, account.name, action.orderId, action.kind, reason);
    const { updated, notification } = repos.transaction(() => ({
      updated: repos.outbox.markAttemptFailed(action.id, failure.message, null, failure.failure),
      notification: repos.notifications.add({
        kind: 'sync_failure',
        ...text,
        accountId: account.id,
        orderId: action.orderId,
      }),
    }));
    recordUnsent(ctx, updated, 'failed', failure.message);
    bus.emit({ type: 'notification_added', notification });
    return;
  }

  // The send worked: its local effects and the "sent" mark go in together, so a crash cannot send it twice.
  const { sent, notification } = repos.transaction(() => {
    if (done.acknowledged && action.orderId !== null) repos.orders.markAcknowledged(account.id, action.orderId);
    const notification: AppNotification | null = done.notification
      ? repos.notifications.add({
          kind: done.notification.kind,
          ...done.notification.text,
          accountId: account.id,
          orderId: action.orderId,
        })
      : null;
    return { sent: repos.outbox.markSent(action.id, done.result), notification };
  });
  ctx.counts.updated++;
  ctx.metrics?.outbox.inc({ kind: action.kind, outcome: 'sent' });
  bus.emit({ type: 'outbox_changed', action: sent });
  for (const event of done.events ?? []) bus.emit(event);
  if (notification) bus.emit({ type: 'notification_added', notification });
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export async function sendActionsJob(ctx: JobContext): Promise<void> {
  const account = accountOf(ctx);
  const { repos } = ctx.deps;
  const attempted = new Set<number>();
  for (;;) {
    ctx.signal.throwIfAborted();
    // Each action gets one attempt per run; one that failed waits for its backoff (a later run).
    const batch = repos.outbox
      .due(account.id, BATCH + attempted.size)
      .filter((action) => !attempted.has(action.id))
      .slice(0, BATCH);
    if (batch.length === 0) return;
    for (const action of batch) attempted.add(action.id);
    await forEachLimited(batch, ctx.tuning.outboxConcurrency, (action) => sendAction(ctx, action));
    ctx.progress(attempted.size, null);
  }
}
