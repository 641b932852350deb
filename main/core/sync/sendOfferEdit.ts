// Sends one offer edit from the outbox (kind 'offer'): a price with the light offer/save (`{id, sale_price}`, plus
// `vat_id` when the seller changed it), a stock with PATCH offer_stock/{id} (`{stock: [{warehouse_id, value}]}`),
// the routes API 4.4.9 documents for changing only these ("Updating an existing offer using new light offer API
// offer/save", "Updating stock"). Both draw on the small 3 req/s budget through the client's limiter. Then the offer
// is read back and stored, so the window can show the edit confirmed when eMAG's data has the value.
import type { OutboxAction } from '../../../shared/domain';
import type { OfferEditPayload } from '../db/repositories/offerEdits';
import { rawOf } from '../emag/tolerant';
import { accountOf, type JobContext } from './context';
import { mapOffer } from './mapOffer';
import { confirmOfferEdits, editShown, notifyLowStock } from './offerFollowUp';
import { PermanentActionError } from './outboxPolicy';

function payloadOf(action: OutboxAction): OfferEditPayload {
  const { offerId, field, value, vatId } = action.payload as Partial<OfferEditPayload>;
  if (typeof offerId !== 'number' || (field !== 'price' && field !== 'stock') || typeof value !== 'string') {
    throw new PermanentActionError('action.offer_payload_invalid', {}, 'The offer action has no offer, field or value');
  }
  return { offerId, field, value, ...(typeof vatId === 'number' ? { vatId } : {}) };
}

/** The warehouse the stock goes to: the offer's only one (warehouse 1 when it names none). */
function warehouseOf(ctx: JobContext, offerId: number): number {
  const stored = ctx.deps.repos.offers.get(accountOf(ctx).id, offerId);
  const stock = stored?.raw.stock;
  const ids = Array.isArray(stock)
    ? stock.map((entry) => Number((entry as Record<string, unknown> | null)?.warehouse_id)).filter(Number.isInteger)
    : [];
  if (ids.length > 1) {
    throw new PermanentActionError(
      'action.offer_many_warehouses',
      { offerId, count: ids.length },
      `Offer ${offerId} has stock in ${ids.length} warehouses: MagFlow sets one total, set it per warehouse in eMAG`,
    );
  }
  return ids[0] ?? 1;
}

/** Reads the offer back and stores it, then confirms edits and checks low stock; best effort (the job catches up). */
async function readBack(ctx: JobContext, offerId: number): Promise<void> {
  const account = accountOf(ctx);
  const client = ctx.client();
  try {
    const page = await ctx.call((options) => client.offers.readPage({ id: offerId }, options));
    const records = page.items
      .filter((offer) => offer.id === offerId)
      .map((offer) => mapOffer(offer, account.id, account.platform, rawOf(offer)));
    const outcomes = ctx.deps.repos.offers.upsertMany(records);
    const changed = outcomes.filter((outcome) => outcome !== 'unchanged').length;
    if (changed > 0) ctx.deps.bus.emit({ type: 'offers_written', accountId: account.id, changed });
    confirmOfferEdits(ctx);
    notifyLowStock(ctx);
  } catch (error) {
    ctx.logger.warn('re-reading the offer after an edit failed; the offers job will confirm it', {
      offerId,
      error: String(error),
    });
  }
}

export async function sendOfferEdit(
  ctx: JobContext,
  action: OutboxAction,
): Promise<{ result: Record<string, unknown> }> {
  const account = accountOf(ctx);
  const edit = payloadOf(action);
  const client = ctx.client();
  if (edit.field === 'stock') {
    if (account.kind === 'fbe') {
      throw new PermanentActionError(
        'action.offer_fbe_stock',
        { offerId: edit.offerId },
        `Offer ${edit.offerId} is fulfilled by eMAG (FBE): its stock is managed by eMAG's warehouse`,
      );
    }
    const stock = Number(edit.value);
    const warehouseId = warehouseOf(ctx, edit.offerId);
    await ctx.call((options) => client.offerStock.update(edit.offerId, stock, { ...options, warehouseId }));
  } else {
    await ctx.call((options) =>
      client.offers.update(
        { id: edit.offerId, sale_price: edit.value, ...(edit.vatId === undefined ? {} : { vat_id: edit.vatId }) },
        options,
      ),
    );
  }
  await readBack(ctx, edit.offerId);
  // This action is marked sent only after it returns: its own confirmation is decided here, on the offer read back.
  const result = { offerId: edit.offerId, field: edit.field, value: edit.value };
  const stored = ctx.deps.repos.offers.get(account.id, edit.offerId);
  const shown = stored ? editShown(edit, stored) : false;
  return { result: shown ? { ...result, confirmedAt: ctx.deps.clock.now().toISOString() } : result };
}
