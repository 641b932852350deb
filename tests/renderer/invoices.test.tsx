// @vitest-environment jsdom
// Invoice PDFs in the window: the drop zone and the file picker on an order, the explanation when no bucket is set
// up, the bucket in Settings (test, save, the secret never shown again), and bulk matching by file name with one
// confirmation and each file's result.
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxAction } from '../../shared/domain';
import type { InvoiceBucketView, InvoiceMatch } from '../../shared/invoices';
import { useNavigation } from '../../renderer/src/stores/navigation';
import { FakeFailure, makeOrder, type FakeApi } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorld, giveLayout, settle } from './setup';

const BUCKET: InvoiceBucketView = {
  endpoint: 'https://abc123.r2.cloudflarestorage.com',
  region: 'auto',
  bucket: 'facturi',
  accessKeyId: 'AKIA123',
  pathStyle: false,
  keyPrefix: 'magflow/',
  hasSecret: true,
};

const pdf = (name: string, text = 'factura') =>
  new File([`%PDF-1.7\n${text}\n%%EOF`], name, { type: 'application/pdf' });
const notPdf = (name: string) => new File(['<html>login</html>'], name, { type: 'application/pdf' });

const invoiceAction = (id: number, orderId: number, state: OutboxAction['state'], lastError: string | null = null) =>
  ({
    id,
    accountId: 1,
    orderId,
    kind: 'invoice',
    payload: {},
    state,
    attempts: state === 'pending' ? 0 : 1,
    nextAttemptAt: null,
    lastError,
    createdAt: '2025-03-10T08:00:00Z',
    sentAt: state === 'sent' ? '2025-03-10T08:00:05Z' : null,
  }) satisfies OutboxAction;

let api: FakeApi;
beforeAll(() => giveLayout());
beforeEach(async () => {
  api = await freshWorld({ orders: [makeOrder(400000111), makeOrder(400000222), makeOrder(400000333)] });
});

/** Reads back the base64 a call carried. */
const decoded = (input: unknown): string => atob((input as { contentBase64: string }).contentBase64);

describe('an invoice PDF on the order detail', () => {
  it('without a bucket explains why eMAG needs a public link and where to set one up; the link form stays', async () => {
    await renderAt({ screen: 'order', accountId: 1, orderId: 400000111 });
    const notice = screen.getByTestId('invoice-no-bucket');
    expect(notice.textContent).toContain('eMAG nu primește fișierul de la MagFlow: îl descarcă singur');
    expect(notice.textContent).toContain('AWS S3, Cloudflare R2, Backblaze B2, MinIO');
    expect(screen.queryByTestId('invoice-drop')).toBeNull();
    expect(screen.getByTestId('invoice-url')).toBeTruthy();
    fireEvent.click(screen.getByTestId('invoice-no-bucket-settings'));
    expect(useNavigation.getState().route).toEqual({ screen: 'settings' });
  });

  it('takes a dropped PDF, uploads it on the seller’s click and says until when the link works', async () => {
    api.on('invoices.bucket.get', () => ({ bucket: BUCKET }));
    api.on('invoices.attachFile', () => ({
      actionId: 7,
      state: 'pending',
      already: false,
      objectKey: 'magflow/400000111-abc.pdf',
      expiresAt: '2025-03-17T08:00:00Z',
      bytes: 24,
    }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 400000111 });
    const zone = screen.getByTestId('invoice-drop');
    fireEvent.dragOver(zone, { dataTransfer: { files: [], dropEffect: 'none' } });
    expect(zone.className).toContain('dropzone-over');
    fireEvent.drop(zone, { dataTransfer: { files: [pdf('factura-400000111.pdf', 'F-77')] } });
    await settle();
    expect(screen.getByTestId('invoice-file-chosen').textContent).toContain('factura-400000111.pdf');
    expect(api.callsTo('invoices.attachFile')).toEqual([]); // nothing leaves before the click
    fireEvent.change(screen.getByTestId('invoice-file-name'), { target: { value: 'Factura F-77' } });
    fireEvent.click(screen.getByTestId('invoice-upload'));
    await settle();
    await settle();
    const [sent] = api.callsTo('invoices.attachFile');
    expect(sent).toMatchObject({
      accountId: 1,
      orderId: 400000111,
      fileName: 'factura-400000111.pdf',
      name: 'Factura F-77',
    });
    expect(decoded(sent)).toContain('F-77');
    const done = screen.getByTestId('invoice-upload-done');
    expect(done.textContent).toContain('se trimite la eMAG');
    expect(done.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-17T08:00:00Z');
  });

  it('names a file that is not a PDF at once, and takes one from the picker', async () => {
    api.on('invoices.bucket.get', () => ({ bucket: BUCKET }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 400000111 });
    const input = screen.getByTestId('invoice-drop-input');
    fireEvent.change(input, { target: { files: [notPdf('pagina.pdf')] } });
    await settle();
    expect(screen.getByTestId('invoice-file-problem').textContent).toBe(
      'pagina.pdf nu este un fișier PDF. eMAG acceptă doar facturi PDF.',
    );
    expect(screen.queryByTestId('invoice-upload')).toBeNull();
    fireEvent.change(input, { target: { files: [pdf('bun.pdf')] } });
    await settle();
    expect(screen.queryByTestId('invoice-file-problem')).toBeNull();
    expect(screen.getByTestId('invoice-file-chosen').textContent).toContain('bun.pdf');
  });

  it('shows why an upload failed in the seller’s words and keeps the file for another try', async () => {
    api.on('invoices.bucket.get', () => ({ bucket: BUCKET }));
    api.on(
      'invoices.attachFile',
      () =>
        new FakeFailure({
          kind: 'conflict',
          code: 'bucket.auth',
          message: 'the upload to the bucket failed: HTTP 403 SignatureDoesNotMatch',
        }),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 400000111 });
    fireEvent.change(screen.getByTestId('invoice-drop-input'), { target: { files: [pdf('f.pdf')] } });
    await settle();
    fireEvent.click(screen.getByTestId('invoice-upload'));
    await settle();
    await settle();
    const error = screen.getByTestId('invoice-upload-error');
    expect(within(error).getByTestId('error-reason').textContent).toContain('Bucket-ul a refuzat cheile de acces');
    expect(error.textContent).toContain('SignatureDoesNotMatch');
    expect(screen.getByTestId('invoice-file-chosen').textContent).toContain('f.pdf');
  });
});

describe('the bucket in Settings', () => {
  const fill = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

  it('tests what is on screen and explains a refusal', async () => {
    api.on('invoices.bucket.test', (input) =>
      input?.secretAccessKey === 'bun'
        ? { ok: true, problem: null, message: 'ok', linkLength: 412, publicRead: false }
        : {
            ok: false,
            problem: 'auth',
            message: 'HTTP 403 SignatureDoesNotMatch',
            linkLength: null,
            publicRead: false,
          },
    );
    await renderAt({ screen: 'settings' });
    const test = screen.getByTestId('bucket-test') as HTMLButtonElement;
    expect(test.disabled).toBe(true);
    fill('bucket-endpoint', BUCKET.endpoint);
    fill('bucket-region', 'auto');
    fill('bucket-bucket', 'facturi');
    fill('bucket-accessKeyId', 'AKIA123');
    fill('bucket-secretAccessKey', 'gresit');
    fireEvent.click(test);
    await settle();
    let verdict = screen.getByTestId('bucket-test-result');
    expect(verdict.getAttribute('data-ok')).toBe('false');
    expect(verdict.textContent).toContain('Bucket-ul a refuzat cheile de acces');
    expect(verdict.textContent).toContain('SignatureDoesNotMatch');
    fill('bucket-secretAccessKey', 'bun');
    fireEvent.click(test);
    await settle();
    verdict = screen.getByTestId('bucket-test-result');
    expect(verdict.getAttribute('data-ok')).toBe('true');
    expect(verdict.textContent).toContain('printr-un link semnat (412 caractere)');
    expect(api.callsTo('invoices.bucket.test').at(-1)).toEqual({
      endpoint: BUCKET.endpoint,
      region: 'auto',
      bucket: 'facturi',
      accessKeyId: 'AKIA123',
      secretAccessKey: 'bun',
      pathStyle: false,
      keyPrefix: '',
    });
  });

  it('saves, then never shows the secret again (an empty box keeps it)', async () => {
    api.on('invoices.bucket.save', (input) => ({
      endpoint: input.endpoint,
      region: input.region,
      bucket: input.bucket,
      accessKeyId: input.accessKeyId,
      pathStyle: input.pathStyle ?? false,
      keyPrefix: input.keyPrefix ?? '',
      hasSecret: true,
    }));
    await renderAt({ screen: 'settings' });
    fill('bucket-endpoint', 'http://127.0.0.1:9000');
    fill('bucket-region', 'us-east-1');
    fill('bucket-bucket', 'facturi');
    fill('bucket-accessKeyId', 'minio');
    fill('bucket-secretAccessKey', 'minio-secret');
    fireEvent.click(screen.getByTestId('bucket-pathStyle'));
    fireEvent.click(screen.getByTestId('bucket-save'));
    await settle();
    expect(screen.getByTestId('bucket-saved').textContent).toBe('Bucket salvat.');
    const secret = screen.getByTestId('bucket-secretAccessKey') as HTMLInputElement;
    expect(secret.value).toBe('');
    expect(secret.placeholder).toBe('lasă gol pentru a păstra cheia salvată');
    expect(api.callsTo('invoices.bucket.save')[0]).toMatchObject({ pathStyle: true, secretAccessKey: 'minio-secret' });
    // Saving again without typing the secret does not send one.
    fireEvent.click(screen.getByTestId('bucket-save'));
    await settle();
    expect(api.callsTo('invoices.bucket.save')[1]).not.toHaveProperty('secretAccessKey');
  });
});

describe('bulk: many PDFs matched to orders by file name', () => {
  const onMagazin = (orderId: number) => ({ accountId: 1, account: 'Magazin RO', orderId });
  const matched = (fileName: string, orderId: number): InvoiceMatch => ({
    fileName,
    outcome: 'matched',
    target: onMagazin(orderId),
    candidates: [onMagazin(orderId)],
    reason: null,
    numbers: [orderId],
  });
  const matches: InvoiceMatch[] = [
    matched('factura-400000111.pdf', 400000111),
    matched('FCT 400000222.pdf', 400000222),
    {
      fileName: 'factura-400000333.pdf',
      outcome: 'ambiguous',
      target: null,
      candidates: [onMagazin(400000333), { accountId: 2, account: 'FBE RO', orderId: 400000333 }],
      reason: 'several_orders',
      numbers: [400000333],
    },
    { fileName: 'scan.pdf', outcome: 'unmatched', target: null, candidates: [], reason: 'no_number', numbers: [] },
  ];

  it('lists what will happen to each file, asks once, uploads only the certain ones and shows each result', async () => {
    api.on('invoices.bucket.get', () => ({ bucket: BUCKET }));
    api.on('invoices.match', () => matches);
    let nextId = 20;
    api.on('invoices.attachFile', () => ({
      actionId: nextId++,
      state: 'pending',
      already: false,
      objectKey: 'k',
      expiresAt: '2025-03-17T08:00:00Z',
      bytes: 10,
    }));
    await renderAt({ screen: 'orders' });
    fireEvent.click(screen.getByTestId('bulk-invoices-open'));
    await settle();
    const dialog = screen.getByTestId('bulk-invoices-dialog');
    fireEvent.drop(within(dialog).getByTestId('bulk-drop'), {
      dataTransfer: { files: matches.map((m) => pdf(m.fileName, m.fileName)) },
    });
    await settle();
    expect(api.callsTo('invoices.match')).toEqual([{ fileNames: matches.map((m) => m.fileName) }]);
    const state = (i: number) => within(dialog).getByTestId(`bulk-state-${i}`);
    expect(state(0).textContent).toBe('Se încarcă și se atașează');
    expect(within(dialog).getByTestId('bulk-row-0').textContent).toContain('#400000111 · Magazin RO');
    expect(state(2).textContent).toBe('Nu se trimite nimic: numele se potrivește mai multor comenzi');
    expect(within(dialog).getByTestId('bulk-row-2').textContent).toContain(
      '#400000333 · Magazin RO / #400000333 · FBE RO',
    );
    expect(state(3).textContent).toBe('Nu se trimite nimic: numele nu conține un număr de comandă');
    expect(within(dialog).getByTestId('bulk-summary').textContent).toBe(
      'Se vor atașa 2 facturi. 2 fișiere nu se trimit.',
    );
    expect(api.callsTo('invoices.attachFile')).toEqual([]);

    fireEvent.click(within(dialog).getByTestId('bulk-confirm'));
    await settle();
    await settle();
    const uploads = api.callsTo('invoices.attachFile');
    expect(uploads.map((u) => (u as { orderId: number }).orderId)).toEqual([400000111, 400000222]);
    expect(decoded(uploads[1])).toContain('FCT 400000222.pdf');
    expect(state(0).getAttribute('data-state')).toBe('pending');
    // The outbox follows: one sent, one refused by eMAG with its reason.
    api.emit({ type: 'outbox_changed', action: invoiceAction(20, 400000111, 'sent') });
    api.emit({ type: 'outbox_changed', action: invoiceAction(21, 400000222, 'failed', 'the link expired') });
    await settle();
    expect(state(0).getAttribute('data-state')).toBe('sent');
    expect(state(0).textContent).toBe('Atașată');
    expect(state(1).getAttribute('data-state')).toBe('failed');
    expect(state(1).textContent).toContain('the link expired');
    expect(state(2).getAttribute('data-state')).toBe('skipped');
    expect(within(dialog).getByTestId('bulk-summary').textContent).toBe(
      'Atașate: 1 · în curs: 0 · nereușite: 1 · netrimise: 2',
    );
  });

  it('from the selection bar, matches only among the selected orders and says why another is skipped', async () => {
    api.on('invoices.bucket.get', () => ({ bucket: BUCKET }));
    api.on('invoices.match', () => [
      matched('factura-400000111.pdf', 400000111),
      {
        fileName: 'factura-400000333.pdf',
        outcome: 'unmatched',
        target: null,
        candidates: [onMagazin(400000333)],
        reason: 'not_selected',
        numbers: [400000333],
      },
    ]);
    await renderAt({ screen: 'orders' });
    fireEvent.click(screen.getByTestId('select-order-row-1-400000111'));
    fireEvent.click(screen.getByTestId('select-order-row-1-400000222'));
    fireEvent.click(screen.getByTestId('bulk-invoices'));
    await settle();
    const dialog = screen.getByTestId('bulk-invoices-dialog');
    expect(dialog.textContent).toContain('Atașează facturi PDF la cele 2 comenzi selectate');
    expect(within(dialog).getByTestId('bulk-invoices-scope').textContent).toBe(
      'Doar cele 2 comenzi selectate: un PDF pentru altă comandă nu se trimite.',
    );
    fireEvent.drop(within(dialog).getByTestId('bulk-drop'), {
      dataTransfer: { files: [pdf('factura-400000111.pdf'), pdf('factura-400000333.pdf')] },
    });
    await settle();
    expect(api.callsTo('invoices.match')).toEqual([
      {
        fileNames: ['factura-400000111.pdf', 'factura-400000333.pdf'],
        within: [
          { accountId: 1, orderId: 400000111 },
          { accountId: 1, orderId: 400000222 },
        ],
      },
    ]);
    expect(within(dialog).getByTestId('bulk-state-1').textContent).toBe(
      'Nu se trimite nimic: comanda nu este printre cele selectate',
    );
    // The order it would have gone to is named.
    expect(within(dialog).getByTestId('bulk-row-1').textContent).toContain('#400000333 · Magazin RO');
    expect(within(dialog).getByTestId('bulk-confirm').textContent).toBe('Încarcă și atașează 1 factură');
  });

  it('the list’s own button still matches among every order', async () => {
    api.on('invoices.bucket.get', () => ({ bucket: BUCKET }));
    api.on('invoices.match', () => [matched('factura-400000333.pdf', 400000333)]);
    await renderAt({ screen: 'orders' });
    fireEvent.click(screen.getByTestId('select-order-row-1-400000111'));
    fireEvent.click(screen.getByTestId('bulk-invoices-open'));
    await settle();
    const dialog = screen.getByTestId('bulk-invoices-dialog');
    expect(within(dialog).queryByTestId('bulk-invoices-scope')).toBeNull();
    fireEvent.drop(within(dialog).getByTestId('bulk-drop'), {
      dataTransfer: { files: [pdf('factura-400000333.pdf')] },
    });
    await settle();
    expect(api.callsTo('invoices.match')).toStrictEqual([{ fileNames: ['factura-400000333.pdf'] }]);
  });

  it('without a bucket explains it instead of taking files', async () => {
    await renderAt({ screen: 'orders' });
    fireEvent.click(screen.getByTestId('bulk-invoices-open'));
    await settle();
    const dialog = screen.getByTestId('bulk-invoices-dialog');
    expect(within(dialog).getByTestId('bulk-no-bucket').textContent).toContain('îl descarcă singur');
    expect(within(dialog).queryByTestId('bulk-drop')).toBeNull();
  });
});
