// Offer edits against the sandbox over HTTP: a price goes out with offer/save and a stock with offer_stock/{id} (the
// bodies eMAG documents reach the sandbox, which applies them), the edit is confirmed when eMAG's data shows it (after
// the read-back, or after the offers job when the read-back failed), eMAG's bounds and FBE stock are refused before
// anything is queued, several edits stay within the 3 req/s budget, and low stock notifies once per crossing.
import { afterEach, describe, expect, it } from 'vitest';
import { offerEdits } from '../../main/core/offers/offerEdits';
import { offerMeta } from '../../main/core/offers/offerMeta';
import { AppError } from '../../main/core/errors';
import { createHarness, drainUntilIdle, type Harness } from './harness';

const MAIN = { username: 'offer-main', password: 'main-secret', kind: 'main' as const, orders: 0, offers: 8 };
const FBE = { username: 'offer-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 0, offers: 2 };

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function open(options: Parameters<typeof createHarness>[0]) {
  const h = await createHarness(options);
  harnesses.push(h);
  const edits = offerEdits({
    repos: h.repos,
    bus: h.bus,
    settings: h.settings,
    meta: offerMeta({ cache: h.cache, clientFor: h.clientFor }),
    kickOutbox: () => {},
  });
  return { h, edits };
}

/** The paths of the requests eMAG accepted on a route. */
const paths = (h: Harness, route: string): string[] =>
  h.sandbox.requestLog.filter((e) => e.route === route && e.status === 200).map((e) => e.path);

describe('offer edits through the outbox', () => {
  it('sends a price with offer/save and a stock with offer_stock, applied by eMAG and confirmed', async () => {
    const { h, edits } = await open({ accounts: [MAIN], seed: 81 });
    const accountId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('offers', accountId, 'manual');
    const target = h.sandbox.offers(MAIN.username)[0]!;
    const inRange = (target.min_sale_price + target.max_sale_price) / 2;
    const price = inRange.toFixed(2);

    const priceAction = await edits.setPrice(accountId, target.id, price.replace('.', ','));
    const stockAction = edits.setStock(accountId, target.id, '17');
    expect(priceAction).toMatchObject({ kind: 'offer', state: 'pending', orderId: null });
    expect(priceAction.payload).toEqual({ offerId: target.id, field: 'price', value: String(Number(price)) });
    expect(
      edits
        .annotate([h.repos.offers.get(accountId, target.id)!])
        .at(0)
        ?.edits?.map((e) => e.state),
    ).toEqual(['pending', 'pending']);

    await drainUntilIdle(h, accountId);

    const sandboxOffer = h.sandbox.offers(MAIN.username).find((o) => o.id === target.id)!;
    expect(sandboxOffer.sale_price).toBe(Number(price));
    expect(sandboxOffer.stock).toEqual([{ warehouse_id: 1, value: 17 }]);
    expect(h.requests(MAIN.username, 'offer/save')).toBe(1);
    expect(h.requests(MAIN.username, 'offer_stock')).toBe(1);
    expect(paths(h, 'offer_stock')).toEqual([expect.stringMatching(new RegExp(`/offer_stock/${target.id}$`))]);
    expect(h.repos.outbox.get(priceAction.id)?.state).toBe('sent');
    expect(h.repos.outbox.get(stockAction.id)?.state).toBe('sent');
    // Read back after the send: the stored offer shows the values and both edits are confirmed.
    const stored = h.repos.offers.get(accountId, target.id)!;
    expect(stored.stock).toBe(17);
    expect(Number(stored.salePrice)).toBe(Number(price));
    const states = Object.fromEntries(h.repos.offerEdits.latest(accountId, target.id).map((e) => [e.field, e.state]));
    expect(states).toEqual({ price: 'confirmed', stock: 'confirmed' });
  });

  it('confirms through the offers job when the read-back after the send failed', async () => {
    const { h, edits } = await open({ accounts: [MAIN], seed: 82, client: { retry: { maxAttempts: 1 } } });
    const accountId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('offers', accountId, 'manual');
    const target = h.sandbox.offers(MAIN.username)[1]!;
    const action = edits.setStock(accountId, target.id, '4');
    // eMAG applies the stock but the read that follows fails: the edit is sent, not yet confirmed.
    h.sandbox.setFaults([{ route: 'product_offer/read', kind: 'http500', count: 1 }]);
    await drainUntilIdle(h, accountId);
    expect(h.repos.outbox.get(action.id)?.state).toBe('sent');
    expect(h.repos.offerEdits.latest(accountId, target.id)[0]?.state).toBe('sent');

    await h.engine.runJob('offers', accountId, 'manual');
    expect(h.repos.offers.get(accountId, target.id)?.stock).toBe(4);
    expect(h.repos.offerEdits.latest(accountId, target.id)[0]?.state).toBe('confirmed');
  });

  it('refuses, before queuing, a price outside eMAG bounds, a bad stock, an unknown VAT id and FBE stock', async () => {
    const { h, edits } = await open({ accounts: [MAIN, FBE], seed: 83 });
    const mainId = h.accounts[MAIN.username]!.id;
    const fbeId = h.accounts[FBE.username]!.id;
    await h.engine.runJob('offers', mainId, 'manual');
    await h.engine.runJob('offers', fbeId, 'manual');
    const offer = h.sandbox.offers(MAIN.username)[0]!;
    const issue = async (work: () => unknown) => {
      try {
        await work();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).issues?.[0];
      }
      throw new Error('expected a refusal');
    };
    expect(await issue(() => edits.setPrice(mainId, offer.id, String(offer.max_sale_price + 1)))).toMatchObject({
      path: 'price',
      message: expect.stringContaining('maximum sale price'),
    });
    expect(await issue(() => edits.setPrice(mainId, offer.id, String(offer.min_sale_price / 2)))).toMatchObject({
      path: 'price',
      message: expect.stringContaining('minimum sale price'),
    });
    expect(await issue(() => edits.setPrice(mainId, offer.id, '12.34567'))).toMatchObject({ path: 'price' });
    expect(await issue(() => edits.setPrice(mainId, offer.id, String(offer.sale_price), 99))).toMatchObject({
      path: 'vat',
    });
    expect(await issue(() => edits.setStock(mainId, offer.id, '-1'))).toMatchObject({ path: 'stock' });
    expect(await issue(() => edits.setStock(mainId, offer.id, '70000'))).toMatchObject({ path: 'stock' });
    const fbeOffer = h.sandbox.offers(FBE.username)[0]!;
    expect(await issue(() => edits.setStock(fbeId, fbeOffer.id, '5'))).toMatchObject({
      path: 'stock',
      message: expect.stringContaining('FBE'),
    });
    expect(h.repos.outbox.countByState('pending')).toBe(0);

    // The editor's view: bounds, VAT rates from vat/read and the category's name from category/read, both cached.
    const details = await edits.details(mainId, offer.id);
    expect(details).toMatchObject({
      minSalePrice: String(offer.min_sale_price),
      maxSalePrice: String(offer.max_sale_price),
      vatId: offer.vat_id,
      categoryId: offer.category_id,
      fbe: false,
    });
    expect(details.categoryName).toEqual(expect.any(String));
    expect(details.vatRates.map((rate) => rate.vatId)).toContain(offer.vat_id);
    await edits.details(mainId, offer.id);
    expect(h.requests(MAIN.username, 'vat/read')).toBe(1);
    expect(h.requests(MAIN.username, 'category/read')).toBe(1);
  });

  it('sends several edits within the 3 requests a second of the offers budget', async () => {
    const { h, edits } = await open({
      accounts: [MAIN],
      seed: 84,
      rateLimit: true,
      client: {
        rateLimits: {
          orders: { perSecond: 12, perMinute: 720 },
          other: { perSecond: 3, perMinute: 180 },
          safetyMarginMs: 80,
          jitterMs: 0,
        },
      },
    });
    const accountId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('offers', accountId, 'manual');
    const ids = h.sandbox
      .offers(MAIN.username)
      .slice(0, 4)
      .map((o) => o.id);
    const result = await edits.bulk({ accountId, offerIds: ids, field: 'stock', value: '9' });
    expect(result.refused).toEqual([]);
    expect(result.queued).toHaveLength(4);
    const start = h.sandbox.requestLog.length;
    await drainUntilIdle(h, accountId);

    const sent = h.sandbox.requestLog.slice(start).filter((e) => e.bucket === 'other');
    expect(sent.filter((e) => e.status === 429)).toEqual([]);
    expect(sent.filter((e) => e.route === 'offer_stock')).toHaveLength(4);
    for (const entry of sent) {
      expect(sent.filter((other) => other.at >= entry.at && other.at < entry.at + 1_000).length).toBeLessThanOrEqual(3);
    }
    for (const id of ids) expect(h.sandbox.offers(MAIN.username).find((o) => o.id === id)?.stock[0]?.value).toBe(9);
  });

  it('notifies once when an offer goes under its threshold, and again only after a restock', async () => {
    const { h, edits } = await open({ accounts: [MAIN], seed: 85, settings: { offers: { lowStockThreshold: 0 } } });
    const accountId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('offers', accountId, 'manual');
    const target = h.sandbox.offers(MAIN.username)[2]!;
    edits.setLowStockThreshold(accountId, target.id, 5);
    const lowStockRows = () => h.repos.notifications.list().filter((n) => n.kind === 'low_stock');

    edits.setStock(accountId, target.id, '2');
    await drainUntilIdle(h, accountId);
    expect(lowStockRows()).toHaveLength(1);
    expect(lowStockRows()[0]).toMatchObject({ title: expect.stringContaining('Stoc redus'), accountId });
    expect(lowStockRows()[0]!.body).toContain('2 rămase (prag 5)');

    await h.engine.runJob('offers', accountId, 'manual');
    edits.setStock(accountId, target.id, '1');
    await drainUntilIdle(h, accountId);
    expect(lowStockRows()).toHaveLength(1);

    edits.setStock(accountId, target.id, '30');
    await drainUntilIdle(h, accountId);
    edits.setStock(accountId, target.id, '3');
    await drainUntilIdle(h, accountId);
    expect(lowStockRows()).toHaveLength(2);
    expect(h.eventsOf('notification_added').filter((e) => e.notification.kind === 'low_stock')).toHaveLength(2);
  });
});
