import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmagOrderRecord, Sandbox } from '../../main/sandbox';
import { FBE, ManualClock, MAIN, call, results, start, type OrderLike, type Credentials } from './helpers';

const HOUR = 3_600_000;
let sandbox: Sandbox;
let clock: ManualClock;

beforeAll(async () => {
  ({ sandbox, clock } = await start({ ordersPerAccount: 30 }));
});
afterAll(() => sandbox.close());
beforeEach(() => clock.advance(60_000));

const readOrder = async (id: number, account: Credentials = MAIN): Promise<OrderLike> => {
  const type = account === FBE ? 2 : 3;
  const [order] = await results<OrderLike[]>(sandbox, 'order/read', { id, type }, account);
  if (!order) throw new Error(`order ${id} not found`);
  return order;
};

/** The full order as read, with changes: what a client sends back to order/save. */
const saveBody = (order: OrderLike, changes: Partial<OrderLike> = {}): Record<string, unknown> => ({
  ...order,
  ...changes,
});

/** A fresh seller-fulfilled order moved to `status` the way eMAG and the seller would. */
async function orderIn(status: number, overrides: Partial<EmagOrderRecord> = {}): Promise<OrderLike> {
  const [added] = sandbox.addOrders(MAIN.username, 1, { payment_mode_id: 1, ...overrides });
  const id = added?.id as number;
  if (status === 1) return readOrder(id);
  await results(sandbox, `order/acknowledge/${id}`);
  if (status !== 2) sandbox.setOrderStatus(MAIN.username, id, status);
  return readOrder(id);
}

const save = (body: unknown) => call(sandbox, 'order/save', body);

describe('order/acknowledge', () => {
  it('moves a new seller-fulfilled order to in progress and bumps modified', async () => {
    const order = await orderIn(1);
    clock.advance(5 * 60_000);
    await results(sandbox, `order/acknowledge/${order.id}`);
    const after = await readOrder(order.id);
    expect(after.status).toBe(2);
    expect(after.modified > order.modified).toBe(true);
  });

  it('is a successful no-op on an order already acknowledged (retries are safe)', async () => {
    const order = await orderIn(3);
    const reply = await call(sandbox, `order/acknowledge/${order.id}`);
    expect(reply.json).toEqual({ isError: false, messages: [], results: [] });
    expect((await readOrder(order.id)).status).toBe(3);
    expect((await readOrder(order.id)).modified).toBe(order.modified);
  });

  it('refuses FBE orders (type 2), orders the customer canceled, and unknown ids', async () => {
    const [fbe] = sandbox.addOrders(FBE.username, 1);
    const fbeReply = await call(sandbox, `order/acknowledge/${fbe?.id}`, {}, FBE);
    expect(fbeReply.json.isError).toBe(true);
    expect(String(fbeReply.json.messages)).toMatch(/type 2/);
    expect((await readOrder(fbe?.id as number, FBE)).status).toBe(1);

    const canceled = await orderIn(1);
    sandbox.setOrderStatus(MAIN.username, canceled.id, 0);
    expect((await call(sandbox, `order/acknowledge/${canceled.id}`)).json.isError).toBe(true);
    expect((await call(sandbox, 'order/acknowledge/123')).json.isError).toBe(true);
  });

  it('is logged as the route order/acknowledge in the orders bucket', async () => {
    const order = await orderIn(1);
    sandbox.clearRequestLog();
    await call(sandbox, `order/acknowledge/${order.id}`);
    expect(sandbox.requestLog[0]).toMatchObject({
      route: 'order/acknowledge',
      bucket: 'orders',
      account: MAIN.username,
      status: 200,
    });
  });
});

describe('order/save and the status matrix', () => {
  const allowed: [from: number, to: number][] = [
    [2, 2],
    [2, 3],
    [2, 4],
    [2, 0],
    [3, 3],
    [3, 4],
    [3, 0],
    [4, 4],
    [4, 3],
    [4, 0],
    [4, 5],
    [0, 0],
    [0, 2],
    [0, 3],
    [0, 4],
  ];
  it.each(allowed)('allows %i -> %i', async (from, to) => {
    const order = await orderIn(from);
    const reply = await save([saveBody(order, { status: to })]);
    expect(reply.json, reply.text).toMatchObject({ isError: false });
    const after = await readOrder(order.id);
    expect(after.status).toBe(to);
    expect(after.modified >= order.modified).toBe(true);
  });

  const refused: [from: number, to: number][] = [
    [1, 1],
    [1, 2],
    [1, 3],
    [1, 4],
    [1, 0],
    [2, 1],
    [2, 5],
    [3, 1],
    [3, 2],
    [3, 5],
    [4, 1],
    [4, 2],
    [0, 1],
    [0, 5],
    [5, 5],
    [5, 4],
    [5, 0],
  ];
  it.each(refused)('refuses %i -> %i with a message and changes nothing', async (from, to) => {
    const order = await orderIn(from);
    const reply = await save([saveBody(order, { status: to })]);
    expect(reply.status).toBe(200);
    expect(reply.json.isError).toBe(true);
    expect(reply.json.messages?.length).toBeGreaterThan(0);
    expect((await readOrder(order.id)).status).toBe(from);
  });

  it('allows reversing a finalization or a cancellation only within 48 hours', async () => {
    const finalized = await orderIn(4);
    const canceled = await orderIn(0);
    clock.advance(49 * HOUR);
    expect((await save([saveBody(finalized, { status: 3 })])).json.isError).toBe(true);
    expect((await save([saveBody(finalized, { status: 0 })])).json.isError).toBe(true);
    expect((await save([saveBody(canceled, { status: 2 })])).json.isError).toBe(true);
    expect((await save([saveBody(finalized, { status: 5 })])).json.isError).toBe(false);
  });

  it('refuses edits of FBE orders', async () => {
    const [fbe] = sandbox.addOrders(FBE.username, 1);
    sandbox.setOrderStatus(FBE.username, fbe?.id as number, 2);
    const order = await readOrder(fbe?.id as number, FBE);
    const reply = await call(sandbox, 'order/save', [saveBody(order, { status: 3 })], FBE);
    expect(reply.json.isError).toBe(true);
    expect(String(reply.json.messages)).toMatch(/cannot be edited/);
  });

  it('asks for the full order: a save without products is refused', async () => {
    const order = await orderIn(2);
    const reply = await save([{ id: order.id, status: 3 }]);
    expect(reply.json.isError).toBe(true);
    expect(String(reply.json.messages)).toMatch(/products/);
  });

  it('takes only the order as read back: type and payment_mode_id required, every field in the form it was read', async () => {
    const order = await orderIn(2);
    const { type: _type, payment_mode_id: _payment, ...withoutIds } = order;
    const { shipping_tax: _tax, ...withoutTax } = order;
    const first = order.products[0];
    if (!first) throw new Error('order without products');
    const refused: [unknown, RegExp][] = [
      [{ ...withoutIds, status: 3 }, /type/],
      [{ ...order, payment_mode_id: undefined, status: 3 }, /payment_mode_id/],
      [{ ...withoutTax, status: 3 }, /'shipping_tax' is missing/],
      // The normalised forms a parser produces: a decimal string shortened, [] turned into {}, an id as a number.
      [{ ...order, shipping_tax: Number(order.shipping_tax), status: 3 }, /'shipping_tax' differs/],
      [{ ...order, details: Array.isArray(order.details) ? {} : [], status: 3 }, /'details' differs/],
      [
        { ...order, customer: { ...(order.customer as object), id: String((order.customer as { id: number }).id) } },
        /'customer' differs/,
      ],
      [
        { ...order, products: order.products.map((p) => ({ ...p, product_id: String(p.product_id) })), status: 3 },
        /product_id/,
      ],
      [
        {
          ...order,
          products: order.products.map((p) => ({ ...p, sale_price: Number(p.sale_price) })),
          status: 3,
        },
        /prices can no longer be changed/,
      ],
      [{ ...order, is_storno: 'false', status: 3 }, /is_storno/],
      [{ ...order, is_storno: 0, status: 3 }, /is_storno/],
      [{ ...order, status: 0, reason_cancellation: '2' }, /reason_cancellation/],
      [{ ...order, status: 0, reason_cancellation: { id: 2, name: 'Anulata de client' } }, /reason_cancellation/],
      // Only the codes the text lists (1-3, 15-43) are reasons: 4-14, 44 and 99 are not.
      [{ ...order, status: 0, reason_cancellation: 7 }, /cancellation reason codes/],
      [{ ...order, status: 0, reason_cancellation: 44 }, /cancellation reason codes/],
      [{ ...order, status: 0, reason_cancellation: 99 }, /cancellation reason codes/],
    ];
    for (const [body, reason] of refused) {
      const reply = await save([body]);
      expect(reply.json.isError, JSON.stringify(body).slice(-200)).toBe(true);
      expect(String(reply.json.messages)).toMatch(reason);
    }
    expect((await readOrder(order.id)).status).toBe(2);
    expect((await save([saveBody(order, { status: 0, reason_cancellation: 2 })])).json.isError).toBe(false);
    const canceled = await readOrder(order.id);
    expect(canceled).toMatchObject({ status: 0, reason_cancellation: 2 });
  });

  it('applies a batch all-or-nothing', async () => {
    const good = await orderIn(2);
    const bad = await orderIn(1);
    const reply = await save([saveBody(good, { status: 3 }), saveBody(bad, { status: 3 })]);
    expect(reply.json.isError).toBe(true);
    expect((await readOrder(good.id)).status).toBe(2);
  });

  it('removes a product line that is left out (not on card orders) and refuses price changes', async () => {
    const order = await orderIn(2, { payment_mode_id: 1 });
    const first = order.products[0];
    if (!first) throw new Error('order without products');
    const extra = { product_id: 555, name: 'Reducere internă', status: 1, sale_price: '-10.0000', quantity: 1 };
    expect((await save([{ ...order, products: [...order.products, extra] }])).json.isError).toBe(false);
    const withExtra = await readOrder(order.id);
    expect(withExtra.products).toHaveLength(order.products.length + 1);

    const repriced = withExtra.products.map((p) => (p.id === first.id ? { ...p, sale_price: '1.0000' } : p));
    expect((await save([saveBody(withExtra, { products: repriced })])).json.isError).toBe(true);

    const without = withExtra.products.filter((p) => p.product_id !== 555);
    expect((await save([saveBody(withExtra, { products: without })])).json.isError).toBe(false);
    const after = await readOrder(order.id);
    expect(after.products.find((p) => p.product_id === 555)?.status).toBe(0);

    const card = await orderIn(2, { payment_mode_id: 3 });
    const reduced = card.products.map((p) => ({ ...p, status: 0 }));
    const refusal = await save([saveBody(card, { products: reduced })]);
    expect(refusal.json.isError).toBe(true);
    expect(String(refusal.json.messages)).toMatch(/card/);
  });

  it('returns part of a finalized order with is_storno, and sets status 5 once everything is returned', async () => {
    const order = await orderIn(4, { payment_mode_id: 3 });
    const lines = order.products.map((p) => ({ ...p, quantity: 2 }));
    // Bring the order to two pieces per line first, while it is still in progress.
    sandbox.setOrderStatus(MAIN.username, order.id, 2);
    const inProgress = await readOrder(order.id);
    expect((await save([saveBody(inProgress, { products: lines })])).json.isError).toBe(false);
    await results(sandbox, 'awb/save', awbFor(order.id));
    const finalized = await readOrder(order.id);
    expect(finalized.status).toBe(4);

    const withoutStorno = finalized.products.map((p) => ({ ...p, quantity: 1 }));
    expect((await save([saveBody(finalized, { products: withoutStorno })])).json.isError).toBe(true);
    expect((await save([saveBody(finalized, { is_storno: true })])).json.isError).toBe(true);

    expect((await save([saveBody(finalized, { products: withoutStorno, is_storno: true })])).json.isError).toBe(false);
    const partly = await readOrder(order.id);
    expect(partly.status).toBe(4);
    expect(partly.products.every((p) => p.quantity === 1)).toBe(true);

    const none = partly.products.map((p) => ({ ...p, quantity: 0 }));
    expect((await save([saveBody(partly, { products: none, is_storno: true })])).json.isError).toBe(false);
    expect((await readOrder(order.id)).status).toBe(5);
  });
});

const awbFor = (orderId: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  order_id: orderId,
  sender: {
    name: 'Magazin Demo SRL',
    contact: 'Depozit',
    phone1: '0722000111',
    locality_id: 8801,
    street: 'Str. Depozitului 1',
  },
  receiver: {
    name: 'Popescu Ana',
    contact: 'Popescu Ana',
    phone1: '0733000222',
    locality_id: 4510,
    street: 'Str. Horea 2',
    legal_entity: 0,
  },
  is_oversize: 0,
  envelope_number: 0,
  parcel_number: 1,
  cod: 0,
  weight: 1.5,
  ...extra,
});

describe('shipping', () => {
  it('lists the courier accounts', async () => {
    const accounts = await results<{ account_id: number; courier_name: string; status: number }[]>(
      sandbox,
      'courier_accounts/read',
    );
    expect(accounts.map((a) => a.courier_name)).toEqual(['Sameday', 'FAN Courier', 'Cargus', 'DPD', 'GLS']);
    expect(accounts.every((a) => a.status === 1)).toBe(true);
  });

  it('issues an AWB, which finalizes the order; answers carry the number nested, flat or not at all; awb/read has it', async () => {
    const forms = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const order = await orderIn(3, { enforced_vendor_courier_accounts: null });
      clock.advance(60_000);
      const saved = await results<{
        reservation_id: number;
        emag_id?: number;
        awb_number?: string;
        awb?: { emag_id: number; awb_number: string }[];
      }>(sandbox, 'awb/save', awbFor(order.id));
      forms.add(saved.awb ? 'nested' : saved.awb_number ? 'flat' : 'ids only');
      expect(saved.reservation_id).toBeGreaterThan(0);
      const after = await readOrder(order.id);
      expect(after.status).toBe(4);
      expect(after.modified > order.modified).toBe(true);
      const byReservation = await results<{ order_id: number; emag_id: number; awb: { awb_number: string }[] }[]>(
        sandbox,
        'awb/read',
        { reservation_id: saved.reservation_id },
      );
      expect(byReservation[0]?.order_id).toBe(order.id);
      expect(byReservation[0]?.awb[0]?.awb_number).toMatch(/^[A-Z]{2}\d+$/);
      const byEmagId = await results(sandbox, 'awb/read', { emag_id: byReservation[0]?.emag_id });
      expect(byEmagId).toEqual(byReservation);
    }
    expect([...forms].sort()).toEqual(['flat', 'ids only', 'nested']);
  });

  it('holds sender and receiver to the text: locality_id within 1-4294967295, address_id as text, names, phones, streets', async () => {
    const order = await orderIn(2, { enforced_vendor_courier_accounts: null });
    const receiver = (awbFor(order.id).receiver ?? {}) as Record<string, unknown>;
    const sender = (awbFor(order.id).sender ?? {}) as Record<string, unknown>;
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ receiver: { ...receiver, locality_id: 0 } }, /locality_id/],
      [{ receiver: { ...receiver, locality_id: 4_294_967_296 } }, /locality_id/],
      [{ sender: { ...sender, address_id: 12345 } }, /address_id/],
      [{ sender: { ...sender, address_id: '1234567890123456789012' } }, /address_id/],
      [{ receiver: { ...receiver, name: 'Al' } }, /name/],
      [{ receiver: { ...receiver, contact: '' } }, /contact/],
      [{ receiver: { ...receiver, phone1: '07 33 000 222' } }, /phone/],
      [{ receiver: { ...receiver, phone1: '0733' } }, /phone/],
      [{ receiver: { ...receiver, street: 'x' } }, /street/],
      [{ is_oversize: 2 }, /is_oversize/],
      [{ is_oversize: undefined }, /is_oversize/],
      [{ parcel_number: 0, envelope_number: 0 }, /both be 0/],
    ];
    for (const [change, reason] of refused) {
      const reply = await call(sandbox, 'awb/save', awbFor(order.id, change));
      expect(reply.json.isError, JSON.stringify(change)).toBe(true);
      expect(String(reply.json.messages), JSON.stringify(change)).toMatch(reason);
    }
    expect((await readOrder(order.id)).status).toBe(2);
    const withAddress = awbFor(order.id, { sender: { ...sender, address_id: '12345' } });
    expect((await call(sandbox, 'awb/save', withAddress)).json.isError).toBe(false);
  });

  it('needs a pickup date from tomorrow on for the AWB of a return', async () => {
    const rma = await results<{ emag_id: number }[]>(sandbox, 'rma/read', { itemsPerPage: 1 });
    const rmaId = rma[0]?.emag_id;
    expect(rmaId).toBeGreaterThan(0);
    const base = { ...awbFor(0), order_id: undefined, rma_id: rmaId };
    const without = await call(sandbox, 'awb/save', base);
    expect(without.json.isError).toBe(true);
    expect(String(without.json.messages)).toMatch(/date is required/);
    const today = new Date(clock.ms + 3 * HOUR).toISOString().slice(0, 10);
    const sameDay = await call(sandbox, 'awb/save', { ...base, date: today });
    expect(String(sameDay.json.messages)).toMatch(/day after/);
    const tomorrow = new Date(clock.ms + 27 * HOUR).toISOString().slice(0, 10);
    expect((await call(sandbox, 'awb/save', { ...base, date: tomorrow })).json.isError).toBe(false);
  });

  it('refuses an AWB for a new (unacknowledged) order, an FBE order, an incomplete request and a foreign courier', async () => {
    const fresh = await orderIn(1);
    expect((await call(sandbox, 'awb/save', awbFor(fresh.id))).json.isError).toBe(true);
    const [fbe] = sandbox.addOrders(FBE.username, 1);
    expect((await call(sandbox, 'awb/save', awbFor(fbe?.id as number), FBE)).json.isError).toBe(true);
    const ready = await orderIn(2, { enforced_vendor_courier_accounts: null });
    expect((await call(sandbox, 'awb/save', awbFor(ready.id, { cod: undefined }))).json.isError).toBe(true);
    expect((await call(sandbox, 'awb/save', awbFor(ready.id, { parcel_number: 0 }))).json.isError).toBe(true);
    expect((await call(sandbox, 'awb/save', awbFor(ready.id, { courier_account_id: 1 }))).json.isError).toBe(true);
    expect((await readOrder(ready.id)).status).toBe(2);
    expect((await call(sandbox, 'awb/read', { emag_id: 1 })).json.isError).toBe(true);
  });

  it('accepts cod, weight and insured_value as numeric strings, as PHP clients send them', async () => {
    const order = await orderIn(2, { enforced_vendor_courier_accounts: null });
    const reply = await call(
      sandbox,
      'awb/save',
      awbFor(order.id, { cod: '149.90', weight: '1.5', insured_value: '0' }),
    );
    expect(reply.json.isError, reply.text).toBe(false);
    const bad = await orderIn(2, { enforced_vendor_courier_accounts: null });
    expect((await call(sandbox, 'awb/save', awbFor(bad.id, { cod: 'lots' }))).json.isError).toBe(true);
  });

  it('honours enforced courier accounts and unlock-courier lifts them', async () => {
    const order = await orderIn(2, { enforced_vendor_courier_accounts: [] });
    expect((await call(sandbox, 'awb/save', awbFor(order.id))).json.isError).toBe(true);
    // Only the documented path: order/{orderId}/unlock-courier.
    const idLast = await call(sandbox, `order/unlock-courier/${order.id}`);
    expect(idLast.status).toBe(404);
    expect(idLast.json.isError).toBe(true);
    await results(sandbox, `order/${order.id}/unlock-courier`);
    expect((await readOrder(order.id)).enforced_vendor_courier_accounts).toBeNull();
    expect((await call(sandbox, 'awb/save', awbFor(order.id))).json.isError).toBe(false);
  });
});

describe('order/attachments/save', () => {
  it('attaches an invoice by URL to a seller order and to an FBE order', async () => {
    const order = await orderIn(4);
    const invoice = {
      order_id: order.id,
      order_type: 3,
      name: 'Factura MGZ 1001',
      url: 'https://magazin-demo.ro/f/1001.pdf',
      type: 1,
    };
    expect((await call(sandbox, 'order/attachments/save', [invoice])).json.isError).toBe(false);
    // Sending the same invoice again replaces it instead of duplicating it.
    expect((await call(sandbox, 'order/attachments/save', [invoice])).json.isError).toBe(false);
    const after = await readOrder(order.id);
    expect(after.attachments).toEqual([expect.objectContaining({ url: invoice.url, type: 1, name: invoice.name })]);

    const [fbe] = sandbox.addOrders(FBE.username, 1);
    const fbeInvoice = { order_id: fbe?.id, order_type: 2, url: 'https://magazin-demo.ro/f/1002.pdf' };
    expect((await call(sandbox, 'order/attachments/save', [fbeInvoice], FBE)).json.isError).toBe(false);
  });

  it('refuses a wrong order_type, a warranty without its product line, and a bad URL', async () => {
    const order = await orderIn(4);
    const url = 'https://magazin-demo.ro/f/x.pdf';
    const cases = [
      { order_id: order.id, order_type: 2, url },
      { order_id: order.id, order_type: 3, url, type: 3 },
      { order_id: order.id, order_type: 3, url, type: 3, order_product_id: 1 },
      { order_id: order.id, order_type: 3, url: 'not a url' },
    ];
    for (const attachment of cases) {
      expect(
        (await call(sandbox, 'order/attachments/save', [attachment])).json.isError,
        JSON.stringify(attachment),
      ).toBe(true);
    }
    const warranty = { order_id: order.id, order_type: 3, url, type: 3, order_product_id: order.products[0]?.id };
    for (const notPdf of [
      'https://magazin-demo.ro/f/x.docx',
      'https://magazin-demo.ro/f/x',
      'https://magazin-demo.ro/f/x.pdf.html',
      'ftp://magazin-demo.ro/f/x.pdf',
    ]) {
      const reply = await call(sandbox, 'order/attachments/save', [{ order_id: order.id, order_type: 3, url: notPdf }]);
      expect(reply.json.isError, notPdf).toBe(true);
      expect(String(reply.json.messages), notPdf).toMatch(/\.pdf/);
    }
    const withQuery = { order_id: order.id, order_type: 3, url: 'https://magazin-demo.ro/f/x.PDF?token=abc' };
    expect((await call(sandbox, 'order/attachments/save', [withQuery])).json.isError).toBe(false);
    expect((await call(sandbox, 'order/attachments/save', [warranty])).json.isError).toBe(false);
  });
});
