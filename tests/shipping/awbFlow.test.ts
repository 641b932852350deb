// #17 AWB end to end through the assembled core and the sandbox over HTTP on 127.0.0.1: localities searched by name
// and cached on disk, AWBs issued with the saved defaults (COD from the total with vouchers, easybox keeps its
// locker and its enforced courier), an unknown locality refused by eMAG, labels saved as real PDFs and merged.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, IpcResult } from '../../shared/ipc';
import type { ShippingSender } from '../../shared/settings';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { saveSandboxAccount } from '../support/sandboxAccount';

const MAIN = { username: 'awb-main', password: 'awb-secret', kind: 'main' as const, orders: 160, offers: 2 };
const SENDER: ShippingSender = {
  name: 'Magazin Test SRL',
  contact: 'Ana Pop',
  phone: '0722123456',
  localityId: 4531,
  localityName: 'Florești (Cluj)',
  street: 'Str. Sub Cetate 12',
};
const fastClient = { retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 5_000 };

async function call<C extends ChannelName>(core: MagflowCore, channel: C, input: ChannelInput<C>) {
  return (await core.dispatcher.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
}
async function ok<C extends ChannelName>(core: MagflowCore, channel: C, input: ChannelInput<C>) {
  const result = await call(core, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

let cores: MagflowCore[] = [];
let sandbox: Sandbox | null = null;
let dir = '';
afterEach(async () => {
  for (const core of cores) await core.stop({ abort: true });
  cores = [];
  await sandbox?.close();
  sandbox = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

async function openCore(): Promise<MagflowCore> {
  const core = await createMagflowCore({ dataDir: dir, demo: false, clientTuning: fastClient });
  cores.push(core);
  return core;
}

async function setup() {
  dir = mkdtempSync(join(tmpdir(), 'magflow-awb-'));
  sandbox = await startSandbox({ port: 0, seed: 17, accounts: [MAIN], rateLimit: false, plain: true });
  const records = sandbox.orders(MAIN.username).filter((o) => o.type === 3 && o.status !== 0 && o.status !== 5);
  const cod = records.find((o) => o.payment_mode_id === 1 && o.delivery_mode === 'courier' && o.vouchers.length > 0);
  const locker = records.find((o) => o.delivery_mode === 'pickup' && o !== cod);
  const card = records.find((o) => o.payment_mode_id === 3 && o.delivery_mode === 'courier');
  if (!cod || !locker || !card) throw new Error('the seed has no COD+voucher, easybox or card order');
  for (const order of [cod, locker, card]) sandbox.setOrderStatus(MAIN.username, order.id, 2);
  const core = await openCore();
  await core.settings.update({ autoAcknowledge: false });
  const account = await saveSandboxAccount(core, 'Magazin', MAIN, sandbox.url);
  await core.engine.runJob('new-orders', account.id, 'startup');
  await core.engine.runJob('order-changes', account.id, 'startup');
  return { core, accountId: account.id, cod: cod.id, locker: locker.id, card: card.id };
}

const localityReads = (): number => sandbox!.requestLog.filter((e) => e.route === 'locality/read').length;
const awbOf = (orderId: number) => sandbox!.awbs(MAIN.username).find((a) => a.order_id === orderId);

describe('AWB a seller can finish', () => {
  it('searches localities by name (diacritics aside), from the disk cache the second time, even after a restart', async () => {
    const { core, accountId } = await setup();
    const found = await ok(core, 'localities.search', { accountId, query: 'Flor' });
    expect(found.map((l) => `${l.name}/${l.county}`).sort()).toEqual(['Florești/Cluj', 'Florești/Prahova']);
    expect(found.every((l) => l.id > 0 && l.zipcode !== '')).toBe(true);
    expect((await ok(core, 'localities.search', { accountId, query: 'iasi' })).map((l) => l.name)).toEqual(['Iași']);
    expect(localityReads()).toBe(2);
    await ok(core, 'localities.search', { accountId, query: 'FLOR' });
    expect(localityReads()).toBe(2);

    // A new process on the same data folder: the disk tier answers.
    await core.stop();
    cores = [];
    const again = await openCore();
    expect((await ok(again, 'localities.search', { accountId, query: 'Flor' })).length).toBe(2);
    expect(localityReads()).toBe(2);
    // A county narrows the search (eMAG's region2) and is its own cache entry.
    const cluj = await ok(again, 'localities.search', { accountId, query: 'Flor', county: 'Cluj' });
    expect(cluj.map((l) => l.id)).toEqual([4531]);
    expect(localityReads()).toBe(3);
    const short = await call(again, 'localities.search', { accountId, query: 'F' });
    expect(!short.ok && short.error.issues?.[0]?.path).toBe('query');
  });

  it('refuses to issue with defaults before the pickup address is saved', async () => {
    const { core, accountId, cod } = await setup();
    const refused = await call(core, 'awb.issueWithDefaults', { accountId, orderId: cod });
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'validation', issues: [{ path: 'shipping.sender' }] });
  });

  it('issues AWBs with the saved defaults: COD with vouchers, nothing for a card order, easybox keeps its locker', async () => {
    const { core, accountId, cod, locker, card } = await setup();
    await ok(core, 'settings.update', { shipping: { sender: SENDER, parcels: 2, weightKg: 3.5, labelFormat: 'A5' } });
    for (const orderId of [cod, locker, card]) await ok(core, 'awb.issueWithDefaults', { accountId, orderId });
    await core.engine.runJob('send-actions', accountId, 'manual');

    const codOrder = core.repos.orders.get(accountId, cod)!;
    const codAwb = awbOf(cod)!;
    // eMAG's vouchers come off the total the customer pays: the total is below the lines' sum plus shipping.
    expect((codOrder.raw.vouchers as unknown[]).length).toBeGreaterThan(0);
    expect(codAwb.cod).toBeCloseTo(codOrder.totalMinor / 100, 2);
    expect(codAwb).toMatchObject({ weight: 3.5, sender: { locality_id: 4531, name: SENDER.name } });
    expect(awbOf(card)!.cod).toBe(0);

    const lockerOrder = core.repos.orders.get(accountId, locker)!;
    const details = lockerOrder.raw.details as { locker_id: string };
    const enforced = lockerOrder.raw.enforced_vendor_courier_accounts as number[];
    expect(awbOf(locker)).toMatchObject({
      locker_id: details.locker_id,
      courier: { courier_account_id: enforced[0] },
    });
    // The first AWB finalized each order, in eMAG and locally.
    for (const orderId of [cod, locker, card]) expect(core.repos.orders.get(accountId, orderId)!.status).toBe(4);
  });

  it('has eMAG refuse an AWB whose locality does not exist, with its reason on the action', async () => {
    const { core, accountId, cod } = await setup();
    const action = await ok(core, 'orders.generateAwb', {
      accountId,
      orderId: cod,
      sender: {
        name: SENDER.name,
        contact: SENDER.contact,
        phone: SENDER.phone,
        localityId: 999_999,
        street: SENDER.street,
      },
      codMinor: 0,
    });
    await core.engine.runJob('send-actions', accountId, 'manual');
    const failed = core.repos.outbox.get(action.id)!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('not a valid locality');
  });

  it('saves the label as a real PDF in the chosen format and merges several orders into one file', async () => {
    const { core, accountId, cod, locker, card } = await setup();
    await ok(core, 'settings.update', { shipping: { sender: SENDER, labelFormat: 'A5', openLabel: false } });
    const early = await call(core, 'awb.label', { accountId, orderId: cod });
    expect(!early.ok && early.error.kind).toBe('conflict');
    for (const orderId of [cod, locker]) await ok(core, 'awb.issueWithDefaults', { accountId, orderId });
    await core.engine.runJob('send-actions', accountId, 'manual');

    const label = await ok(core, 'awb.label', { accountId, orderId: cod });
    expect(label).toMatchObject({ format: 'A5', pages: 1, opened: false });
    expect(label.path.startsWith(join(dir, 'labels'))).toBe(true);
    const bytes = readFileSync(label.path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const page = (await PDFDocument.load(bytes)).getPage(0);
    expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([420, 595]);
    // Fetched once: the saved file answers the next time.
    const reads = () => sandbox!.requestLog.filter((e) => e.route === 'awb/read_pdf').length;
    expect(reads()).toBe(1);
    await ok(core, 'awb.label', { accountId, orderId: cod });
    expect(reads()).toBe(1);
    const a6 = await ok(core, 'awb.label', { accountId, orderId: cod, format: 'A6' });
    expect(a6.path).not.toBe(label.path);

    const merged = await ok(core, 'awb.labels', {
      orders: [
        { accountId, orderId: cod },
        { accountId, orderId: card },
        { accountId, orderId: locker },
      ],
      format: 'A4',
    });
    expect(merged.pages).toBe(2);
    expect(merged.orders.map((o) => [o.orderId, o.ok])).toEqual([
      [cod, true],
      [card, false],
      [locker, true],
    ]);
    // The window's language (Romanian by default); the CLI's `awb label` says it in English.
    expect(merged.orders[1]!.error).toBe(
      `MagFlow nu a emis niciun AWB pentru comanda ${card}: eMAG dă etichete doar pentru AWB-urile emise prin API`,
    );
    expect(existsSync(merged.path)).toBe(true);
    const pdf = await PDFDocument.load(readFileSync(merged.path));
    expect(pdf.getPageCount()).toBe(2);
    expect(Math.round(pdf.getPage(0).getWidth())).toBe(595);
  });
});
