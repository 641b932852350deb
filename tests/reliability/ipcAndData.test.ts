// Hostile and unusual data (HTML, SQL metacharacters, Romanian diacritics, other scripts, emoji, 1 MB strings) goes
// through the real sync into the database and back out through the dispatcher verbatim and searchable; then every
// dispatcher channel is fed random payloads (property-based): typed errors only, no crash, no database change.
import fc from 'fast-check';
import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcContract, type IpcResult } from '../../shared/ipc';
import type { Paged } from '../../shared/ipc';
import type { OrderDetail, OrderSummary } from '../../shared/domain';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { ROOT } from './support/spawn';
import { Invariants, QUICK } from './support/report';

const USER = { username: 'hostile-main', password: 'Hostile-Pa55!', kind: 'main' as const, orders: 20, offers: 3 };
const MEGABYTE = `Client ${'ăîșțâ'.repeat(209_715)}`; // ~1 MB of UTF-16 text, 2 MB of UTF-8

/** Names a seller might really receive, and a few nobody should. */
const HOSTILE: { label: string; name: string; search: string }[] = [
  { label: 'HTML/script', name: '<script>alert("x")</script><img src=x onerror=alert(1)>', search: 'script' },
  { label: 'SQL metacharacters', name: 'Robert\'); DROP TABLE orders;-- " OR 1=1 %_\\', search: 'Robert' },
  { label: 'FTS syntax', name: 'NEAR(a b) AND "x" OR y* NOT z:(q)', search: 'NEAR' },
  { label: 'Romanian diacritics', name: 'Ștefan Țăranu, Îndrăzneț Âmbăr, Brașov', search: 'taranu' },
  { label: 'cedilla forms', name: 'Şerban Ţepeş', search: 'Şerban' },
  { label: 'other scripts', name: 'Ελένη Παπαδοπούλου Иван Петров 王小明 עברית العربية', search: 'Петров' },
  { label: 'emoji', name: 'Ana 🛒🎉 👩‍💻 Popescu', search: 'Popescu' },
  { label: 'control characters', name: 'Line\nbreak\ttab\u0000nul\u202Eright-to-left', search: 'break' },
  { label: '1 MB string', name: MEGABYTE, search: 'Client' },
];

describe('hostile data and malformed IPC', () => {
  let sandbox: Sandbox;
  let core: MagflowCore;
  let accountId = 0;
  const dir = mkdtempSync(join(tmpdir(), 'magflow-hostile-'));
  const stored = new Map<string, number>();

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 4, accounts: [USER], rateLimit: false });
    core = await createMagflowCore({ dataDir: dir, demo: false });
    accountId = core.accounts.save({
      name: 'HOSTILE',
      platform: 'emag-ro',
      kind: 'main',
      username: USER.username,
      password: USER.password,
      apiUrl: sandbox.url,
    }).id;
    const template = sandbox.orders(USER.username)[0]!;
    for (const h of HOSTILE) {
      const [order] = sandbox.addOrders(USER.username, 1, {
        customer: { ...template.customer, name: h.name, shipping_contact: h.name, billing_name: h.name },
        products: [{ ...template.products[0]!, name: `Produs ${h.name}` }],
      } as never);
      stored.set(h.label, order!.id);
    }
  });

  afterAll(async () => {
    await core.stop({ abort: true });
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores hostile and unusual text verbatim, finds it by search, and never renders it as HTML', async () => {
    const inv = new Invariants('hostile and unusual data');
    inv.inject(HOSTILE.map((h) => h.label).join(', '));
    const run = await core.engine.runJob('new-orders', accountId, 'manual');
    inv.check(
      'the sync stores every hostile order',
      run.status === 'completed' && run.failed === 0,
      () => `${run.status} ${run.error}`,
    );
    for (const h of HOSTILE) {
      const orderId = stored.get(h.label)!;
      const detail = (await core.dispatcher.dispatch('orders.get', { accountId, orderId })) as IpcResult<OrderDetail>;
      const customer = detail.ok ? detail.value.customer.name : null;
      inv.check(
        `${h.label}: customer name stored verbatim`,
        customer === h.name,
        () => `${JSON.stringify(customer?.slice(0, 80))} != ${JSON.stringify(h.name.slice(0, 80))}`,
      );
      inv.check(
        `${h.label}: eMAG's customer object kept verbatim`,
        detail.ok && detail.value.customerDetails.name === h.name,
      );
      const product = detail.ok ? detail.value.lines[0]?.name : null;
      inv.check(`${h.label}: product name stored verbatim`, product === `Produs ${h.name}`);
      const found = (await core.dispatcher.dispatch('orders.list', { search: h.search })) as IpcResult<
        Paged<OrderSummary>
      >;
      inv.check(
        `${h.label}: found by searching '${h.search.slice(0, 12)}'`,
        found.ok && found.value.rows.some((r) => r.id === orderId),
        () => JSON.stringify(found).slice(0, 300),
      );
    }
    const tables = core.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'orders'").get() as {
      n: number;
    };
    inv.check('SQL in names executed nothing (tables intact)', tables.n === 1);
    const csv = (await core.dispatcher.dispatch('orders.exportCsv', { search: 'Robert' })) as IpcResult<{
      content?: string;
      csv?: string;
    }>;
    inv.check('hostile names export to CSV without failing', csv.ok);

    // The window shows text only: no component injects HTML.
    const offenders: string[] = [];
    const walk = (path: string): void => {
      for (const name of readdirSync(path)) {
        const full = join(path, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (
          /\.(tsx?|html)$/.test(name) &&
          /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(full, 'utf8'))
        )
          offenders.push(full);
      }
    };
    walk(join(ROOT, 'renderer', 'src'));
    inv.check('the renderer never injects HTML (React text only)', offenders.length === 0, () => offenders.join(', '));
    expect(inv.finish()).toEqual([]);
  });

  it('answers random payloads on every channel with typed errors, without crashing or changing the database', async () => {
    const inv = new Invariants('malformed IPC (fast-check)');
    const channels = Object.keys(ipcContract);
    const runs = QUICK ? 40 : 150;
    inv.inject(`${runs} random payloads x ${channels.length} channels + random channel names, prototype pollution`);
    const changes = (): number => (core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const KINDS = new Set(['validation', 'unknown_channel', 'not_found', 'conflict', 'emag', 'unavailable']);
    const hostileValue = fc.oneof(
      fc.anything({
        maxDepth: 3,
        withNullPrototype: true,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
      }),
      fc.constantFrom(
        undefined,
        null,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        -0,
        2 ** 53 + 1,
        '',
        'x'.repeat(1_000_000),
        JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
        { accountId: '1', orderId: 1 },
        { accountId: 1.5, orderId: -1 },
        { id: 1e308 },
        { accountId: 1, orderId: 1, status: 9 },
        [1, 2, 3],
      ),
    );
    // Near-valid: the keys a channel expects, with values of the wrong kind.
    const nearValid = fc.dictionary(
      fc.constantFrom(
        'accountId',
        'orderId',
        'id',
        'status',
        'url',
        'search',
        'limit',
        'offset',
        'sort',
        'job',
        'name',
        'password',
        'platform',
        'kind',
        'username',
        'apiUrl',
        'intervals',
        'language',
      ),
      hostileValue,
      { maxKeys: 5 },
    );
    const payload = fc.oneof(hostileValue, nearValid);
    let internal = 0;
    let accepted = 0;
    for (const channel of [...channels, '__proto__', 'constructor', 'orders.get ', 'toString', 'hasOwnProperty']) {
      await fc.assert(
        fc.asyncProperty(payload, async (input) => {
          const before = changes();
          let result: IpcResult<unknown>;
          try {
            result = await core.dispatcher.dispatch(channel, input);
          } catch (error) {
            inv.check('the dispatcher never throws', false, () => `${channel}: ${String(error)}`);
            return false;
          }
          inv.check('the dispatcher never throws', true);
          if (result.ok) {
            accepted++; // valid by chance: a real call, allowed to change things
            return true;
          }
          if (result.error.kind === 'internal') internal++;
          inv.check(
            'every refusal is a typed error (never internal)',
            KINDS.has(result.error.kind),
            () =>
              `${channel}: ${result.ok ? '' : `${result.error.kind} ${result.error.message}`} for ${String(JSON.stringify(input))?.slice(0, 120)}`,
          );
          inv.check(
            'a refusal has a message',
            typeof result.error.message === 'string' && result.error.message.length > 0,
          );
          inv.check('a refused call changes nothing in the database', changes() === before, () => channel);
          return true;
        }),
        { numRuns: runs },
      );
    }
    inv.check('no prototype pollution', ({} as Record<string, unknown>).polluted === undefined);
    const info = await core.dispatcher.dispatch('app.info', undefined);
    inv.check('still answering after the fuzz', info.ok);
    inv.check('database sound after the fuzz', String(core.db.pragma('quick_check', { simple: true })) === 'ok');
    inv.note(`${accepted} payloads were valid by chance and ran; ${internal} internal errors`);
    expect(inv.finish()).toEqual([]);
  });
});
