// The client reads every live-form answer in tests/fixtures/emag-live over real HTTP: each record it can read comes
// back with eMAG's JSON as sent, and only the records a fixture marks odd are set aside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmagClient, type EmagClient } from '../../main/core/emag';
import { rawOf, type TolerantPage } from '../../main/core/emag/tolerant';
import { liveFixtures, type LiveFixture } from '../support/liveFixtures';
import { startStubServer, type StubServer } from './support/stubServer';

let stub: StubServer;
let client: EmagClient;
let answer: LiveFixture['answer'] = { isError: false, messages: [], results: [] };

beforeAll(async () => {
  stub = await startStubServer(() => ({ body: answer }));
  client = createEmagClient({
    account: 'fixtures',
    platform: 'emag-ro',
    username: 'u',
    password: 'p',
    apiUrl: stub.url,
    retry: { maxAttempts: 1 },
  });
});
afterAll(async () => {
  await stub?.close();
});

async function readPage(fixture: LiveFixture): Promise<TolerantPage<object>> {
  answer = fixture.answer;
  if (fixture.route === 'order/read') return client.orders.readPage();
  if (fixture.route === 'product_offer/read') return client.offers.readPage();
  return client.rma.readPage();
}

const idOf = (record: object): string =>
  String((record as { id?: unknown; emag_id?: unknown }).emag_id ?? (record as { id: unknown }).id);

describe('live-form fixtures through the client', () => {
  const fixtures = liveFixtures();

  it('has order, offer and return fixtures, each with a note of where its forms come from', () => {
    expect(new Set(fixtures.map((f) => f.route))).toEqual(new Set(['order/read', 'product_offer/read', 'rma/read']));
    for (const fixture of fixtures) expect(fixture.note.length, fixture.file).toBeGreaterThan(40);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_file, fixture) => {
    const page = await readPage(fixture);
    expect(page.size).toBe(fixture.answer.results.length);
    expect(page.setAside.map((item) => item.emagId)).toEqual(fixture.expect.setAside);
    const readable = fixture.answer.results.filter((record) => !fixture.expect.setAside.includes(idOf(record)));
    expect(page.items.map((item) => rawOf(item))).toEqual(readable);
    for (const item of page.setAside) expect(item.reason).toMatch(/cannot read/);
  });
});
