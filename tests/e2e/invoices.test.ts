// Invoice PDFs in a real Chromium against the CLI's browser bridge, a real core, the eMAG sandbox and a real S3
// server on 127.0.0.1: the explanation before any bucket exists, the bucket set up and tested from Settings, a PDF
// dropped on an order and downloaded by eMAG (the sandbox) through its signed link, a wrong file named at once, and
// many PDFs matched to orders by file name with one confirmation. In Romanian, then in English.
// Screenshots: test-results/e2e/ro-invoice-*.png, en-invoice-*.png.
import type { JSHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastProblems } from './contrast';
import { SELLER, startWorld, type World } from './world';
import { startS3Server, S3_ACCESS_KEY_ID, S3_REGION, S3_SECRET, type S3TestServer } from '../support/s3Server';

let world: World;
let page: Page;
let s3: S3TestServer;
/** Finalized orders of the seller, one per scenario (an invoice's usual moment). */
let orders: number[] = [];

const testId = (id: string) => page.getByTestId(id);
const pdfBytes = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj<<>>endobj\n%%EOF\n`);
const attachmentsOf = (orderId: number) =>
  world.sandbox.orders(SELLER.username).find((o) => o.id === orderId)?.attachments ?? [];
/** GETs the S3 server answered 200 to a presigned link: eMAG's (the sandbox's) downloads. */
const signedReads = () => s3.requests.filter((r) => r.method === 'GET' && r.auth === 'query' && r.status === 200);

async function expectReadable(): Promise<void> {
  expect(await contrastProblems(page)).toEqual([]);
}

async function openOrder(orderId: number): Promise<void> {
  await page.goto(`${world.bridge.url}#/order/${world.accounts.seller.id}/${orderId}`);
  await testId('screen-order').waitFor();
  await testId('order-actions').waitFor();
}

/** A DataTransfer holding files built in the page, as a drag from the file manager delivers them. A plain script
 * string: the node test build has no DOM types. */
const DATA_TRANSFER = `(list) => {
  const transfer = new DataTransfer();
  for (const file of list) {
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    transfer.items.add(new File([bytes], file.name, { type: 'application/pdf' }));
  }
  return transfer;
}`;

function filesInPage(files: { name: string; base64: string }[]): Promise<JSHandle> {
  return page.evaluateHandle(`(${DATA_TRANSFER})(${JSON.stringify(files)})`);
}

async function drop(target: string, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const dataTransfer = await filesInPage(files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })));
  await page.dispatchEvent(`[data-testid="${target}"]`, 'dragover', { dataTransfer });
  await page.dispatchEvent(`[data-testid="${target}"]`, 'drop', { dataTransfer });
}

beforeAll(async () => {
  s3 = await startS3Server('facturi-e2e');
  world = await startWorld({ seed: 17 });
  page = world.page;
  orders = world.sandbox
    .orders(SELLER.username)
    .filter((o) => o.status === 4)
    .map((o) => o.id);
  // The dashboard by name: with work waiting, the window would open on the today queue (issue 17).
  await page.goto(`${world.bridge.url}#/dashboard`);
  await testId('screen-dashboard').waitFor();
}, 120_000);

afterAll(async () => {
  await world?.close();
  await s3?.close();
});

describe('invoice PDFs in Chromium (serve bridge + sandbox + S3 server)', { timeout: 60_000 }, () => {
  it('before a bucket exists, explains on the order why eMAG needs a public link', async () => {
    await openOrder(orders[0]!);
    const notice = testId('invoice-no-bucket');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('eMAG nu primește fișierul de la MagFlow: îl descarcă singur');
    await testId('invoice-url').waitFor(); // pasting a link still works
    await expectReadable();
    await world.screenshot('ro-invoice-no-bucket');
    await testId('invoice-no-bucket-settings').click();
    await testId('screen-settings').waitFor();
  });

  it('sets the bucket up in Settings: a wrong secret is named, the right one passes the test and is saved', async () => {
    const settings = testId('settings-bucket');
    await settings.scrollIntoViewIfNeeded();
    await testId('bucket-endpoint').fill(s3.endpoint);
    await testId('bucket-region').fill(S3_REGION);
    await testId('bucket-bucket').fill(s3.bucket);
    await testId('bucket-accessKeyId').fill(S3_ACCESS_KEY_ID);
    await testId('bucket-secretAccessKey').fill('nu-e-cheia');
    await testId('bucket-pathStyle').check();
    await testId('bucket-keyPrefix').fill('magflow/');
    await testId('bucket-test').click();
    const verdict = testId('bucket-test-result');
    await expect.poll(() => verdict.getAttribute('data-ok'), { timeout: 10_000 }).toBe('false');
    expect(await verdict.textContent()).toContain('Bucket-ul a refuzat cheile de acces');
    await world.screenshot('ro-invoice-settings-wrong-secret');

    await testId('bucket-secretAccessKey').fill(S3_SECRET);
    await testId('bucket-test').click();
    await expect.poll(() => verdict.getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    expect(await verdict.textContent()).toContain('printr-un link semnat');
    await testId('bucket-save').click();
    await testId('bucket-saved').waitFor();
    expect(await testId('bucket-secretAccessKey').inputValue()).toBe('');
    expect(world.core.invoices.bucket.get()).toMatchObject({ bucket: s3.bucket, hasSecret: true, pathStyle: true });
    await expectReadable();
    await world.screenshot('ro-invoice-settings');
  });

  it('a PDF dropped on an order is uploaded, attached, and eMAG downloads it through the signed link', async () => {
    const orderId = orders[0]!;
    await openOrder(orderId);
    await testId('invoice-drop').waitFor();
    const readsBefore = signedReads().length;
    await drop('invoice-drop', [{ name: `factura-${orderId}.pdf`, bytes: pdfBytes('F-2001') }]);
    await testId('invoice-file-chosen').waitFor();
    expect(await testId('invoice-file-chosen').textContent()).toContain(`factura-${orderId}.pdf`);
    await testId('invoice-file-name').fill('Factura F-2001');
    await world.screenshot('ro-invoice-chosen');
    await testId('invoice-upload').click();
    await testId('invoice-upload-done').waitFor({ timeout: 10_000 });
    const invoiceAction = page.locator('[data-testid^="action-"]', { hasText: 'Factură' }).first();
    await invoiceAction.waitFor();
    const actionId = ((await invoiceAction.getAttribute('data-testid')) ?? '').replace('action-', '');
    await expect
      .poll(() => testId(`action-state-${actionId}`).getAttribute('data-state'), { timeout: 15_000 })
      .toBe('sent');
    expect(attachmentsOf(orderId)).toEqual([expect.objectContaining({ name: 'Factura F-2001', type: 1 })]);
    expect(signedReads().length).toBe(readsBefore + 1);
    // The order's own list of documents shows it once MagFlow re-read the order.
    await expect.poll(() => page.getByText('Factura F-2001').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectReadable();
    await world.screenshot('ro-invoice-attached');
  });

  it('names a file that is not a PDF at once (file picker), and sends nothing', async () => {
    const orderId = orders[1]!;
    await openOrder(orderId);
    await page.setInputFiles('[data-testid="invoice-drop-input"]', {
      name: 'factura.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html>Autentificare necesară</html>'),
    });
    const problem = testId('invoice-file-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('factura.pdf nu este un fișier PDF. eMAG acceptă doar facturi PDF.');
    expect(await testId('invoice-upload').count()).toBe(0);
    await expectReadable();
    await world.screenshot('ro-invoice-not-pdf');
  });

  it('matches many PDFs to orders by file name, asks once, and shows each result', async () => {
    const [a, b] = [orders[2]!, orders[3]!];
    await page.goto(`${world.bridge.url}#/orders`);
    await testId('screen-orders').waitFor();
    await testId('bulk-invoices-open').click();
    const dialog = testId('bulk-invoices-dialog');
    await dialog.waitFor();
    await page.setInputFiles('[data-testid="bulk-drop-input"]', [
      { name: `factura-${a}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(`bulk ${a}`) },
      { name: `FCT-2026 ${b}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(`bulk ${b}`) },
      { name: 'factura-999999999.pdf', mimeType: 'application/pdf', buffer: pdfBytes('nimeni') },
      { name: 'scanare.pdf', mimeType: 'application/pdf', buffer: pdfBytes('fără număr') },
    ]);
    await testId('bulk-invoices-table').waitFor();
    expect(await testId('bulk-summary').textContent()).toBe('Se vor atașa 2 facturi. 2 fișiere nu se trimit.');
    expect(await testId('bulk-state-2').textContent()).toContain('nicio comandă cu numărul 999999999');
    expect(await testId('bulk-state-3').textContent()).toContain('numele nu conține un număr de comandă');
    await expectReadable();
    await world.screenshot('ro-invoice-bulk-review');
    await testId('bulk-confirm').click();
    for (const row of [0, 1]) {
      await expect.poll(() => testId(`bulk-state-${row}`).getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    }
    expect(await testId('bulk-state-2').getAttribute('data-state')).toBe('skipped');
    expect(await testId('bulk-summary').textContent()).toBe('Atașate: 2 · în curs: 0 · nereușite: 0 · netrimise: 2');
    expect(attachmentsOf(a)).toHaveLength(1);
    expect(attachmentsOf(b)).toHaveLength(1);
    await expectReadable();
    await world.screenshot('ro-invoice-bulk-done');
    await testId('bulk-close').click();
  });

  it('reads the same in English', async () => {
    await page.goto(`${world.bridge.url}#/settings`);
    await testId('screen-settings').waitFor();
    await testId('settings-language').selectOption('en');
    await expect.poll(() => testId('nav-dashboard').textContent()).toContain('Dashboard');
    await testId('bucket-test').click();
    await expect.poll(() => testId('bucket-test-result').getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    expect(await testId('bucket-test-result').textContent()).toContain('read through a signed link');
    await world.screenshot('en-invoice-settings');

    await openOrder(orders[0]!);
    await testId('invoice-drop').waitFor();
    await drop('invoice-drop', [{ name: 'same-again.pdf', bytes: pdfBytes('F-2001') }]);
    await testId('invoice-upload').click();
    await testId('invoice-upload-done').waitFor();
    expect(await testId('invoice-upload-done').textContent()).toContain('already attached');
    await expectReadable();
    await world.screenshot('en-invoice-order');

    await page.goto(`${world.bridge.url}#/orders`);
    await testId('bulk-invoices-open').click();
    await page.setInputFiles('[data-testid="bulk-drop-input"]', [
      { name: `invoice-${orders[4]!}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes('en') },
      { name: `copy-${orders[4]!}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes('en copy') },
    ]);
    await testId('bulk-invoices-table').waitFor();
    expect(await testId('bulk-state-0').textContent()).toBe('Nothing is sent: several files for the same order');
    expect(await testId('bulk-confirm').isDisabled()).toBe(true);
    await expectReadable();
    await world.screenshot('en-invoice-bulk-review');
    await testId('bulk-close').click();

    // Without the bucket, the explanation in English.
    world.core.invoices.bucket.remove();
    await page.goto(`${world.bridge.url}#/order/${world.accounts.seller.id}/${orders[5]!}`);
    await page.reload();
    await testId('invoice-no-bucket').waitFor();
    expect(await testId('invoice-no-bucket').textContent()).toContain('it downloads it itself, from a public address');
    await world.screenshot('en-invoice-no-bucket');
  });

  it('left no page errors', () => {
    expect(world.problems).toEqual([]);
  });
});
