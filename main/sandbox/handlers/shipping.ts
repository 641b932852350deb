// Shipping routes: courier_accounts/read, awb/save (the first AWB finalizes the order), awb/read and awb/read_pdf
// (the label, a real PDF in the paper format asked for).
import { z } from 'zod';
import { formatEmagDate, formatEmagDay } from '../bucharestTime';
import { ApiRefusal } from '../envelope';
import { OrderStatus } from '../orderLifecycle';
import { asEntityList, asFilterObject, decimalLike, intLike, parseWith, readPage } from '../payload';
import { labelPdf, LABEL_PAGE_SIZES, type LabelFormat } from '../labelPdf';
import type { EmagAwbRecord, EmagCourierAccount } from '../records';
import { FileAnswer, type HandlerContext, type RouteSpec } from './context';
import { knownLocality } from './localities';

function readCourierAccounts({ account, payload }: HandlerContext): EmagCourierAccount[] {
  const page = readPage(asFilterObject(payload));
  const start = (page.currentPage - 1) * page.itemsPerPage;
  return account.courierAccounts.slice(start, start + page.itemsPerPage);
}

const phone = z.string().regex(/^\+?\d{8,11}$/, 'phone: 8 to 11 digits, optionally starting with +');
/** The text's sender/receiver block: names, phone digits, a real locality id, a street; address_id is text. */
const party = z
  .object({
    name: z.string().min(3).max(255),
    contact: z.string().min(1).max(255),
    phone1: phone,
    phone2: phone.optional(),
    legal_entity: intLike.pipe(z.union([z.literal(0), z.literal(1)])).optional(),
    address_id: z.string({ error: 'address_id must be text (up to 21 characters)' }).max(21).optional(),
    locality_id: intLike.pipe(z.number().min(1).max(4_294_967_295)),
    street: z.string().min(3).max(255),
    zipcode: z.string().min(1).max(255).optional(),
  })
  .loose();
const bit = intLike.pipe(z.union([z.literal(0), z.literal(1)]));
const awbSchema = z
  .object({
    order_id: intLike.optional(),
    rma_id: intLike.optional(),
    sender: party,
    receiver: party,
    locker_id: z.string().min(3).max(255).optional(),
    is_oversize: bit,
    insured_value: decimalLike.pipe(z.number().min(0).max(999_999_999)).optional(),
    weight: decimalLike.pipe(z.number().min(0).max(99999)).optional(),
    envelope_number: intLike.pipe(z.number().min(0).max(9999)),
    parcel_number: intLike.pipe(z.number().min(0).max(999)),
    observation: z.string().max(255).optional(),
    cod: decimalLike.pipe(z.number().min(0).max(999_999_999)),
    courier_account_id: intLike.optional(),
    pickup_and_return: bit.optional(),
    saturday_delivery: bit.optional(),
    sameday_delivery: bit.optional(),
    dropoff_locker: bit.optional(),
    unboxing: bit.optional(),
    /** Required for return AWBs: the pickup day, at least the day after issuing (YYYY-MM-DD). */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, 'date must look like YYYY-MM-DD')
      .optional(),
  })
  .loose();

/** eMAG's save answer has carried the AWB number nested, flat, or not at all (ids only): the sandbox rotates them. */
function saveAnswer(record: EmagAwbRecord, courier: EmagCourierAccount): Record<string, unknown> {
  const [barcode] = record.awb;
  switch (record.emag_id % 3) {
    case 1:
      return {
        reservation_id: record.reservation_id,
        emag_id: barcode?.emag_id,
        awb_number: barcode?.awb_number,
        awb_barcode: barcode?.awb_barcode,
        courier_id: courier.account_id,
        courier_name: courier.courier_name,
      };
    case 2:
      return { reservation_id: record.reservation_id, emag_id: record.emag_id };
    default:
      return {
        reservation_id: record.reservation_id,
        courier_id: courier.account_id,
        courier_name: courier.courier_name,
        awb: record.awb,
      };
  }
}

function saveAwb({ account, payload, nowMs }: HandlerContext): unknown {
  const [entity] = asEntityList(payload, 1);
  const awb = parseWith(awbSchema, entity);
  if (awb.order_id === undefined && awb.rma_id === undefined) throw new ApiRefusal('An AWB needs order_id or rma_id');
  if (awb.envelope_number === 0 && awb.parcel_number === 0) {
    throw new ApiRefusal('envelope_number and parcel_number cannot both be 0');
  }
  // "Must be a valid locality in the eMAG database" (spec, AWB sender/receiver): an unknown id is refused.
  for (const [who, party] of [
    ['sender', awb.sender],
    ['receiver', awb.receiver],
  ] as const) {
    if (!knownLocality(party.locality_id)) {
      throw new ApiRefusal(`${who}.locality_id ${party.locality_id} is not a valid locality in the eMAG database`);
    }
  }
  const order = awb.order_id === undefined ? undefined : account.orders.get(awb.order_id);
  if (awb.order_id !== undefined) {
    if (!order) throw new ApiRefusal(`Order ${awb.order_id} was not found`);
    if (order.type !== 3) throw new ApiRefusal(`Order ${order.id} is fulfilled by eMAG: eMAG issues its AWB`);
    if (order.status === OrderStatus.New) throw new ApiRefusal(`Order ${order.id} must be acknowledged before an AWB`);
    if (order.status === OrderStatus.Canceled || order.status === OrderStatus.Returned) {
      throw new ApiRefusal(`Order ${order.id} is in status ${order.status}: no AWB can be issued`);
    }
  }
  if (awb.rma_id !== undefined && !account.rmas(nowMs).some((r) => r.emag_id === awb.rma_id)) {
    throw new ApiRefusal(`Return request ${awb.rma_id} was not found`);
  }
  if (awb.rma_id !== undefined) {
    if (awb.date === undefined) throw new ApiRefusal('date is required for AWBs of return requests');
    if (awb.date.slice(0, 10) <= formatEmagDay(nowMs)) {
      throw new ApiRefusal('date must be at least the day after the AWB is issued');
    }
  }
  const courier =
    awb.courier_account_id === undefined
      ? account.courierAccounts[0]
      : account.courierAccounts.find((c) => c.account_id === awb.courier_account_id);
  if (!courier)
    throw new ApiRefusal(`Courier account ${String(awb.courier_account_id)} does not belong to this seller`);
  if (order) {
    const enforced = account.orders.record(order).enforced_vendor_courier_accounts;
    if (enforced && enforced.length === 0)
      throw new ApiRefusal(`Order ${order.id}: AWBs cannot be issued from the API`);
    if (enforced && !enforced.includes(courier.account_id)) {
      throw new ApiRefusal(`Order ${order.id} must ship with one of the courier accounts ${enforced.join(', ')}`);
    }
  }
  const emagId = account.takeAwbId();
  const number = `${courier.courier_name.slice(0, 2).toUpperCase()}${emagId}`;
  const record: EmagAwbRecord = {
    emag_id: emagId,
    reservation_id: emagId + 50_000_000,
    order_id: awb.order_id ?? null,
    rma_id: awb.rma_id ?? null,
    type: order?.type ?? 3,
    weight: awb.weight ?? 1,
    cod: awb.cod,
    awb: [{ emag_id: emagId, awb_number: number, awb_barcode: `${number}001` }],
    status: { code: 'CRT', name: 'Created', description: 'AWB created' },
    courier: { courier_account_id: courier.account_id, courier_name: courier.courier_name },
    sender: awb.sender,
    receiver: awb.receiver,
    ...(awb.locker_id === undefined ? {} : { locker_id: awb.locker_id }),
    created: formatEmagDate(nowMs),
  };
  account.awbs.push(record);
  // The first AWB of an order in progress or prepared finalizes it.
  if (order && (order.status === OrderStatus.InProgress || order.status === OrderStatus.Prepared)) {
    account.orders.setStatus(order, OrderStatus.Finalized, nowMs);
  }
  return saveAnswer(record, courier);
}

const awbFilterSchema = z.object({
  emag_id: intLike.optional(),
  reservation_id: intLike.optional(),
  order_id: intLike.optional(),
});

function readAwb({ account, payload }: HandlerContext): EmagAwbRecord[] {
  const f = parseWith(awbFilterSchema, asFilterObject(payload));
  if (f.emag_id === undefined && f.reservation_id === undefined && f.order_id === undefined) {
    throw new ApiRefusal('awb/read needs emag_id or reservation_id');
  }
  const found = account.awbs.filter(
    (a) =>
      (f.emag_id === undefined || a.emag_id === f.emag_id) &&
      (f.reservation_id === undefined || a.reservation_id === f.reservation_id) &&
      (f.order_id === undefined || a.order_id === f.order_id),
  );
  if (found.length === 0 && f.order_id === undefined) throw new ApiRefusal('AWB not found');
  return found;
}

const pdfQuerySchema = z.object({
  emag_id: intLike.pipe(z.number().min(1).max(4_294_967_295)),
  awb_format: z.enum(['A4', 'A5', 'A6', 'ZPL'], { error: 'awb_format must be one of A4, A5, A6, ZPL' }).optional(),
});

/**
 * GET awb/read_pdf?emag_id=..&awb_format=A4 (spec, "Reading AWB PDF files"): the label of an AWB issued through the
 * API, as a PDF file; errors come back in the JSON envelope. ZPL is answered by awb/read_zpl, not here.
 */
function readAwbPdf({ account, query }: HandlerContext): FileAnswer {
  const q = parseWith(pdfQuerySchema, Object.fromEntries(query.entries()));
  if (q.awb_format === 'ZPL') throw new ApiRefusal('ZPL labels are read with awb/read_zpl');
  const awb = account.awbs.find((a) => a.emag_id === q.emag_id || a.awb.some((b) => b.emag_id === q.emag_id));
  if (!awb) throw new ApiRefusal(`AWB ${q.emag_id} is not a valid AWB in the eMAG database`);
  const format: LabelFormat = q.awb_format && q.awb_format in LABEL_PAGE_SIZES ? q.awb_format : 'A4';
  const receiver = awb.receiver;
  const pdf = labelPdf(format, [
    `AWB ${awb.awb[0]?.awb_number ?? awb.emag_id}`,
    `${awb.courier.courier_name} - ${format}`,
    `Order ${awb.order_id ?? awb.rma_id ?? ''}`,
    `To: ${String(receiver.name ?? '')}`,
    `${String(receiver.street ?? '')}`,
    `COD: ${awb.cod}`,
    ...(awb.locker_id ? [`Locker: ${awb.locker_id}`] : []),
  ]);
  return new FileAnswer(pdf, 'application/pdf');
}

export const SHIPPING_ROUTES: Record<string, RouteSpec> = {
  'courier_accounts/read': { method: 'POST', handle: readCourierAccounts },
  'awb/save': { method: 'POST', handle: saveAwb },
  'awb/read': { method: 'POST', handle: readAwb },
  'awb/read_pdf': { method: 'GET', handle: readAwbPdf },
};
