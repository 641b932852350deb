// The write decisions of docs/emag-client.md ("Write decisions") held by the client: live answers from
// tests/fixtures/emag-live (AWB forms, error forms), the order/save body as read, AWB checks before sending, the
// 3-second budget header, per-route timeouts, the attachment budgets, and the codes the window gets for access errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type IpcHandlers } from '../../main/core/ipc/dispatcher';
import {
  createEmagClient,
  describeEmagError,
  EmagError,
  type EmagAwbInput,
  type EmagClient,
  type EmagClientConfig,
} from '../../main/core/emag';
import { failure } from './support/failure';
import { ok, startStubServer, type StubServer } from './support/stubServer';

const FIXTURES = join(__dirname, '..', 'fixtures', 'emag-live');

interface Fixture {
  note: string;
  route: string;
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  expect?: {
    awbNumber?: string;
    emagId?: number;
    reservationId?: number;
    readsBack?: boolean;
    kind?: string;
    code?: string;
    retryable?: boolean;
    reason?: string;
  };
}

const fixture = (name: string): Fixture => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Fixture;
const fixtureNames = (prefix: string): string[] =>
  readdirSync(FIXTURES)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
    .sort();

let stub: StubServer;
beforeEach(async () => {
  stub = await startStubServer();
});
afterEach(async () => {
  await stub.close();
});

function client(overrides: Partial<EmagClientConfig> = {}): EmagClient {
  return createEmagClient({
    account: 'main',
    platform: 'emag-ro',
    apiUrl: stub.url,
    username: 'seller@example.ro',
    password: 'Sup3r-Secret-Pa55',
    rateLimits: { orders: { perSecond: 1000, perMinute: 60_000 }, other: { perSecond: 1000, perMinute: 60_000 } },
    retry: { maxAttempts: 1 },
    ...overrides,
  });
}

const route = (path: string): string => path.replace(/^\/api-3\//, '');
const reply = (f: Fixture) => ({ status: f.status, headers: f.headers ?? {}, body: f.body });

const AWB: EmagAwbInput = {
  order_id: 243409,
  sender: { name: 'Magazin SRL', contact: 'Ion', phone1: '0740000000', locality_id: 8801, street: 'Str. Lunga 1' },
  receiver: {
    name: 'Ana Pop',
    contact: 'Ana Pop',
    phone1: '0722123456',
    legal_entity: 0,
    locality_id: 8812,
    street: 'Str. Horea 2',
  },
  is_oversize: 0,
  envelope_number: 0,
  parcel_number: 1,
  cod: 149.9,
};

describe('live AWB answers (tests/fixtures/emag-live/awb-save-*.json)', () => {
  it('has a note on every fixture saying where its form is documented or observed', () => {
    const names = fixtureNames('');
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(fixture(name).note.length, name).toBeGreaterThan(40);
  });

  it.each(fixtureNames('awb-save-'))(
    '%s: the number, eMAG id and reservation id are known after the save',
    async (name) => {
      const saved = fixture(name);
      const read = fixture('awb-read.json');
      stub.handle((request) => (route(request.path) === 'awb/read' ? reply(read) : reply(saved)));
      const c = client();
      const identity = await c.awb.identify(await c.awb.save(AWB));
      expect(identity).toEqual({
        awbNumber: saved.expect?.awbNumber,
        emagId: saved.expect?.emagId,
        reservationId: saved.expect?.reservationId,
      });
      const reads = stub.requests.filter((r) => route(r.path) === 'awb/read');
      if (saved.expect?.readsBack) {
        // Only ids came back: the number is read with awb/read, by the reservation id, never stored as null.
        expect(reads.map((r) => JSON.parse(r.body) as unknown)).toEqual([
          { reservation_id: saved.expect.reservationId },
        ]);
      } else {
        expect(reads).toHaveLength(0);
      }
    },
  );

  it('leaves the number null (ids kept) when awb/read does not have it either', async () => {
    stub.handle((request) => (route(request.path) === 'awb/read' ? ok([]) : reply(fixture('awb-save-ids-only.json'))));
    const c = client();
    expect(await c.awb.identify(await c.awb.save(AWB))).toEqual({
      awbNumber: null,
      emagId: null,
      reservationId: 58_712_046,
    });
  });
});

describe('live error answers (tests/fixtures/emag-live/error-*.json)', () => {
  /** The client call of each fixture's route. */
  const callFor = (c: EmagClient, name: string): Promise<unknown> => {
    switch (name) {
      case 'order/read':
        return c.orders.read();
      case 'order/count':
        return c.orders.count();
      case 'order/save':
        return c.orders.changeStatus({ id: 5, status: 2, type: 3, payment_mode_id: 1, products: [] }, 3);
      case 'awb/save':
        return c.awb.save(AWB);
      case 'product_offer/save':
        return c.offers.save([
          {
            id: 1,
            status: 1,
            sale_price: '10',
            vat_id: 1,
            handling_time: [{ warehouse_id: 1, value: 1 }],
            stock: [{ warehouse_id: 1, value: 1 }],
          },
        ]);
      default:
        throw new Error(`no client call for ${name}`);
    }
  };

  it.each(fixtureNames('error-'))('%s: the kind, code and reason the seller is shown', async (name) => {
    const f = fixture(name);
    stub.handle(() => reply(f));
    const error = await failure(callFor(client(), f.route) as Promise<never>);
    expect(error.kind).toBe(f.expect?.kind);
    expect(error.retryable).toBe(f.expect?.retryable);
    if (f.expect?.code) expect(error.code).toBe(f.expect.code);
    else expect(error.code).toBeUndefined();
    if (f.expect?.reason) expect(describeEmagError(error)).toContain(f.expect.reason);
    expect(stub.requests).toHaveLength(1);
  });

  it('hands the window the access code through the IPC envelope', async () => {
    // The code, and the cause the window explains in the seller's language (shared/causes.ts).
    const cases: [string, string, string][] = [
      ['error-no-api-rights.json', 'auth.api_rights_missing', 'api_rights'],
      ['error-ip-not-whitelisted.json', 'auth.ip_not_whitelisted', 'ip_not_whitelisted'],
      ['error-wrong-credentials.json', 'auth.credentials', 'credentials'],
      ['error-messages-objects-and-errors.json', 'emag.api', 'emag_error'],
    ];
    for (const [name, code, cause] of cases) {
      const f = fixture(name);
      stub.handle(() => reply(f));
      const error = await failure(callFor(client(), f.route) as Promise<never>);
      const dispatcher = createDispatcher({
        'couriers.list': () => {
          throw error;
        },
      } as unknown as IpcHandlers);
      const result = await dispatcher.dispatch('couriers.list', { accountId: 1 });
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'emag', code, cause, message: describeEmagError(error) },
      });
    }
  });
});

describe('order/save gets the order as eMAG sent it', () => {
  const live = {
    id: 5,
    status: 2,
    type: 3,
    payment_mode_id: 1,
    details: [],
    shipping_tax: 19.99,
    reason_cancellation: { id: 2, name: 'Anulata de client' },
    customer: { id: 9, shipping_locality_id: '8812', phone_1: '0722 123 456' },
    products: [{ id: 11, product_id: '3', sale_price: '103.7395', quantity: 1, status: 1 }],
    a_field_added_next_year: { anything: [1, 'two'] },
  };

  it('reads it verbatim and sends every field back in the form it came in, the status changed', async () => {
    stub.handle((request) => (route(request.path) === 'order/read' ? ok([live]) : ok()));
    const c = client();
    const [raw] = await c.orders.readRaw({ id: 5 });
    expect(raw).toEqual(live);
    await c.orders.changeStatus(raw!, 3);
    const [sent] = JSON.parse(stub.requests[1]?.body ?? '[]') as Record<string, unknown>[];
    // The one deliberate change besides the status: the reason goes back as its code, the form the text saves.
    expect(sent).toEqual({ ...live, status: 3, reason_cancellation: 2 });
    expect(JSON.stringify(sent?.products)).toBe(JSON.stringify(live.products));
  });

  it('refuses to send an order without a usable id', async () => {
    expect((await failure(client().orders.changeStatus({ id: 'x', status: 2 }, 3))).kind).toBe('config');
    expect(stub.requests).toHaveLength(0);
  });
});

describe('AWBs eMAG would refuse never leave', () => {
  it('names every field against the text, and sends nothing', async () => {
    const bad: EmagAwbInput = {
      ...AWB,
      receiver: { ...AWB.receiver, name: 'Al', phone1: '07 22', locality_id: 0, street: '' },
      sender: { ...AWB.sender, address_id: 12 as unknown as string },
      envelope_number: 0,
      parcel_number: 0,
      is_oversize: 2 as 0,
    };
    const error = await failure(client().awb.save(bad));
    expect(error.kind).toBe('config');
    for (const field of [
      'receiver.name',
      'receiver.phone1',
      'receiver.locality_id',
      'receiver.street',
      'sender.address_id',
      'is_oversize',
      'not both 0',
    ]) {
      expect(error.message).toContain(field);
    }
    const returnWithoutDate = await failure(client().awb.save({ ...AWB, order_id: undefined, rma_id: 7 }));
    expect(returnWithoutDate.message).toContain('date');
    expect(stub.requests).toHaveLength(0);
  });
});

describe('rate budgets and timeouts', () => {
  it('holds the bucket back for a slot of the 3-second window when eMAG says none is left', async () => {
    stub.handle(() => ({
      ...ok([]),
      headers: { 'x-ratelimit-limit-3second': '10', 'x-ratelimit-remaining-3second': '0' },
    }));
    const c = client();
    await c.vat.read();
    await c.vat.read();
    const [first, second] = stub.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(280);
    expect(c.limiterStats().other.hits429).toBe(0);
  });

  it('does not hold back while eMAG reports budget left', async () => {
    stub.handle(() => ({
      ...ok([]),
      headers: { 'x-ratelimit-limit-3second': '10', 'x-ratelimit-remaining-3second': '7' },
    }));
    const c = client();
    await c.vat.read();
    await c.vat.read();
    const [first, second] = stub.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(250);
  });

  it('gives offer reads a longer timeout than the rest', async () => {
    stub.handle(() => ({ ...ok([]), delayMs: 400 }));
    const c = client({ timeoutMs: 250 });
    expect((await failure(c.orders.read())).kind).toBe('timeout');
    await expect(c.offers.read()).resolves.toEqual([]);
    const custom = client({ timeoutMs: 250, routeTimeoutsMs: { 'vat/read': 1_000 } });
    await expect(custom.vat.read()).resolves.toEqual([]);
  });

  it('spends both budgets for order/attachments/save, the safe reading of its place in the resource list', async () => {
    const c = client();
    await c.attachments.save({ order_id: 1, order_type: 3, url: 'https://shop.example.ro/f/1.pdf' });
    const stats = c.limiterStats();
    expect(stats.other.granted).toBe(1);
    expect(stats.orders.granted).toBe(1);
  });
});

describe('EmagError', () => {
  it('carries its code into logs and copies', () => {
    const error = new EmagError({ kind: 'auth', code: 'auth.ip_not_whitelisted', message: 'x', route: 'order/read' });
    expect(error.toJSON()).toMatchObject({ kind: 'auth', code: 'auth.ip_not_whitelisted' });
    expect(error.forAccount('main').code).toBe('auth.ip_not_whitelisted');
    expect(error.withoutRetry().code).toBe('auth.ip_not_whitelisted');
  });
});
