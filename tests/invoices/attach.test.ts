// Invoices from PDF files, end to end in the core: the IPC call uploads the PDF to a real S3 server on 127.0.0.1,
// queues the attachment, the outbox sends order/attachments/save to the eMAG sandbox over HTTP, and the sandbox
// downloads the presigned link as eMAG does. A link eMAG could not use (unreachable, expired, not a PDF) is refused
// with eMAG's isError and the action fails with the reason; a failed upload queues nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboxAction } from '../../shared/domain';
import type { InvoiceMatch, InvoiceUploadResult } from '../../shared/invoices';
import type { IpcResult } from '../../shared/ipc';
import { s3Bucket, type BucketConfig } from '../../main/core/invoices/s3Bucket';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { memorySecretStore } from '../../main/core/secrets/store';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { FAST_CLIENT } from '../sync/harness';
import { bucketSettingsFor, startS3Server, type S3TestServer } from '../support/s3Server';
import { saveSandboxAccount } from '../support/sandboxAccount';
import { tempDirForSuite } from '../support/tempDir';

const MAIN = { username: 'facturi-main', password: 'parola-main', kind: 'main' as const, orders: 40, offers: 2 };
const FBE = { username: 'facturi-fbe', password: 'parola-fbe', kind: 'fbe' as const, orders: 15, offers: 2 };

let sandbox: Sandbox;
let s3: S3TestServer;
let core: MagflowCore;
let mainId = 0;
let fbeId = 0;
const dataDir = tempDirForSuite('magflow-invoices-', async () => {
  await core?.stop({ abort: true });
  await sandbox?.close();
  await s3?.close();
});

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj<<>>endobj\n%%EOF\n`);
const base64 = (bytes: Buffer) => bytes.toString('base64');
const bucketInput = (overrides: Partial<BucketConfig> = {}) => bucketSettingsFor(s3, overrides);

async function call<T>(channel: string, input?: unknown): Promise<IpcResult<T>> {
  return (await core.dispatcher.dispatch(channel, input)) as IpcResult<T>;
}
async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind} ${result.error.message}`);
  return result.value;
}

/** A finalized order (the invoice's usual moment) not used by an earlier test. */
const used = new Set<number>();
function nextOrder(username: string): number {
  const order = sandbox.orders(username).find((o) => (o.status === 4 || o.type === 2) && !used.has(o.id));
  if (!order) throw new Error(`no unused order for ${username}`);
  used.add(order.id);
  return order.id;
}

const drain = (accountId: number) => core.engine.runJob('send-actions', accountId, 'manual');
const action = (id: number): OutboxAction => core.repos.outbox.get(id)!;
const sandboxAttachments = (username: string, orderId: number) =>
  sandbox.orders(username).find((o) => o.id === orderId)?.attachments ?? [];
const attachmentSaves = () => sandbox.requestLog.filter((r) => r.route === 'order/attachments/save').length;
const puts = () => s3.requests.filter((r) => r.method === 'PUT').length;

beforeAll(async () => {
  s3 = await startS3Server('facturi-pdf');
  sandbox = await startSandbox({ port: 0, seed: 17, accounts: [MAIN, FBE], rateLimit: false });
  core = await createMagflowCore({
    dataDir,
    demo: false,
    clientTuning: { ...FAST_CLIENT, retry: { maxAttempts: 1 } },
    secrets: memorySecretStore(),
  });
  core.repos.settings.update({ autoAcknowledge: false });
  mainId = saveSandboxAccount(core, 'Magazin', MAIN, sandbox.url).id;
  fbeId = saveSandboxAccount(core, 'Depozit FBE', FBE, sandbox.url).id;
  for (const id of [mainId, fbeId]) await core.engine.runJob('order-changes', id, 'startup');
});

describe('attaching an invoice PDF', () => {
  it('without a bucket explains that eMAG needs a link and queues nothing', async () => {
    const orderId = nextOrder(MAIN.username);
    const result = await call('invoices.attachFile', {
      accountId: mainId,
      orderId,
      fileName: 'factura.pdf',
      contentBase64: base64(pdf('a')),
    });
    expect(result).toMatchObject({
      ok: false,
      // In the window's language (Romanian, the default); the code names the reason either way.
      error: {
        kind: 'conflict',
        code: 'bucket.not_configured',
        message: expect.stringContaining('eMAG descarcă facturile de la un link'),
      },
    });
    expect(core.repos.outbox.forOrder(mainId, orderId)).toEqual([]);
  });

  let invoicedOrder = 0;
  it('uploads it, attaches a 7-day link through the outbox, and eMAG downloads the PDF from the link', async () => {
    await value('invoices.bucket.save', bucketInput());
    const orderId = nextOrder(MAIN.username);
    invoicedOrder = orderId;
    const before = Date.now();
    const uploaded = await value<InvoiceUploadResult>('invoices.attachFile', {
      accountId: mainId,
      orderId,
      fileName: `factura-${orderId}.pdf`,
      contentBase64: base64(pdf('F-1001')),
      name: 'Factura F-1001',
    });
    expect(uploaded).toMatchObject({ state: 'pending', already: false, bytes: pdf('F-1001').length });
    expect(uploaded.objectKey).toMatch(new RegExp(`^magflow/${orderId}-[0-9a-f]{32}\\.pdf$`));
    const expiresIn = Date.parse(uploaded.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);
    const queued = action(uploaded.actionId);
    expect(queued.kind).toBe('invoice');
    expect(String(queued.payload.url).length).toBeLessThanOrEqual(1024);
    expect(queued.payload).toMatchObject({ name: 'Factura F-1001', orderType: 3, objectKey: uploaded.objectKey });

    const readsBefore = s3.requests.filter((r) => r.method === 'GET' && r.auth === 'query' && r.status === 200).length;
    await drain(mainId);
    expect(action(uploaded.actionId)).toMatchObject({ state: 'sent', attempts: 1 });
    // eMAG (the sandbox) fetched the file itself, through the presigned link, without credentials of its own.
    const reads = s3.requests.filter((r) => r.method === 'GET' && r.auth === 'query' && r.status === 200).length;
    expect(reads).toBe(readsBefore + 1);
    expect(sandboxAttachments(MAIN.username, orderId)).toEqual([
      expect.objectContaining({ url: queued.payload.url, name: 'Factura F-1001', type: 1 }),
    ]);
    // MagFlow re-read the order: the attachment is in the local copy too.
    const local = core.repos.orders.get(mainId, orderId)!;
    expect(JSON.stringify(local.raw.attachments)).toContain(uploaded.objectKey);
  });

  it('attaches the same file to the same order once', async () => {
    const orderId = invoicedOrder;
    const putsBefore = puts();
    const again = await value<InvoiceUploadResult>('invoices.attachFile', {
      accountId: mainId,
      orderId,
      fileName: 'copie.pdf',
      contentBase64: base64(pdf('F-1001')),
    });
    expect(again).toMatchObject({ already: true, state: 'sent' });
    expect(puts()).toBe(putsBefore);
    expect(core.repos.outbox.forOrder(mainId, orderId).filter((a) => a.kind === 'invoice')).toHaveLength(1);
  });

  it('works for an order eMAG fulfils (FBE, type 2)', async () => {
    const orderId = nextOrder(FBE.username);
    const uploaded = await value<InvoiceUploadResult>('invoices.attachFile', {
      accountId: fbeId,
      orderId,
      fileName: 'fbe.pdf',
      contentBase64: base64(pdf('FBE-1')),
    });
    await drain(fbeId);
    expect(action(uploaded.actionId)).toMatchObject({ state: 'sent' });
    expect(sandboxAttachments(FBE.username, orderId)).toHaveLength(1);
    expect(sandboxAttachments(FBE.username, orderId)[0]).toMatchObject({ order_type: 2, name: `Factura ${orderId}` });
  });

  it('refuses a file that is not a PDF, or larger than 10 MB, before uploading anything', async () => {
    const orderId = nextOrder(MAIN.username);
    const putsBefore = puts();
    const notPdf = await call('invoices.attachFile', {
      accountId: mainId,
      orderId,
      fileName: 'factura.pdf',
      contentBase64: base64(Buffer.from('<html>not a pdf</html>')),
    });
    expect(notPdf).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        issues: [{ path: 'contentBase64', message: 'fișierul nu este PDF (nu începe cu %PDF-)' }],
      },
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.7');
    const tooBig = await call('invoices.attachFile', {
      accountId: mainId,
      orderId,
      fileName: 'mare.pdf',
      contentBase64: base64(big),
    });
    expect(tooBig).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        issues: [{ path: 'contentBase64', message: 'fișierul are 10,0 MB; limita este 10,0 MB' }],
      },
    });
    const notBase64 = await call('invoices.attachFile', {
      accountId: mainId,
      orderId,
      fileName: 'x.pdf',
      contentBase64: 'not base64!',
    });
    expect(notBase64).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(puts()).toBe(putsBefore);
    expect(core.repos.outbox.forOrder(mainId, orderId).filter((a) => a.kind === 'invoice')).toEqual([]);
  });

  it('shows why an upload failed (wrong secret, bucket down) and queues nothing', async () => {
    const orderId = nextOrder(MAIN.username);
    const file = { accountId: mainId, orderId, fileName: 'f.pdf', contentBase64: base64(pdf('down')) };
    await value('invoices.bucket.save', bucketInput({ secretAccessKey: 'wrong-secret' }));
    expect(await call('invoices.attachFile', file)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'bucket.auth', message: expect.stringContaining('SignatureDoesNotMatch') },
    });
    const gone = await startS3Server();
    await gone.close();
    await value('invoices.bucket.save', bucketInput({ endpoint: gone.endpoint }));
    expect(await call('invoices.attachFile', file)).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', code: 'bucket.network' },
    });
    expect(core.repos.outbox.forOrder(mainId, orderId).filter((a) => a.kind === 'invoice')).toEqual([]);
    // The bucket back: the same file goes through.
    await value('invoices.bucket.save', bucketInput());
    expect(await value<InvoiceUploadResult>('invoices.attachFile', file)).toMatchObject({ already: false });
    await drain(mainId);
    expect(sandboxAttachments(MAIN.username, orderId)).toHaveLength(1);
  });
});

describe('eMAG downloads the link (the sandbox does it too)', () => {
  const bucket = () => s3Bucket(bucketSettingsFor(s3, { keyPrefix: '' }));

  /** Queues a link as a pasted URL would be, sends it, and returns the action as it ended. */
  async function sendLink(url: string): Promise<OutboxAction> {
    const orderId = nextOrder(MAIN.username);
    const queued = core.actions.attachInvoice(mainId, orderId, url);
    await drain(mainId);
    return action(queued.id);
  }

  it('refuses an unreachable link with the reason', async () => {
    const gone = await startS3Server();
    await gone.close();
    const sent = await sendLink(`${gone.endpoint}/facturi/nimic.pdf`);
    expect(sent.state).toBe('failed');
    expect(sent.lastError).toMatch(/could not be downloaded: ECONNREFUSED/);
  });

  it('refuses an expired link', async () => {
    await bucket().put('vechi.pdf', pdf('vechi'));
    const expired = await bucket().presignGet('vechi.pdf', 3600, new Date(Date.now() - 2 * 3600_000));
    const sent = await sendLink(expired);
    expect(sent.state).toBe('failed');
    expect(sent.lastError).toMatch(/HTTP 403 \(Request has expired\)/);
  });

  it('refuses a link whose file is not a PDF, whatever its name says', async () => {
    await bucket().put('pagina.pdf', Buffer.from('<html>login</html>'), 'text/html');
    const sent = await sendLink(await bucket().presignGet('pagina.pdf', 3600));
    expect(sent.state).toBe('failed');
    expect(sent.lastError).toMatch(/not a PDF file/);
  });

  it('is not sent a bucket link that expires within the hour', async () => {
    const orderId = nextOrder(MAIN.username);
    const savesBefore = attachmentSaves();
    const link = await bucket().presignGet('vechi.pdf', 3600);
    const queued = core.actions.attachInvoice(mainId, orderId, link, undefined, {
      dedupeKey: 'invoice-file:test:soon',
      payload: { expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() },
    });
    await drain(mainId);
    expect(action(queued.id)).toMatchObject({
      state: 'failed',
      lastError: expect.stringMatching(/attach the PDF again/),
    });
    expect(attachmentSaves()).toBe(savesBefore);
  });
});

describe('bulk: matching PDFs to orders by the number in their name', () => {
  it('matches certain names, lists ambiguous and unmatched ones with the reason', async () => {
    const [a, b] = sandbox.orders(MAIN.username).map((o) => o.id);
    // An order number both accounts have: the name alone cannot say which order is meant.
    const shared = sandbox.orders(FBE.username)[0]!.id;
    sandbox.addOrders(MAIN.username, 1, { id: shared });
    await core.engine.runJob('order-changes', mainId, 'manual');
    const matches = await value<InvoiceMatch[]>('invoices.match', {
      fileNames: [
        `factura-${a}.pdf`,
        `FCT 2026-11 ${b}.PDF`,
        `factura-${shared}.pdf`,
        'factura-123.pdf',
        'factura-99999999.pdf',
        `factura-${a} (1).pdf`,
        `notă-${b}.docx`,
      ],
    });
    const byName = Object.fromEntries(matches.map((m) => [m.fileName, m]));
    expect(byName[`FCT 2026-11 ${b}.PDF`]).toMatchObject({
      outcome: 'matched',
      target: { accountId: mainId, account: 'Magazin', orderId: b },
    });
    expect(byName[`factura-${shared}.pdf`]).toMatchObject({ outcome: 'ambiguous', reason: 'several_orders' });
    expect(byName[`factura-${shared}.pdf`]!.candidates.map((c) => c.accountId).sort()).toEqual([mainId, fbeId].sort());
    expect(byName['factura-123.pdf']).toMatchObject({ outcome: 'unmatched', reason: 'no_number' });
    expect(byName['factura-99999999.pdf']).toMatchObject({ outcome: 'unmatched', reason: 'no_order' });
    // Two files for one order: neither is guessed.
    expect(byName[`factura-${a}.pdf`]).toMatchObject({ outcome: 'ambiguous', reason: 'same_order' });
    expect(byName[`factura-${a} (1).pdf`]).toMatchObject({ outcome: 'ambiguous', reason: 'same_order' });
    expect(byName[`notă-${b}.docx`]).toMatchObject({ outcome: 'unmatched', reason: 'not_pdf' });
  });

  it('from a selection, attaches only to the selected orders and names the others', async () => {
    const [a, b] = sandbox.orders(MAIN.username).map((o) => o.id);
    const [picked, other] = await value<InvoiceMatch[]>('invoices.match', {
      fileNames: [`factura-${a}.pdf`, `factura-${b}.pdf`],
      within: [{ accountId: mainId, orderId: a }],
    });
    expect(picked).toMatchObject({ outcome: 'matched', target: { accountId: mainId, orderId: a } });
    expect(other).toMatchObject({
      outcome: 'unmatched',
      reason: 'not_selected',
      target: null,
      candidates: [{ accountId: mainId, account: 'Magazin', orderId: b }],
    });
  });

  it('refuses a malformed selection before matching anything', async () => {
    const malformed = await call('invoices.match', {
      fileNames: ['factura-123456789.pdf'],
      within: [{ accountId: mainId, orderId: 'x', extra: true }],
    });
    expect(malformed).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await call('invoices.match', { fileNames: ['f.pdf'], within: [] })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });
});
