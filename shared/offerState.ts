// What an offer's state is, from eMAG's status (0 inactive, 1 active, 2 end of life: README §9, v4.4.9 changelog
// "2 – End of life") and its stock: an active offer with nothing in stock is out of stock; status 2 is not a stock
// state at all. The offers screen labels and colours offers only through this function.

export type OfferState = 'active' | 'out-of-stock' | 'inactive' | 'end-of-life' | 'unknown';

export function offerStateOf(offer: { status: number | null; stock: number | null }): OfferState {
  switch (offer.status) {
    case 1:
      // Stock not sent: eMAG keeps it active, so is MagFlow.
      return offer.stock !== null && offer.stock <= 0 ? 'out-of-stock' : 'active';
    case 0:
      return 'inactive';
    case 2:
      return 'end-of-life';
    default:
      return 'unknown';
  }
}
