// After offers are stored (by the offers job or by the re-read after an edit): the sent edits whose value eMAG's data
// now shows become confirmed, and the offers that went under their low-stock threshold notify, once per crossing.
import type { AppNotification, Offer } from '../../../shared/domain';
import type { OfferEditPayload } from '../db/repositories/offerEdits';
import { decimalToE4 } from '../../../shared/money';
import type { LowStockCrossing } from '../db/repositories/offerLowStock';
import { accountOf, type JobContext } from './context';
import { notificationText } from './notificationText';

/** More crossings than this in one check make one summary row instead of one each (a first import, say). */
const ONE_BY_ONE_MAX = 3;

/** Whether a stored offer shows an edit's value (a price compared as a decimal, "49.9" = "49.90"). */
export function editShown(edit: OfferEditPayload, offer: Pick<Offer, 'salePrice' | 'stock'>): boolean {
  return edit.field === 'price'
    ? offer.salePrice !== null && decimalToE4(offer.salePrice) === decimalToE4(edit.value)
    : offer.stock === Number(edit.value);
}

/** Confirms the account's sent offer edits that the stored offers match; returns how many were confirmed. */
export function confirmOfferEdits(ctx: JobContext): number {
  const { repos, bus } = ctx.deps;
  const account = accountOf(ctx);
  let confirmed = 0;
  for (const edit of repos.offerEdits.unconfirmed(account.id)) {
    const offer = repos.offers.get(account.id, edit.payload.offerId);
    if (!offer) continue;
    if (!editShown(edit.payload, offer)) continue;
    repos.offerEdits.confirm(edit.id, edit.result);
    confirmed++;
    const action = repos.outbox.get(edit.id);
    if (action) bus.emit({ type: 'outbox_changed', action });
  }
  return confirmed;
}

/** Notifies the offers that went under their threshold since the last check (Settings: offers.lowStockThreshold). */
export function notifyLowStock(ctx: JobContext): LowStockCrossing[] {
  const { repos, bus } = ctx.deps;
  const account = accountOf(ctx);
  const settings = ctx.deps.settings();
  // The account's first offers import sets the baseline quietly (as the first order import is one summary and the
  // first returns run is silent): what is already low shows in the list, and only later crossings pop up.
  const baseline = !repos.syncRuns.last('offers', account.id, 'completed');
  const crossings = repos.offerLowStock.check(account.id, settings.offers.lowStockThreshold);
  if (crossings.length === 0 || baseline) return crossings;
  const lang = settings.language;
  const texts =
    crossings.length <= ONE_BY_ONE_MAX
      ? crossings.map((crossing) => notificationText.lowStock(lang, account.name, crossing))
      : [notificationText.lowStockMany(lang, account.name, crossings.length)];
  const added: AppNotification[] = repos.transaction(() =>
    texts.map((text) => repos.notifications.add({ kind: 'low_stock', ...text, accountId: account.id, orderId: null })),
  );
  for (const notification of added) bus.emit({ type: 'notification_added', notification });
  return crossings;
}
