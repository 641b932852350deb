// `magflow returns` and `magflow health` end to end (issue 18), as child processes against an in-process sandbox:
// the returns a sync stored, filtered, as JSON and a table; the health figures per account with their thresholds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountHealthView } from '../../shared/accountHealth';
import type { ReturnSummary } from '../../shared/returns';
import { formatWallTime } from '../../shared/zoneTime';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { expectOneLineError, runCli } from './helpers';

describe('magflow returns and health', () => {
  let dir: string;
  let dataDir: string;
  let sandbox: Sandbox;
  const cli = (args: readonly string[], env?: Record<string, string>) =>
    runCli(dataDir, args, env ? { env } : undefined);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-cli-returns-'));
    dataDir = join(dir, 'data');
    sandbox = await startSandbox({
      port: 0,
      seed: 23,
      ordersPerAccount: 300,
      offersPerAccount: 2,
      newOrderEverySec: 0,
    });
    const add = await cli(
      [
        'accounts',
        'add',
        '--name',
        'Main',
        '--platform',
        'emag-ro',
        '--kind',
        'main',
        '--username',
        'demo-main',
      ].concat(['--password-env', 'PW', '--api-url', sandbox.url]),
      { PW: 'demo-main-secret' },
    );
    expect(add.code, add.stderr).toBe(0);
    const sync = await cli(['sync', '--job', 'order-changes']);
    expect(sync.code, sync.stderr).toBe(0);
    const returns = await cli(['sync', '--job', 'returns']);
    expect(returns.code, returns.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the returns the sync stored, newest first, and filters them', async () => {
    const since = formatWallTime(new Date(Date.now() - 90 * 86_400_000), 'Europe/Bucharest');
    const expected = sandbox.returns('demo-main').filter((r) => r.date >= since);
    expect(expected.length).toBeGreaterThan(0);

    const all = await cli(['returns', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const listed = JSON.parse(all.stdout) as ReturnSummary[];
    expect(listed.map((r) => r.emagId).sort()).toEqual(expected.map((r) => r.emag_id).sort());
    const dates = listed.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const first = expected[0]!;
    expect(listed.find((r) => r.emagId === first.emag_id)).toMatchObject({
      account: 'Main',
      orderId: first.order_id,
      status: first.request_status,
      date: first.date,
      firstProduct: first.products[0]?.product_name ?? null,
    });

    const status = first.request_status;
    const filtered = JSON.parse(
      (await cli(['returns', '--json', '--status', String(status)])).stdout,
    ) as ReturnSummary[];
    expect(filtered.map((r) => r.emagId).sort()).toEqual(
      expected
        .filter((r) => r.request_status === status)
        .map((r) => r.emag_id)
        .sort(),
    );
    const byOrder = JSON.parse((await cli(['returns', '--json', '--order', String(first.order_id)])).stdout);
    expect((byOrder as ReturnSummary[]).map((r) => r.emagId)).toEqual([first.emag_id]);

    const table = await cli(['returns', '--account', 'Main']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^account\s+emag_id\s+order_id\s+status/);
    expect(table.stdout).toContain(String(first.emag_id));

    const bad = await cli(['returns', '--status', '9']);
    expect(bad.code).toBe(2);
    expect(expectOneLineError(bad.stderr)).toMatch(/'9' is not a return status/);
  });

  it('prints the health figures of each account with their thresholds', async () => {
    const json = await cli(['health', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const [view] = JSON.parse(json.stdout) as AccountHealthView[];
    expect(view!.account).toBe('Main');
    expect(view!.windowDays).toBe(30);
    expect(view!.figures.map((f) => f.key)).toEqual([
      'lateShipmentRate',
      'overdue',
      'atRisk',
      'invoiceRate',
      'sellerCancelRate',
      'returnsRate',
    ]);
    for (const f of view!.figures) {
      if (f.key === 'overdue' || f.key === 'atRisk') expect(f.value).toBe(f.numerator);
      else if (f.denominator > 0) expect(f.value).toBeCloseTo((100 * f.numerator) / f.denominator, 2);
      else expect(f.value).toBeNull();
    }
    expect(view!.trend.ends).toHaveLength(8);

    const table = await cli(['health']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Late shipment rate/);
    expect(table.stdout).toMatch(/eMAG's figures in the seller center are authoritative/);
  });
});
