// Invoices from PDF files: eMAG downloads an attachment from a URL itself, so a PDF on the seller's disk is put in the
// seller's own S3-compatible bucket and attached as a presigned link valid for 7 days, through the outbox's invoice
// action. The upload happens in the call, before anything is queued: the seller is at the window with the file, so a
// failed upload is shown at once with its reason and nothing is half-done (no action waits for a file MagFlow never
// stored). Once uploaded, attaching is an outbox action like any other: a crash or an eMAG outage delays it, never
// loses it. Also: the bucket's settings and its test, and matching many PDFs to orders by the numbers in their names.
import { randomUUID } from 'node:crypto';
import {
  EMAG_ATTACHMENT_URL_MAX,
  INVOICE_LINK_EXPIRY_SEC,
  type BucketTestResult,
  type InvoiceBucketView,
  type InvoiceMatch,
  type InvoiceUploadResult,
} from '../../../shared/invoices';
import type { OutboxAction } from '../../../shared/domain';
import type { Clock } from '../clock';
import type { Repositories } from '../db';
import { AppError, invalidInput, notFound } from '../errors';
import type { Logger } from '../logging';
import type { OrderActions } from '../orders/actions';
import type { SecretStore } from '../secrets/store';
import { bucketSettings, type BucketSettingsInput } from './bucketSettings';
import { matchInvoiceFiles, type OrderScopeKey } from './matchFiles';
import { pdfFromBase64, pdfProblem, sha256Hex } from './pdfFile';
import { BucketError, isBucketError, linkRefusal, s3Bucket, type BucketConfig } from './s3Bucket';

export interface InvoiceServiceDeps {
  repos: Repositories;
  secrets: SecretStore;
  actions: OrderActions;
  clock: Clock;
  logger: Logger;
  /** Per bucket request (default 60 s). */
  bucketTimeoutMs?: number;
}

export interface InvoicePdf {
  accountId: number;
  orderId: number;
  fileName: string;
  bytes: Buffer;
  /** What the customer sees; default "Factura <order>". */
  name?: string | undefined;
}

/** A PDF as the window sends it (base64, over IPC or the browser bridge). */
export type InvoiceFile = Omit<InvoicePdf, 'bytes'> & { contentBase64: string };

/** The bucket test's file: a tiny valid PDF with a random marker, so a stale copy can never pass for it. */
const testPdf = (marker: string): Buffer =>
  Buffer.from(
    `%PDF-1.4\n% MagFlow bucket test ${marker}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
/** The test's link only has to live while it is read back. */
const TEST_LINK_EXPIRY_SEC = 300;

/** A bucket failure as the window receives it: `bucket.<problem>` names the reason it explains. */
const asAppError = (error: BucketError): AppError =>
  new AppError(
    error.problem === 'network' ? 'unavailable' : 'conflict',
    error.message,
    undefined,
    `bucket.${error.problem}`,
  );

const uploadResult = (action: OutboxAction, already: boolean): InvoiceUploadResult => ({
  actionId: action.id,
  state: action.state,
  already,
  objectKey: String(action.payload.objectKey ?? ''),
  expiresAt: String(action.payload.expiresAt ?? ''),
  bytes: Number(action.payload.bytes ?? 0),
});

export function invoiceService(deps: InvoiceServiceDeps) {
  const { repos, clock } = deps;
  const settings = bucketSettings(repos, deps.secrets);
  const bucketFor = (config: BucketConfig) =>
    s3Bucket(config, {
      now: () => clock.now(),
      ...(deps.bucketTimeoutMs ? { timeoutMs: deps.bucketTimeoutMs } : {}),
    });

  async function testBucket(config: BucketConfig): Promise<BucketTestResult> {
    const bucket = bucketFor(config);
    const key = bucket.keyFor(`magflow-test-${randomUUID()}.pdf`);
    const content = testPdf(randomUUID());
    let linkLength: number | null = null;
    let publicRead = false;
    const failed = (problem: BucketTestResult['problem'], message: string): BucketTestResult => ({
      ok: false,
      problem,
      message,
      linkLength,
      publicRead,
    });
    try {
      await bucket.put(key, content);
      try {
        const link = await bucket.presignGet(key, TEST_LINK_EXPIRY_SEC);
        linkLength = link.length;
        if (link.length > EMAG_ATTACHMENT_URL_MAX) {
          return failed(
            'link_too_long',
            `the bucket's links have ${link.length} characters; eMAG takes at most ${EMAG_ATTACHMENT_URL_MAX}`,
          );
        }
        const read = await bucket.fetchLink(link, 'reading the test file through its link failed');
        if (read.status !== 200 || !read.bytes.equals(content)) {
          return failed(
            'link_unreadable',
            `the test file could not be read back through its presigned link: ${read.status === 200 ? 'different content' : linkRefusal(read.status, read.body)}`,
          );
        }
        // A bucket that serves objects without a signature lets anyone read an invoice whose key they guess.
        const anonymous = await bucket.fetchLink(bucket.objectUrl(key).href, 'reading without a link failed');
        publicRead = anonymous.status === 200;
      } finally {
        await bucket.delete(key);
      }
      return {
        ok: true,
        problem: null,
        message:
          `uploaded a test file to ${config.bucket}, read it back through a ${linkLength}-character presigned link ` +
          'and deleted it',
        linkLength,
        publicRead,
      };
    } catch (error) {
      if (!isBucketError(error)) throw error;
      return failed(error.problem, error.message);
    }
  }

  return {
    bucket: {
      get: (): InvoiceBucketView | null => settings.view(),
      save: (input: BucketSettingsInput): InvoiceBucketView => settings.save(input),
      remove: (): boolean => settings.remove(),
      /** A real upload, presigned read and delete: of what is on screen, or of the saved bucket. */
      async test(input?: BucketSettingsInput): Promise<BucketTestResult> {
        if (!input && !settings.view()) {
          return {
            ok: false,
            problem: 'not_configured',
            message: 'no bucket is set up',
            linkLength: null,
            publicRead: false,
          };
        }
        return testBucket(input ? settings.configFrom(input) : settings.config());
      },
    },

    /** Which order each file name points at (see matchFiles.ts); with `within`, only among those orders. */
    match(fileNames: readonly string[], within?: readonly OrderScopeKey[]): InvoiceMatch[] {
      const accounts = repos.accounts.list();
      return matchInvoiceFiles(
        fileNames,
        (orderId) =>
          accounts.flatMap((account) =>
            repos.orders.get(account.id, orderId) ? [{ accountId: account.id, account: account.name, orderId }] : [],
          ),
        within,
      );
    },

    /** The window's upload: base64 decoded and checked, then as `attachPdf`. */
    attachFile(file: InvoiceFile): Promise<InvoiceUploadResult> {
      const { contentBase64, ...rest } = file;
      return this.attachPdf({ ...rest, bytes: pdfFromBase64(contentBase64) });
    },

    /** Uploads one PDF for one order and queues its attachment; the same file twice is attached once. */
    async attachPdf(file: InvoicePdf): Promise<InvoiceUploadResult> {
      const { accountId, orderId, bytes } = file;
      if (!repos.orders.get(accountId, orderId)) throw notFound('order', orderId);
      const problem = pdfProblem(bytes);
      if (problem) throw invalidInput([{ path: 'file', message: problem }]);
      const config = settings.config();
      const sha256 = sha256Hex(bytes);
      const earlier = repos.outbox
        .forOrder(accountId, orderId)
        .filter((action) => action.kind === 'invoice' && action.payload.sha256 === sha256);
      const live = earlier.find((action) => action.state === 'pending' || action.state === 'sent');
      if (live) return uploadResult(live, true);

      const bucket = bucketFor(config);
      // Named by content: the same file uploaded again overwrites the same object instead of adding one.
      const objectKey = bucket.keyFor(`${orderId}-${sha256.slice(0, 32)}.pdf`);
      const signedAt = clock.now();
      let url: string;
      try {
        await bucket.put(objectKey, bytes);
        url = await bucket.presignGet(objectKey, INVOICE_LINK_EXPIRY_SEC, signedAt);
      } catch (error) {
        if (!isBucketError(error)) throw error;
        deps.logger.warn('invoice upload failed', { accountId, orderId, problem: error.problem, error: error.message });
        throw asAppError(error);
      }
      if (url.length > EMAG_ATTACHMENT_URL_MAX) {
        throw asAppError(
          new BucketError(
            'link_too_long',
            `the presigned link has ${url.length} characters; eMAG takes at most ${EMAG_ATTACHMENT_URL_MAX} ` +
              '(use a shorter key prefix or bucket name)',
          ),
        );
      }
      const expiresAt = new Date(signedAt.getTime() + INVOICE_LINK_EXPIRY_SEC * 1000).toISOString();
      const action = deps.actions.attachInvoice(accountId, orderId, url, file.name, {
        // Per file; a file whose earlier attempt failed gets a new action (with a fresh link).
        dedupeKey: `invoice-file:${accountId}:${orderId}:${sha256}:${earlier.length}`,
        payload: { objectKey, sha256, expiresAt, fileName: file.fileName, bytes: bytes.length },
      });
      deps.logger.info('invoice uploaded and queued', { accountId, orderId, actionId: action.id, bytes: bytes.length });
      return uploadResult(action, false);
    },
  };
}

export type InvoiceService = ReturnType<typeof invoiceService>;
