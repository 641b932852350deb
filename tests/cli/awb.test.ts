// `magflow awb` as a child process against the sandbox on 127.0.0.1: the locality search, the saved defaults, an AWB
// issued for an order with them and its label saved as a real PDF, several labels merged into one file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { addMagazinAndSync, runCli } from './helpers';

const SELLER = { username: 'cli-awb', password: 'parola-awb', kind: 'main' as const, orders: 60, offers: 2 };

let dir = '';
let dataDir = '';
let sandbox: Sandbox;
const cli = (args: readonly string[]) => runCli(dataDir, args);
let orderIds: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'magflow-cli-awb-'));
  dataDir = join(dir, 'data');
  sandbox = await startSandbox({ port: 0, seed: 29, accounts: [SELLER], rateLimit: false });
  orderIds = sandbox
    .orders(SELLER.username)
    // Live forms leave gaps in some customers' addresses (those need the app's dialog): two complete ones here.
    .filter((o) => o.type === 3 && o.status !== 0 && o.status !== 5)
    .filter((o) => Number(o.customer.shipping_locality_id) > 0 && (o.customer.shipping_street ?? '').length >= 3)
    .filter((o) => /^\+?\d{8,11}$/.test(String(o.customer.shipping_phone ?? '')))
    .slice(0, 2)
    .map((o) => o.id);
  for (const id of orderIds) sandbox.setOrderStatus(SELLER.username, id, 2);
  await addMagazinAndSync(dataDir, sandbox.url, SELLER);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('magflow awb', () => {
  it('says to save the pickup address first (exit 2)', async () => {
    const result = await cli(['awb', 'issue', String(orderIds[0])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('magflow awb defaults');
  });

  it("finds a locality's id by name", async () => {
    const result = await cli(['awb', 'localities', 'Flor', '--county', 'Cluj']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/4531\s+Florești \(Cluj\)/);
  });

  it('saves the defaults, issues the AWB with them and saves its label', async () => {
    const saved = await cli([
      ...['awb', 'defaults', '--name', 'Magazin SRL', '--contact', 'Ana Pop', '--phone', '0722 123 456'],
      ...['--locality-id', '4531', '--street', 'Str. Sub Cetate 12', '--weight', '2,5', '--format', 'A6'],
    ]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Magazin SRL, Ana Pop, 0722123456');
    expect(saved.stdout).toContain('label format:   A6');

    const issued = await cli(['--json', 'awb', 'issue', String(orderIds[0])]);
    expect(issued.code).toBe(0);
    const out = JSON.parse(issued.stdout) as {
      state: string;
      awbNumber: string;
      label: { path: string; format: string };
    };
    expect(out).toMatchObject({ state: 'sent', label: { format: 'A6' } });
    expect(out.awbNumber).toMatch(/^[A-Z]{2}\d+$/);
    expect(readFileSync(out.label.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sandbox.awbs(SELLER.username).find((a) => a.order_id === orderIds[0])).toMatchObject({ weight: 2.5 });
  });

  it('merges the labels of several orders into one PDF', async () => {
    const second = await cli(['awb', 'issue', String(orderIds[1]), '--no-label']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const result = await cli(['awb', 'label', ...orderIds.map(String), '--format', 'A4']);
    expect(result.code).toBe(0);
    const path = /Label saved: (.+\.pdf) \(2 pages\)/.exec(result.stdout)?.[1];
    expect(path).toBeDefined();
    expect((await PDFDocument.load(readFileSync(path!))).getPageCount()).toBe(2);
  });
});
