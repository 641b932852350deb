// Every client route against the eMAG sandbox over real HTTP on 127.0.0.1, plus pagination over 1,234 orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_STATUS, type EmagClient } from '../../main/core/emag';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { SHOP_SENDER } from './support/awb';
import { logFor, sandboxClient } from './support/sandboxClient';

const MAIN = { username: 'shop-main', password: 'main-Pa55-word' };
const FBE = { username: 'shop-fbe', password: 'fbe-Pa55-word' };
const BIG = { username: 'shop-big', password: 'big-Pa55-word' };

let sandbox: Sandbox;
let main: EmagClient;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 11,
    accounts: [
      { ...MAIN, kind: 'main', orders: 40, offers: 30 },
      { ...FBE, kind: 'fbe', orders: 12, offers: 5 },
      { ...BIG, kind: 'main', orders: 1_234, offers: 1 },
    ],
  });
  main = sandboxClient(sandbox, MAIN).client;
});
afterAll(async () => {
  await sandbox.close();
});

describe('orders', () => {
  it('reads, counts, acknowledges, changes status, attaches an invoice, issues and reads an AWB', async () => {
    const [fresh] = sandbox.addOrders(MAIN.username, 1);
    const orderId = fresh?.id ?? 0;

    const newOrders = await main.orders.read({ status: ORDER_STATUS.new, itemsPerPage: 100 });
    expect(newOrders.map((o) => o.id)).toContain(orderId);
    expect(newOrders.every((o) => o.status === 1 && o.type === 3)).toBe(true);
    const count = await main.orders.count({ status: ORDER_STATUS.new });
    expect(count.noOfItems).toBe(newOrders.length);

    await main.orders.acknowledge(orderId);
    const [acknowledged] = await main.orders.read({ id: orderId });
    expect(acknowledged?.status).toBe(ORDER_STATUS.inProgress);

    // order/save gets the order exactly as eMAG sent it (read raw), with the new status.
    const [asRead] = await main.orders.readRaw({ id: orderId });
    await main.orders.changeStatus(asRead!, ORDER_STATUS.prepared);
    expect(sandbox.orders(MAIN.username).find((o) => o.id === orderId)?.status).toBe(ORDER_STATUS.prepared);

    await main.attachments.save([
      { order_id: orderId, order_type: 3, name: 'Factura', url: 'https://shop.example.ro/f/1.pdf', type: 1 },
    ]);
    const [withInvoice] = await main.orders.read({ id: orderId });
    expect(withInvoice?.attachments?.map((a) => a.url)).toContain('https://shop.example.ro/f/1.pdf');

    await main.orders.unlockCourier(orderId);

    const customer = withInvoice?.customer;
    const saved = await main.awb.save({
      order_id: orderId,
      sender: SHOP_SENDER,
      receiver: {
        name: customer?.shipping_contact ?? customer?.name ?? 'Client',
        contact: customer?.name ?? 'Client',
        phone1: '0740000001',
        legal_entity: 0,
        locality_id: Number(customer?.shipping_locality_id) || 8801,
        street: customer?.shipping_street ?? 'Str. Scurta 2',
      },
      is_oversize: 0,
      envelope_number: 0,
      parcel_number: 1,
      cod: 0,
    });
    const identity = await main.awb.identify(saved);
    expect(identity.awbNumber).toMatch(/^[A-Z]{2}\d+$/);
    expect(identity.reservationId).toBeGreaterThan(0);
    const awbs = await main.awb.read({ reservation_id: identity.reservationId ?? 0 });
    expect(awbs[0]?.order_id).toBe(orderId);
    const [finalized] = await main.orders.read({ id: orderId });
    expect(finalized?.status).toBe(ORDER_STATUS.finalized);
  });

  it('saves an edited order: a quantity change and a new line, sent as the whole order read', async () => {
    const [fresh] = sandbox.addOrders(MAIN.username, 1, { payment_mode_id: 1 });
    const orderId = fresh?.id ?? 0;
    await main.orders.acknowledge(orderId);
    const [order] = await main.orders.readRaw({ id: orderId });
    if (!order) throw new Error('order not read back');
    const lines = order.products as { id: number; quantity: number }[];
    const [line] = lines;
    const products = [
      ...lines.map((p) => (p.id === line?.id ? { ...p, quantity: p.quantity + 1 } : p)),
      { product_id: 999_001, name: 'Husă cadou', quantity: 1, status: 1, sale_price: '9.9900' },
    ];
    // The parsed order would not do: its normalised fields differ from what eMAG sent.
    const [parsed] = await main.orders.read({ id: orderId });
    expect((await main.orders.save({ ...parsed!, products }).catch((e: unknown) => e)) as Error).toMatchObject({
      kind: 'api',
      message: expect.stringMatching(/as read/),
    });
    const result = await main.orders.save({ ...order, products });
    expect(result.messages).toEqual([]);
    const [saved] = await main.orders.read({ id: orderId });
    expect(saved?.products).toHaveLength(lines.length + 1);
    expect(saved?.products?.find((p) => p.id === line?.id)?.quantity).toBe((line?.quantity ?? 1) + 1);
    expect(saved?.products?.find((p) => p.product_id === '999001')?.sale_price).toBe('9.99');
  });

  it('reads fulfilled-by-eMAG orders when the FBE account asks for type 2', async () => {
    const fbe = sandboxClient(sandbox, FBE).client;
    const orders = await fbe.orders.readAll({ type: 2 });
    expect(orders.length).toBe(sandbox.orders(FBE.username).length);
    expect(orders.every((o) => o.type === 2)).toBe(true);
  });

  it('pagination reads all of 1,234 orders exactly once, in pages of at most 100', async () => {
    const big = sandboxClient(sandbox, BIG).client;
    sandbox.clearRequestLog();
    const pageSizes: number[] = [];
    const seen: number[] = [];
    for await (const page of big.orders.pages({})) {
      pageSizes.push(page.items.length);
      seen.push(...page.items.map((o) => o.id));
    }
    const expected = sandbox.orders(BIG.username).map((o) => o.id);
    expect(expected).toHaveLength(1_234);
    expect(seen).toHaveLength(1_234);
    expect(new Set(seen).size).toBe(1_234);
    expect([...seen].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    expect(pageSizes).toEqual([...Array<number>(12).fill(100), 34]);
    expect(logFor(sandbox, BIG.username).map((e) => e.route)).toEqual(Array<string>(13).fill('order/read'));
    const all = await big.orders.readAll();
    expect(all).toHaveLength(1_234);
    expect((await big.orders.count()).noOfItems).toBe(1_234);
  });
});

describe('offers', () => {
  it('reads and counts offers, saves them, updates price and stock', async () => {
    const offers = await main.offers.readAll();
    expect(offers).toHaveLength(30);
    expect((await main.offers.count()).noOfItems).toBe(30);
    const [first, second] = offers;
    if (!first || !second) throw new Error('the sandbox should have offers');

    await main.offers.save([
      {
        id: first.id,
        status: 1,
        sale_price: first.sale_price ?? '10',
        vat_id: Number(first.vat_id ?? 1),
        handling_time: [{ warehouse_id: 1, value: 2 }],
        stock: [{ warehouse_id: 1, value: 11 }],
      },
    ]);
    await main.offers.update([{ id: second.id, stock: [{ warehouse_id: 1, value: 3 }] }]);
    await main.offerStock.update(first.id, 42);
    // Offer writes eMAG would refuse never leave: a price of 0, five decimals, a bare stock number.
    for (const bad of [{ sale_price: 0 }, { sale_price: '1.23456' }, { stock: 5 }, { currency_type: 'USD' }]) {
      const error = await main.offers.update([{ id: second.id, ...bad } as never]).catch((e: unknown) => e);
      expect(error, JSON.stringify(bad)).toMatchObject({ kind: 'config' });
    }

    const stockOf = (id: number) => sandbox.offers(MAIN.username).find((o) => o.id === id)?.general_stock;
    expect(stockOf(first.id)).toBe(42);
    expect(stockOf(second.id)).toBe(3);
    const [reread] = await main.offers.read({ id: first.id });
    expect(reread?.general_stock).toBe(42);
  });
});

describe('reference data, couriers and returns', () => {
  it('reads categories, VAT rates, handling times, courier accounts and return requests', async () => {
    const categories = await main.categories.readAll();
    expect(categories.length).toBeGreaterThan(0);
    expect((await main.categories.count()).noOfItems).toBe(categories.length);
    const [one] = await main.categories.read({ id: categories[0]?.id ?? 0 });
    expect(one?.characteristics?.length).toBeGreaterThan(0);

    const vat = await main.vat.read();
    expect(vat.some((rate) => rate.is_default === 1)).toBe(true);
    expect(vat.every((rate) => /^\d+(\.\d+)?$/.test(rate.vat_rate ?? ''))).toBe(true);

    const handling = await main.handlingTime.read();
    expect(handling.map((h) => h.id)).toContain(0);

    const couriers = await main.courierAccounts.read();
    expect(couriers.length).toBeGreaterThan(0);
    expect(couriers[0]?.account_id).toBeGreaterThan(0);

    const returns = await main.rma.readAll();
    expect((await main.rma.count()).noOfItems).toBe(returns.length);
    expect(returns.every((r) => r.emag_id > 0)).toBe(true);
  });
});
