// The `magflow` CLI end to end, as child processes against an in-process eMAG sandbox: bad input (one line,
// exit 2, nothing written), accounts, sync --json, orders equal to the sandbox's data, CSV round trip, the run
// lock and a clean stop on SIGTERM, and serve refusing requests without its token.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { dataDirLockState } from '../../main/core/lock/dataDirLock';
import { CSV_TEXT, ORDER_CSV_COLUMNS } from '../../main/core/orders/csvText';
import { ordersForCsv, ordersToCsv, UTF8_BOM } from '../../main/core/orders/exportCsv';
import { OrdersQuerySchema } from '../../shared/ipc';
import { minorToDecimal } from '../../shared/money';
import { orderTotalMinor } from '../../main/core/sync/mapOrder';
import { startSandbox, type EmagOrderRecord, type Sandbox } from '../../main/sandbox';
import { expectOneLineError, finished, runCli, startCli, waitForOutput } from './helpers';

const MAIN_PASSWORD = 'demo-main-secret';
const FBE_PASSWORD = 'demo-fbe-secret';
const TRICKY_NAME = 'Ion "Nelu", Popescu\nSRL; x';

const text = (...values: (string | null | undefined)[]) =>
  values.find((v) => typeof v === 'string' && v.trim() !== '') ?? null;

/** What `orders --json` must print for a sandbox record (the mapping eMAG fields -> CLI fields). */
function expectedOrder(account: string, record: EmagOrderRecord) {
  const c = record.customer;
  return {
    account,
    id: record.id,
    status: record.status,
    type: record.type,
    paymentModeId: record.payment_mode_id,
    total: minorToDecimal(orderTotalMinor(record as unknown as Parameters<typeof orderTotalMinor>[0])),
    currency: record.currency,
    created: record.date,
    modified: record.modified,
    customer: {
      name: text(c.shipping_contact as string, c.billing_name, c.name, c.company as string),
      phone: text(c.shipping_phone as string, c.billing_phone, c.phone_1),
      locality: text(c.shipping_city as string, c.billing_city),
    },
    lines: record.products.map((p) => ({
      productId: String(p.product_id),
      partNumberKey: p.part_number_key,
      name: p.name,
      quantity: p.quantity,
      salePrice: p.sale_price,
    })),
  };
}

describe('magflow CLI', () => {
  let dir: string;
  let dataDir: string;
  let sandbox: Sandbox;
  const cli = (args: readonly string[], options?: Parameters<typeof runCli>[2]) => runCli(dataDir, args, options);
  /** `accounts add` of an emag-ro account on the sandbox; `password` says where the password comes from. */
  const addOnSandbox = (name: string, kind: 'main' | 'fbe', username: string, password: string[]): string[] => [
    ...['accounts', 'add', '--name', name, '--platform', 'emag-ro', '--kind', kind, '--username', username],
    ...password,
    ...['--api-url', sandbox.url],
  ];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-cli-'));
    dataDir = join(dir, 'data');
    sandbox = await startSandbox({ port: 0, seed: 11, ordersPerAccount: 25, offersPerAccount: 6, newOrderEverySec: 0 });
    const template = sandbox.orders('demo-main')[0]!;
    sandbox.addOrders('demo-main', 1, { customer: { ...template.customer, shipping_contact: TRICKY_NAME } });
  });

  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses bad input with one line on stderr, exit code 2, and nothing written', async () => {
    const cases: { args: string[]; message: RegExp; env?: Record<string, string> }[] = [
      { args: ['frobnicate'], message: /unknown command 'frobnicate'/ },
      { args: ['orders', '--jsn'], message: /unknown option '--jsn'/ },
      {
        args: ['accounts', 'add', '--name', 'X', '--platform', 'emag-xx', '--kind', 'main', '--username', 'u'],
        message: /emag-xx.*invalid/,
      },
      { args: ['accounts', 'add', '--name', 'X', '--platform', 'emag-ro', '--kind', 'main'], message: /--username/ },
      {
        args: ['accounts', 'add', '--name', 'X', '--platform', 'emag-ro', '--kind', 'main', '--username', 'u'],
        message: /password is required/,
      },
      {
        args: ['accounts', 'add', '--name', 'X', '--platform', 'emag-ro', '--kind', 'main', '--username', 'u'].concat([
          '--password-env',
          'PW',
          '--api-url',
          'http://example.com/api-3',
        ]),
        env: { PW: 'secret' },
        message: /--api-url: .*http/i,
      },
      { args: ['orders', '--since', '2025-02-30'], message: /YYYY-MM-DD/ },
      { args: ['orders', '--status', '9'], message: /0 to 5/ },
      { args: ['sync', '--job', 'health', '--account', 'Main'], message: /app-wide/ },
    ];
    const results = await Promise.all(cases.map((c) => cli(c.args, c.env ? { env: c.env } : {})));
    results.forEach((result, i) => {
      const line = expectOneLineError(result.stderr);
      expect(line, cases[i]!.args.join(' ')).toMatch(cases[i]!.message);
      expect(result.code, cases[i]!.args.join(' ')).toBe(2);
    });
    expect(existsSync(join(dataDir, 'magflow.db'))).toBe(false);

    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const unreadable = await runCli(notAFolder, ['status']);
    expect(unreadable.code).toBe(2);
    expect(expectOneLineError(unreadable.stderr)).toMatch(/data folder/);
  });

  it('adds accounts with the password from the environment or stdin, stored 0600 and never in the database', async () => {
    const add = await cli(addOnSandbox('Main', 'main', 'demo-main', ['--password-env', 'MAIN_PW']), {
      env: { MAIN_PW: MAIN_PASSWORD },
    });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const stdin = await cli(addOnSandbox('FBE', 'fbe', 'demo-fbe', ['--password-stdin']), {
      input: `${FBE_PASSWORD}\n`,
    });
    expect(stdin.code).toBe(0);
    const duplicate = await cli(addOnSandbox('Main', 'main', 'x', ['--password-env', 'MAIN_PW']), {
      env: { MAIN_PW: 'other' },
    });
    expect(duplicate.code).toBe(2);
    expect(expectOneLineError(duplicate.stderr)).toMatch(/already exists/);

    const list = await cli(['accounts', 'list', '--json']);
    const accounts = JSON.parse(list.stdout) as { name: string; kind: string; apiUrl: string }[];
    expect(accounts.map((a) => [a.name, a.kind, a.apiUrl])).toEqual([
      ['Main', 'main', sandbox.url],
      ['FBE', 'fbe', sandbox.url],
    ]);
    const secrets = join(dataDir, 'secrets.json');
    if (process.platform !== 'win32') expect(statSync(secrets).mode & 0o777).toBe(0o600);
    const stored = Object.values(JSON.parse(readFileSync(secrets, 'utf8')) as Record<string, string>);
    expect(stored.map((v) => Buffer.from(v, 'base64').toString()).sort()).toEqual([FBE_PASSWORD, MAIN_PASSWORD]);
    const db = readFileSync(join(dataDir, 'magflow.db'));
    for (const secret of [MAIN_PASSWORD, FBE_PASSWORD, ...stored]) expect(db.includes(secret)).toBe(false);
  });

  it('tests an account with a clear verdict: 0 when eMAG accepts it, 1 when it refuses', async () => {
    const ok = await cli(['accounts', 'test', 'Main']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Main: OK/);

    await cli(addOnSandbox('Wrong', 'main', 'demo-main', ['--password-env', 'PW']), {
      env: { PW: 'not-the-password' },
    });
    const refused = await cli(['accounts', 'test', 'Wrong']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Wrong: FAILED/);
    expect(expectOneLineError(refused.stderr)).toMatch(/connection test/);

    const removed = await cli(['accounts', 'remove', 'Wrong']);
    expect(removed.code).toBe(0);
    const missing = await cli(['accounts', 'remove', 'Wrong']);
    expect(missing.code).toBe(2);
    expect(expectOneLineError(missing.stderr)).toMatch(/no account named 'Wrong'/);
  });

  it('syncs once with a JSON summary per run, then lists orders equal to the sandbox data', async () => {
    const sync = await cli(['sync', '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    const { runs } = JSON.parse(sync.stdout) as { runs: Record<string, unknown>[] };
    const keys = ['job', 'account', 'status', 'pages', 'requests', 'created', 'updated', 'unchanged', 'failed']
      .concat(['warnings', 'durationMs', 'error'])
      .sort();
    for (const run of runs) expect(Object.keys(run).sort()).toEqual(keys);
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    expect(new Set(runs.map((r) => `${r.job}/${r.account}`))).toEqual(
      new Set(
        ['Main', 'FBE']
          .flatMap((a) => ['new-orders', 'send-actions', 'order-changes', 'offers', 'returns'].map((j) => `${j}/${a}`))
          .concat(['maintenance/null', 'health/null']),
      ),
    );

    const orders = await cli(['orders', '--json']);
    expect(orders.code).toBe(0);
    const listed = JSON.parse(orders.stdout) as (ReturnType<typeof expectedOrder> & {
      acknowledged: boolean;
      acknowledgement: string;
      accountId: number;
    })[];
    const expected = [
      ...sandbox.orders('demo-main').map((r) => expectedOrder('Main', r)),
      ...sandbox.orders('demo-fbe').map((r) => expectedOrder('FBE', r)),
    ];
    const byKey = (o: { account: string; id: number }) => `${o.account}/${o.id}`;
    // eMAG sends prices with up to 4 decimals ("265.2810"); MagFlow keeps the value, not the trailing zeros.
    const samePrices = <T extends { lines: { salePrice: string }[] }>(o: T) => ({
      ...o,
      lines: o.lines.map((l) => ({ ...l, salePrice: Number(l.salePrice) })),
    });
    const comparable = listed.map(({ acknowledged: _a, acknowledgement: _s, accountId: _id, ...rest }) =>
      samePrices(rest),
    );
    expect(comparable.sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
      expected.map(samePrices).sort((a, b) => byKey(a).localeCompare(byKey(b))),
    );
    for (const order of listed) {
      expect(typeof order.acknowledged).toBe('boolean');
      // The shared rule: a seller order past "new" is acknowledged; an FBE order never needs it.
      if (order.type === 2) expect(order).toMatchObject({ acknowledged: false, acknowledgement: 'not-needed' });
      else if (order.status >= 2) expect(order).toMatchObject({ acknowledged: true, acknowledgement: 'acknowledged' });
    }
    expect(listed.some((o) => o.customer.name === TRICKY_NAME)).toBe(true);
  });

  it('exports CSV that round-trips through a CSV parser, and filters orders', async () => {
    const [jsonRun, csv, finalizedRun, limitedRun, unknown, roCsv] = await Promise.all([
      cli(['orders', '--json']),
      cli(['orders', '--csv', '--lang', 'en']),
      cli(['orders', '--account', 'Main', '--status', '4', '--json']),
      cli(['orders', '--limit', '3', '--json']),
      cli(['orders', '--account', 'Nope']),
      cli(['orders', '--csv']),
    ]);
    const json = JSON.parse(jsonRun.stdout) as { id: number; total: string; customer: { name: string } }[];
    expect(csv.code).toBe(0);
    const en = CSV_TEXT.en.headers;
    const rows = parse(csv.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(ORDER_CSV_COLUMNS.map((column) => en[column]));
    expect(rows.map((r) => [Number(r[en.order_id]), r[en.total], r[en.customer]])).toEqual(
      json.map((o) => [o.id, o.total, o.customer.name ?? '']),
    );
    expect(rows.some((r) => r[en.customer] === TRICKY_NAME)).toBe(true);
    expect(rows.every((r) => r[en.products] !== '')).toBe(true);

    // The app's language (Romanian by default): ';' and a BOM; and byte for byte what the window's export builds.
    expect(roCsv.code).toBe(0);
    expect(roCsv.stdout.startsWith(UTF8_BOM)).toBe(true);
    const roRows = parse(roCsv.stdout.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(roRows.map((r) => Number(r[CSV_TEXT.ro.headers.order_id]))).toEqual(json.map((o) => o.id));
    const reader = openDatabase(join(dataDir, 'magflow.db'), { readonly: true });
    try {
      const windowQuery = {
        ...OrdersQuerySchema.parse({ sort: { field: 'created', dir: 'desc' } }),
        offset: 0,
        limit: 100_000,
      };
      expect(ordersToCsv(ordersForCsv(createRepositories(reader, systemClock).orders, windowQuery), 'ro')).toBe(
        roCsv.stdout,
      );
    } finally {
      reader.close();
    }

    const finalized = JSON.parse(finalizedRun.stdout) as { account: string; status: number }[];
    const sandboxFinalized = sandbox.orders('demo-main').filter((o) => o.status === 4).length;
    expect(finalized.length).toBe(sandboxFinalized);
    expect(finalized.every((o) => o.account === 'Main' && o.status === 4)).toBe(true);
    expect(JSON.parse(limitedRun.stdout) as unknown[]).toHaveLength(3);
    expect(unknown.code).toBe(2);
    expect(expectOneLineError(unknown.stderr)).toMatch(/no account named 'Nope'/);
  });

  it('lists offers, runs and status from the local database', async () => {
    const [offers, runs, status, offersCsv] = await Promise.all([
      cli(['offers', '--json']),
      cli(['runs', '--json', '--job', 'new-orders']),
      cli(['status', '--json']),
      cli(['offers', '--csv', '--account', 'FBE']),
    ]);
    const offerIds = (JSON.parse(offers.stdout) as { account: string; id: number }[]).map(
      (o) => `${o.account}/${o.id}`,
    );
    expect(offerIds.sort()).toEqual(
      [
        ...sandbox.offers('demo-main').map((o) => `Main/${o.id}`),
        ...sandbox.offers('demo-fbe').map((o) => `FBE/${o.id}`),
      ].sort(),
    );
    expect((parse(offersCsv.stdout, { columns: true }) as unknown[]).length).toBe(sandbox.offers('demo-fbe').length);
    const runRows = JSON.parse(runs.stdout) as { job: string; status: string }[];
    expect(runRows.length).toBe(2);
    expect(runRows.every((r) => r.job === 'new-orders' && r.status === 'completed')).toBe(true);
    const view = JSON.parse(status.stdout) as {
      accounts: { name: string }[];
      orders: { account: string; total: number }[];
      outbox: { pending: number };
      health: { level: string };
      scheduler: { runningPid: number | null };
    };
    expect(view.accounts.map((a) => a.name)).toEqual(['Main', 'FBE']);
    expect(view.orders.find((o) => o.account === 'Main')?.total).toBe(sandbox.orders('demo-main').length);
    expect(view.health.level).toBe('ok');
    expect(view.scheduler.runningPid).toBeNull();
  });

  it('sets aside an order it cannot read: the sync completes with a warning, status lists it, a later sync takes it in', async () => {
    const [odd] = sandbox.addOrders('demo-main', 1);
    const record = sandbox.orders('demo-main').find((o) => o.id === odd!.id)!;
    const customer = record.customer;
    // A customer name MagFlow cannot read (an object): the order is set aside, its page is stored without it.
    record.customer = { ...customer, name: { first: 'Ion' } } as unknown as typeof customer;
    const sync = await cli(['sync', '--json', '--account', 'Main']);
    expect(sync.code, sync.stderr).toBe(0);
    const { runs } = JSON.parse(sync.stdout) as { runs: { job: string; status: string; warnings: number }[] };
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    expect(runs.find((r) => r.job === 'new-orders')?.warnings).toBe(1);

    const [text, json] = await Promise.all([cli(['status']), cli(['status', '--json'])]);
    expect(text.stdout).toMatch(/Attention: +1 record/);
    expect(text.stdout).toContain(String(odd!.id));
    const view = JSON.parse(json.stdout) as {
      needsAttention: { account: string; kind: string; emagId: string; reason: string; raw: { id: number } }[];
    };
    expect(view.needsAttention).toEqual([
      expect.objectContaining({ account: 'Main', kind: 'order', emagId: String(odd!.id), raw: expect.anything() }),
    ]);
    expect(view.needsAttention[0]!.reason).toMatch(/customer\.name/);
    expect(view.needsAttention[0]!.raw.id).toBe(odd!.id);

    // eMAG's answer becomes readable (here: the sandbox fixes the record); the next sync's retry takes it in.
    record.customer = customer;
    const again = await cli(['sync', '--json', '--account', 'Main', '--job', 'order-changes']);
    expect(again.code, again.stderr).toBe(0);
    const after = JSON.parse((await cli(['status', '--json'])).stdout) as { needsAttention: unknown[] };
    expect(after.needsAttention).toEqual([]);
    const listed = JSON.parse((await cli(['orders', '--account', 'Main', '--json'])).stdout) as { id: number }[];
    expect(listed.some((o) => o.id === odd!.id)).toBe(true);
  });

  it('runs the scheduler under a lock: a second run refuses, SIGTERM stops cleanly with no run left running', async () => {
    // New orders every 15 s (the shortest allowed) and every eMAG answer 20 s late: a run is surely in flight soon.
    const db = openDatabase(join(dataDir, 'magflow.db'));
    createRepositories(db, systemClock).settings.update({ intervals: { newOrdersSec: 15 } });
    db.close();
    sandbox.setFaults([{ route: '*', kind: 'slow', delayMs: 20_000 }]);
    const child = startCli(dataDir, ['run']);
    const done = finished(child);
    try {
      await waitForOutput(child, (t) => t.includes('Ctrl+C stops'));
      const second = await cli(['run']);
      expect(second.code).toBe(2);
      expect(expectOneLineError(second.stderr)).toMatch(
        new RegExp(`is in use by magflow run \\(pid ${child.pid}, since [^)]+\\); stop it before 'run'`),
      );
      const status = JSON.parse((await cli(['status', '--json'])).stdout) as { scheduler: { runningPid: number } };
      expect(status.scheduler.runningPid).toBe(child.pid);

      const reader = openDatabase(join(dataDir, 'magflow.db'), { readonly: true });
      const running = () =>
        reader
          .prepare<[], { id: number }>("SELECT id FROM sync_runs WHERE status = 'running'")
          .all()
          .map((r) => r.id);
      let inFlight: number[] = [];
      for (let waited = 0; inFlight.length === 0 && waited < 25_000; waited += 200) {
        await new Promise((r) => setTimeout(r, 200));
        inFlight = running();
      }
      expect(inFlight.length, 'a run should be in flight').toBeGreaterThan(0);

      child.kill('SIGTERM');
      const result = await done;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('stopped');
      expect(running()).toEqual([]);
      const ended = reader
        .prepare<[], { status: string }>(`SELECT status FROM sync_runs WHERE id IN (${inFlight.join(',')})`)
        .all();
      expect(ended.every((r) => r.status === 'cancelled' || r.status === 'failed')).toBe(true);
      reader.close();
      expect(dataDirLockState(dataDir)).toEqual({ held: false });
      expect(existsSync(join(dataDir, 'magflow.lock.json'))).toBe(false);
    } finally {
      sandbox.setFaults([]);
      child.kill('SIGKILL');
    }
  });

  it('serves the bridge on loopback and refuses requests without its token', async () => {
    const child = startCli(dataDir, ['serve', '--no-build', '--no-demo', '--json']);
    const done = finished(child);
    const output = await waitForOutput(child, (t) => /\}\s*$/.test(t) && t.includes('"token"'));
    const info = JSON.parse(output.slice(output.indexOf('{'))) as { url: string; origin: string; token: string };
    expect(info.url).toBe(`${info.origin}/?token=${info.token}`);
    expect(info.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const call = (token?: string) =>
      fetch(`${info.origin}/api/invoke/accounts.list`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: '{}',
      });
    expect((await call()).status).toBe(401);
    expect((await call('wrong-token-wrong-token')).status).toBe(401);
    expect((await fetch(`${info.origin}/api/events`)).status).toBe(401);
    const ok = (await (await call(info.token)).json()) as { ok: boolean; value: { name: string }[] };
    expect(ok.value.map((a) => a.name)).toEqual(['Main', 'FBE']);

    child.kill('SIGTERM');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
  });
});
