// Order routes: read, count, acknowledge, save (status matrix, line edits, storno), unlock-courier, attachments.
import { isCancellationReason } from '../../../shared/cancellationReasons';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { AccountState } from '../accountState';
import { downloadAttachment } from '../attachmentDownload';
import { ApiRefusal } from '../envelope';
import { decimalToUnits } from '../money';
import { parseOrderFilters } from '../orderFilters';
import { OrderStatus, acknowledgeDecision, transitionRefusal } from '../orderLifecycle';
import { asEntityList, asFilterObject, countResult, intLike, parseWith, readPage } from '../payload';
import type { EmagOrderProduct, EmagOrderRecord } from '../records';
import type { StoredOrder } from '../storedOrder';
import type { HandlerContext, RouteSpec } from './context';

function findOrder(account: AccountState, rawId: unknown): StoredOrder {
  const id = typeof rawId === 'string' && /^\d+$/.test(rawId) ? Number(rawId) : rawId;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1)
    throw new ApiRefusal(`Invalid order id '${String(rawId)}'`);
  const order = account.orders.get(id);
  if (!order) throw new ApiRefusal(`Order ${id} was not found`);
  return order;
}

/** The order exactly as order/read serves it (in its live forms): what an order/save must send back. */
function servedOrder(account: AccountState, order: StoredOrder): unknown {
  return account.answer.order(account.orders.record(order));
}

function readOrders({ account, payload }: HandlerContext): unknown[] {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  const query = parseOrderFilters(filters, 3, account.time);
  const rows = account.orders.query(query, (page.currentPage - 1) * page.itemsPerPage, page.itemsPerPage);
  return rows.map((o) => servedOrder(account, o));
}

function countOrders({ account, payload }: HandlerContext): ReturnType<typeof countResult> {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  return countResult(account.orders.count(parseOrderFilters(filters, undefined, account.time)), page.itemsPerPage);
}

function acknowledge({ account, param, nowMs }: HandlerContext): unknown[] {
  const order = findOrder(account, param);
  if (acknowledgeDecision(order)) account.orders.setStatus(order, OrderStatus.InProgress, nowMs);
  return [];
}

function unlockCourier({ account, param, nowMs }: HandlerContext): unknown[] {
  const order = findOrder(account, param);
  if (order.type !== 3)
    throw new ApiRefusal(`Order ${order.id} is fulfilled by eMAG and has no seller courier to unlock`);
  const record = account.orders.record(order);
  record.enforced_vendor_courier_accounts = null;
  account.orders.touch(order, nowMs);
  return [];
}

const lineSchema = z
  .object({
    id: intLike.optional(),
    product_id: intLike.optional(),
    name: z.string().optional(),
    quantity: intLike.pipe(z.number().min(0)).optional(),
    status: intLike.pipe(z.union([z.literal(0), z.literal(1)])).optional(),
    sale_price: z.union([z.string(), z.number()]).optional(),
    part_number: z.string().optional(),
    vat: z.union([z.string(), z.number()]).optional(),
  })
  .loose();

const orderSaveSchema = z
  .object({
    id: intLike,
    status: intLike,
    // Both required by the text (type since August 2025); and both were read, so both go back.
    type: intLike,
    payment_mode_id: intLike,
    products: z.array(lineSchema),
    // The text types it Boolean: "true"/"1" strings are not it.
    is_storno: z.boolean({ error: 'is_storno must be true or false (a JSON boolean)' }).optional(),
    // Saved as the integer code, whatever form it was read in: one of the codes the text lists (1-3, 15-43).
    reason_cancellation: z
      .number({ error: 'reason_cancellation must be an integer cancellation code' })
      .int()
      .refine(isCancellationReason, {
        error: "reason_cancellation must be one of eMAG's cancellation reason codes (1, 2, 3 or 15 to 43)",
      })
      .nullable()
      .optional(),
  })
  .loose();

/** Order fields an order/save may change; every other field must come back exactly as read. */
const CHANGEABLE_FIELDS = new Set(['status', 'products', 'is_storno', 'reason_cancellation']);
/** Product line fields a save may change (sale_price is checked apart: prices can no longer change). */
const CHANGEABLE_LINE_FIELDS = new Set(['quantity', 'status', 'sale_price']);

/** The JSON value the client was served (so 19.99 and "19.99" differ, as they do on the wire). */
const asJson = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

/**
 * eMAG: "When updating an order, the seller should send ALL the fields initially read." The sandbox holds a save to
 * that word for word: every field read must be there, in the form it was read, except the fields a save changes.
 */
function sentAsRead(orderId: number, served: unknown, entity: Record<string, unknown>): void {
  const read = asJson(served) as Record<string, unknown>;
  for (const [key, value] of Object.entries(read)) {
    if (CHANGEABLE_FIELDS.has(key)) continue;
    if (!(key in entity)) throw new ApiRefusal(`Order ${orderId}: send back every field read ('${key}' is missing)`);
    if (!isDeepStrictEqual(asJson(entity[key]), value)) {
      throw new ApiRefusal(`Order ${orderId}: '${key}' differs from the order as read (send every field as read)`);
    }
  }
  const readLines = new Map(
    (read.products as Record<string, unknown>[]).map((line) => [line.id as number, line] as const),
  );
  for (const sent of entity.products as unknown[]) {
    const line = sent as Record<string, unknown>;
    const before = readLines.get(line.id as number);
    if (!before) continue; // a new line
    for (const [key, value] of Object.entries(before)) {
      if (CHANGEABLE_LINE_FIELDS.has(key)) continue;
      if (!isDeepStrictEqual(asJson(line[key]), value)) {
        throw new ApiRefusal(
          `Order ${orderId}: '${key}' of product line ${String(line.id)} differs from the order as read`,
        );
      }
    }
    if ('sale_price' in line && !isDeepStrictEqual(asJson(line.sale_price), before.sale_price)) {
      throw new ApiRefusal(
        `Order ${orderId}: product prices can no longer be changed (send sale_price of line ${String(line.id)} as read)`,
      );
    }
  }
}

type SaveLine = z.infer<typeof lineSchema>;

interface PlannedSave {
  order: StoredOrder;
  status: number;
  products: EmagOrderProduct[] | null;
  reason: number | null | undefined;
}

/** Works out the new product lines of an order/save, or refuses the edit. Returns null when nothing changes. */
function planLines(
  order: StoredOrder,
  record: EmagOrderRecord,
  lines: SaveLine[],
  storno: boolean,
  nextId: () => number,
  nowText: string,
): EmagOrderProduct[] | null {
  const byId = new Map(record.products.map((p) => [p.id, p]));
  const seen = new Set<number>();
  const next: EmagOrderProduct[] = [];
  let reduced = false;
  let increased = false;
  for (const line of lines) {
    const existing = line.id !== undefined ? byId.get(line.id) : undefined;
    if (!existing) {
      if (line.product_id === undefined || line.name === undefined || line.sale_price === undefined) {
        throw new ApiRefusal(`Order ${order.id}: a new product line needs product_id, name, status and sale_price`);
      }
      const priceUnits = decimalToUnits(line.sale_price);
      if (priceUnits === null) throw new ApiRefusal(`Order ${order.id}: invalid sale_price on the new line`);
      increased = true;
      next.push({
        id: nextId(),
        product_id: line.product_id,
        mkt_id: 0,
        name: line.name,
        status: line.status ?? 1,
        part_number: line.part_number ?? '',
        ext_part_number: line.part_number ?? '',
        part_number_key: '',
        currency: record.currency,
        vat: line.vat === undefined ? '0.21' : String(line.vat),
        quantity: line.quantity ?? 1,
        initial_qty: line.quantity ?? 1,
        storno_qty: 0,
        sale_price: (priceUnits / 10_000).toFixed(4),
        original_price: (priceUnits / 10_000).toFixed(4),
        created: nowText,
        modified: nowText,
        details: '',
        product_voucher_split: [],
        recycle_warranties: [],
        serial_numbers: '',
      });
      continue;
    }
    seen.add(existing.id);
    // Compared as numbers: live answers carry product_id as text.
    if (line.product_id !== undefined && line.product_id !== Number(existing.product_id)) {
      throw new ApiRefusal(`Order ${order.id}: product_id of line ${existing.id} cannot be changed`);
    }
    if (line.sale_price !== undefined && decimalToUnits(line.sale_price) !== decimalToUnits(existing.sale_price)) {
      throw new ApiRefusal(`Order ${order.id}: product prices can no longer be changed (line ${existing.id})`);
    }
    const quantity = line.quantity ?? existing.quantity;
    const status = line.status ?? existing.status;
    const effectiveOld = existing.status === 1 ? existing.quantity : 0;
    const effectiveNew = status === 1 ? quantity : 0;
    if (effectiveNew < effectiveOld) reduced = true;
    if (effectiveNew > effectiveOld) increased = true;
    if (quantity !== existing.quantity || status !== existing.status) {
      const storno_qty = storno ? existing.storno_qty + Math.max(effectiveOld - effectiveNew, 0) : existing.storno_qty;
      next.push({ ...existing, quantity, status, storno_qty, modified: nowText });
    } else {
      next.push(existing);
    }
  }
  for (const existing of record.products) {
    if (seen.has(existing.id)) continue;
    // eMAG: a line left out of order/save is removed.
    if (existing.status === 1 && existing.quantity > 0) {
      reduced = true;
      const storno_qty = storno ? existing.storno_qty + existing.quantity : existing.storno_qty;
      next.push({ ...existing, status: 0, storno_qty, quantity: storno ? 0 : existing.quantity, modified: nowText });
    } else {
      next.push(existing);
    }
  }
  if (!reduced && !increased) return null;
  if (order.status === OrderStatus.InProgress || order.status === OrderStatus.Prepared) {
    if (reduced && order.paymentModeId === 3) {
      throw new ApiRefusal(`Order ${order.id}: products cannot be removed or reduced on online card orders`);
    }
    return next;
  }
  if (order.status === OrderStatus.Finalized) {
    if (!storno) {
      throw new ApiRefusal(`Order ${order.id}: a finalized order can only be changed with is_storno (partial return)`);
    }
    if (increased) throw new ApiRefusal(`Order ${order.id}: a storno can only reduce quantities`);
    return next;
  }
  throw new ApiRefusal(`Order ${order.id}: products can be changed only while the order is in progress or prepared`);
}

function saveOrders({ account, payload, nowMs }: HandlerContext): unknown[] {
  const entities = asEntityList(payload);
  const nowText = account.time.format(nowMs);
  const plans: PlannedSave[] = [];
  const refusals: string[] = [];
  const nextLineId = (): number => account.takeLineId();
  entities.forEach((entity, i) => {
    try {
      const parsed = orderSaveSchema.safeParse(entity);
      if (!parsed.success) {
        throw new ApiRefusal(
          `Order entity ${i}: send back every field read (at least id, status and products): ${parsed.error.issues
            .map((issue) => `${issue.path.join('.') || 'order'}: ${issue.message}`)
            .join('; ')}`,
        );
      }
      const save = parsed.data;
      const order = findOrder(account, save.id);
      if (order.type !== 3)
        throw new ApiRefusal(`Order ${order.id} is fulfilled by eMAG (type 2) and cannot be edited`);
      if (save.type !== order.type) {
        throw new ApiRefusal(`Order ${order.id}: type ${save.type} does not match the order's type ${order.type}`);
      }
      if (save.payment_mode_id !== order.paymentModeId) {
        throw new ApiRefusal(`Order ${order.id}: payment_mode_id ${save.payment_mode_id} is not the order's`);
      }
      const storno = save.is_storno === true;
      const record = account.orders.record(order);
      sentAsRead(order.id, servedOrder(account, order), entity);
      const products = planLines(order, record, save.products, storno, nextLineId, nowText);
      if (storno && !products) {
        throw new ApiRefusal(`Order ${order.id}: is_storno was sent without any change to an order line`);
      }
      if (storno && save.status !== OrderStatus.Finalized) {
        throw new ApiRefusal(`Order ${order.id}: is_storno applies only to finalized orders kept in status 4`);
      }
      if (save.status !== order.status || !storno) {
        const refusal = transitionRefusal(order, save.status, nowMs);
        if (refusal) throw new ApiRefusal(refusal);
      }
      plans.push({ order, status: save.status, products, reason: save.reason_cancellation });
    } catch (error) {
      if (error instanceof ApiRefusal) refusals.push(...error.messages);
      else throw error;
    }
  });
  // All or nothing: a refused entity leaves the whole batch unapplied.
  if (refusals.length > 0) throw new ApiRefusal(...refusals);
  for (const plan of plans) applySave(account, plan, nowMs);
  return [];
}

function applySave(account: AccountState, plan: PlannedSave, nowMs: number): void {
  const { order } = plan;
  const record = account.orders.record(order);
  let status = plan.status;
  if (plan.products) {
    record.products = plan.products;
    // eMAG sets "returned" by itself once every invoiced product has been returned.
    const anyLeft = plan.products.some((p) => p.status === 1 && p.quantity > 0);
    if (order.status === OrderStatus.Finalized && !anyLeft) status = OrderStatus.Returned;
  }
  const wasCanceled = order.status === OrderStatus.Canceled;
  account.orders.setStatus(order, status, nowMs);
  if (status === OrderStatus.Canceled) {
    record.reason_cancellation = typeof plan.reason === 'number' ? plan.reason : (record.reason_cancellation ?? 31);
  } else if (wasCanceled) {
    record.reason_cancellation = null;
  }
}

/**
 * "Only .pdf files are accepted" and eMAG downloads the file later, so the sandbox (which cannot download it) holds the
 * URL to that: an http(s) link whose path ends in .pdf (a query string may follow). MagFlow checks the same.
 */
const pdfUrl = z
  .string()
  .min(1)
  .max(1024)
  .url()
  .refine((text) => {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && /\.pdf$/i.test(url.pathname);
  }, 'url must be an http(s) link to a .pdf file (only PDF files are accepted)');

const attachmentSchema = z
  .object({
    order_id: intLike,
    order_type: intLike.pipe(z.union([z.literal(2), z.literal(3)])),
    order_product_id: intLike.optional(),
    name: z.string().min(1).max(60).optional(),
    url: pdfUrl,
    type: intLike
      .pipe(z.union([z.literal(1), z.literal(3), z.literal(4), z.literal(8), z.literal(10), z.literal(11)]))
      .optional(),
    force_download: intLike.pipe(z.union([z.literal(0), z.literal(1)])).optional(),
  })
  .loose();

async function saveAttachments({ account, payload, nowMs }: HandlerContext): Promise<unknown[]> {
  const entities = asEntityList(payload);
  const parsed = entities.map((entity, i) => {
    const attachment = parseWith(attachmentSchema, entity);
    const order = findOrder(account, attachment.order_id);
    if (attachment.order_type !== order.type) {
      throw new ApiRefusal(`Attachment ${i}: order ${order.id} has type ${order.type}, not ${attachment.order_type}`);
    }
    const type = attachment.type ?? 1;
    const record = account.orders.record(order);
    if (type === 3) {
      if (attachment.order_product_id === undefined) {
        throw new ApiRefusal(`Attachment ${i}: a warranty (type 3) needs order_product_id`);
      }
      if (!record.products.some((p) => p.id === attachment.order_product_id)) {
        throw new ApiRefusal(`Attachment ${i}: order ${order.id} has no product line ${attachment.order_product_id}`);
      }
    }
    return { attachment, order, record, type };
  });
  // eMAG downloads each document; one it cannot use refuses the whole request (nothing is attached).
  for (const [i, { attachment }] of parsed.entries()) await downloadAttachment(attachment.url, `Attachment ${i}`);
  const created = account.time.format(nowMs);
  for (const { attachment, order, record, type } of parsed) {
    const entry = {
      order_id: order.id,
      order_type: order.type,
      order_product_id: attachment.order_product_id ?? null,
      name: attachment.name ?? (type === 1 ? 'Factura' : 'Document'),
      url: attachment.url,
      type,
      force_download: attachment.force_download ?? 0,
      created,
    };
    // The same URL and type replaces the earlier upload instead of piling up copies (a retried save is harmless).
    const existing = record.attachments.findIndex((a) => a.url === entry.url && a.type === entry.type);
    if (existing >= 0) record.attachments[existing] = entry;
    else record.attachments.push(entry);
    account.orders.touch(order, nowMs);
  }
  return [];
}

export const ORDER_ROUTES: Record<string, RouteSpec> = {
  'order/read': { method: 'POST', handle: readOrders },
  'order/count': { method: 'POST', handle: countOrders },
  'order/acknowledge': { method: 'POST', handle: acknowledge },
  'order/save': { method: 'POST', handle: saveOrders },
  'order/unlock-courier': { method: 'POST', handle: unlockCourier },
  'order/attachments/save': { method: 'POST', handle: saveAttachments },
};
