// `magflow offers set-price|set-stock` as a child process against the eMAG sandbox: the edit reaches eMAG (the sandbox
// applies it) and is confirmed by the read-back; prices outside eMAG's bounds, bad stock and unknown offers are usage
// errors that change nothing; FBE stock is refused with the reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { expectOneLineError, runCli, type CliOptions } from './helpers';

const SELLER = { username: 'cli-oferte', password: 'parola-oferte', kind: 'main' as const, orders: 0, offers: 3 };
const FBE = { username: 'cli-fbe', password: 'parola-fbe', kind: 'fbe' as const, orders: 0, offers: 1 };

let dir = '';
let dataDir = '';
let sandbox: Sandbox;
const cli = (args: readonly string[], options?: CliOptions) => runCli(dataDir, args, options);
const offer = (username: string, index: number) => sandbox.offers(username)[index]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'magflow-cli-offers-'));
  dataDir = join(dir, 'data');
  sandbox = await startSandbox({ port: 0, seed: 29, accounts: [SELLER, FBE], rateLimit: false });
  for (const [name, spec] of [
    ['Magazin', SELLER],
    ['Depozit', FBE],
  ] as const) {
    const add = await cli(
      [
        ...['accounts', 'add', '--name', name, '--platform', 'emag-ro', '--kind', spec.kind],
        ...['--username', spec.username, '--password-env', 'PW', '--api-url', sandbox.url],
      ],
      { env: { PW: spec.password } },
    );
    expect(add.code).toBe(0);
    expect((await cli(['sync', '--job', 'offers', '--account', name])).code).toBe(0);
  }
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('magflow offers set-price | set-stock', () => {
  it('sets a price inside the bounds: eMAG has it and the edit is confirmed', async () => {
    const target = offer(SELLER.username, 0);
    const price = ((target.min_sale_price + target.max_sale_price) / 2).toFixed(2);
    const result = await cli(['offers', 'set-price', String(target.id), price, '--account', 'Magazin']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Offer ${target.id}: price ${Number(price)} sent and confirmed`);
    expect(offer(SELLER.username, 0).sale_price).toBe(Number(price));
  });

  it('sets a stock, with --json', async () => {
    const target = offer(SELLER.username, 1);
    const result = await cli(['offers', 'set-stock', String(target.id), '23', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      account: 'Magazin',
      offerId: target.id,
      field: 'stock',
      value: '23',
      state: 'sent',
      confirmed: true,
      error: null,
    });
    expect(offer(SELLER.username, 1).stock).toEqual([{ warehouse_id: 1, value: 23 }]);
  });

  it("refuses a price above the offer's maximum before sending anything (exit 2)", async () => {
    const target = offer(SELLER.username, 2);
    const before = sandbox.requestLog.filter((e) => e.route === 'offer/save').length;
    const result = await cli(['offers', 'set-price', String(target.id), String(target.max_sale_price + 10)]);
    expect(result.code).toBe(2);
    expect(expectOneLineError(result.stderr)).toMatch(/the price is above the offer's maximum sale price/);
    expect(sandbox.requestLog.filter((e) => e.route === 'offer/save').length).toBe(before);
  });

  it('refuses a stock that is not a whole number from 0 to 65535, and an unknown offer', async () => {
    const target = offer(SELLER.username, 2);
    const bad = await cli(['offers', 'set-stock', String(target.id), '70000']);
    expect(bad.code).toBe(2);
    expect(expectOneLineError(bad.stderr)).toMatch(/whole number from 0 to 65535/);
    const unknown = await cli(['offers', 'set-stock', '999999', '3']);
    expect(unknown.code).toBe(2);
    expect(expectOneLineError(unknown.stderr)).toMatch(/no offer 999999 in the local database/);
  });

  it("refuses an FBE offer's stock: eMAG's warehouse manages it", async () => {
    const target = offer(FBE.username, 0);
    const result = await cli(['offers', 'set-stock', String(target.id), '5', '--account', 'Depozit']);
    expect(result.code).toBe(2);
    expect(expectOneLineError(result.stderr)).toMatch(/fulfilled by eMAG \(FBE\).*warehouse/);
  });
});
