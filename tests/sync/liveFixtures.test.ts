// The sync stores every live-form order and offer in tests/fixtures/emag-live as eMAG means it: totals with vouchers
// and recycling deposits, the order's own currency, eMAG's own status times, the cancellation reason in either form,
// eMAG's JSON verbatim; the records a fixture marks odd are set aside while the rest of the page is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffersQuerySchema } from '../../shared/ipc';
import { toOrderDetail } from '../../main/core/orders/detail';
import type { Sandbox } from '../../main/sandbox';
import { ok, startStubServer, type StubServer } from '../emag/support/stubServer';
import { liveFixtures, type LiveFixture } from '../support/liveFixtures';
import { createHarness, type Harness } from './harness';

let stub: StubServer;
let served: LiveFixture['answer'] = { isError: false, messages: [], results: [] };

beforeAll(async () => {
  stub = await startStubServer((request) =>
    request.path.endsWith('/count') ? ok({ noOfItems: String(served.results.length), noOfPages: 1 }) : { body: served },
  );
});
afterAll(async () => {
  await stub?.close();
});

/** A fresh engine and database whose account talks to the stub (eMAG answering with the fixture). */
const harness = () =>
  createHarness({
    accounts: [{ username: 'live', password: 'live-secret', kind: 'main' }],
    sandbox: { url: stub.url, requestLog: [] } as unknown as Sandbox,
    settings: { autoAcknowledge: false },
  });

describe('live-form order fixtures through the sync', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  it.each(liveFixtures('order/read').map((f) => [f.file, f] as const))('%s', async (_file, fixture) => {
    await h?.close();
    h = await harness();
    const accountId = h.accounts.live!.id;
    served = fixture.answer;
    const run = await h.engine.runJob('new-orders', accountId, 'manual');
    expect(run).toMatchObject({ status: 'completed', warnings: fixture.expect.setAside.length });
    expect(
      h.repos.needsAttention
        .list({ accountId })
        .map((item) => item.emagId)
        .sort(),
    ).toEqual([...fixture.expect.setAside].sort());
    const byId = new Map(fixture.answer.results.map((record) => [String(record.id), record]));
    for (const [id, expected] of Object.entries(fixture.expect.orders ?? {})) {
      const stored = h.repos.orders.get(accountId, Number(id));
      expect(stored, `order ${id}`).toMatchObject({
        status: expected.status,
        totalMinor: expected.totalMinor,
        currency: expected.currency,
        customer: { name: expected.customerName },
        ...(expected.modified ? { modified: expected.modified } : {}),
      });
      expect(stored!.raw).toEqual(byId.get(id));
      if (expected.statusSince)
        expect(stored!.statusHistory).toEqual([{ status: expected.status, at: expected.statusSince }]);
      const detail = toOrderDetail(stored!, [], new Date(), 'emag-ro');
      if (expected.vouchersGrossMinor)
        expect(detail.vouchers.map((v) => v.grossMinor)).toEqual(expected.vouchersGrossMinor);
      if (expected.cancellationReason) expect(detail.cancellationReason).toEqual(expected.cancellationReason);
    }
  });
});

describe('live-form offer fixtures through the sync', () => {
  it.each(liveFixtures('product_offer/read').map((f) => [f.file, f] as const))('%s', async (_file, fixture) => {
    const h = await harness();
    try {
      const accountId = h.accounts.live!.id;
      served = fixture.answer;
      const run = await h.engine.runJob('offers', accountId, 'manual');
      expect(run).toMatchObject({ status: 'completed', warnings: fixture.expect.setAside.length });
      for (const [id, expected] of Object.entries(fixture.expect.offers ?? {})) {
        const { rows } = h.repos.offers.list(OffersQuerySchema.parse({ accountIds: [accountId], limit: 100 }));
        const offer = rows.find((row) => row.id === Number(id));
        expect(offer, `offer ${id}`).toMatchObject(expected);
      }
    } finally {
      await h.close();
    }
  });
});
