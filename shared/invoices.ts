// Invoices from PDF files: the limits both sides check, the shapes of the bucket settings and of a bulk match, and
// how an order number is read from a file name. Plain TypeScript (no zod, no Node): the window imports it too.

/**
 * The largest invoice PDF MagFlow uploads: 10 MB. eMAG's text gives no limit for order attachments; it gives 10 MB for
 * product attachments, so an order attachment above that is not worth the risk. Invoices are usually under 1 MB.
 */
export const INVOICE_MAX_BYTES = 10 * 1024 * 1024;
/** The base64 text of the largest invoice (4 characters per 3 bytes). */
export const INVOICE_MAX_BASE64 = Math.ceil(INVOICE_MAX_BYTES / 3) * 4;
/** The browser bridge's body limit for the upload channel: the base64 text plus room for the rest of the call. */
export const INVOICE_UPLOAD_BODY_BYTES = INVOICE_MAX_BASE64 + 64 * 1024;
/** eMAG's limit on an attachment URL (order/attachments/save: url, 1 to 1024 characters). */
export const EMAG_ATTACHMENT_URL_MAX = 1024;
/** eMAG's limit on the name shown to the customer (order/attachments/save: name, 1 to 60 characters). */
export const EMAG_ATTACHMENT_NAME_MAX = 60;
/**
 * How long a presigned link works: 7 days, the longest AWS Signature Version 4 allows. eMAG downloads the file itself
 * and keeps its copy; the week covers an outbox that waits out an eMAG outage before the attachment is even sent.
 */
export const INVOICE_LINK_EXPIRY_SEC = 7 * 24 * 3600;
/** A bulk match takes at most this many files at once. */
export const BULK_INVOICE_MAX_FILES = 500;

/** The seller's S3-compatible bucket as the window shows it: never the secret, only whether one is stored. */
export interface InvoiceBucketView {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  pathStyle: boolean;
  keyPrefix: string;
  hasSecret: boolean;
}

/** Why talking to the bucket failed, in words the window explains (`invoices.problem.<code>`). */
export type BucketProblem =
  | 'not_configured'
  | 'auth'
  | 'no_bucket'
  | 'region'
  | 'clock'
  | 'network'
  | 'refused'
  | 'link_too_long'
  | 'link_unreadable';

export interface BucketTestResult {
  ok: boolean;
  /** Set when ok is false. */
  problem: BucketProblem | null;
  message: string;
  /** Length of the test's presigned link (eMAG takes at most 1024 characters). */
  linkLength: number | null;
  /** The bucket served the test file without a signature: anyone with a link guessed from the key could read it. */
  publicRead: boolean;
}

/** What happened to one PDF given to `invoices.attachFile`. */
export interface InvoiceUploadResult {
  /** The outbox action that attaches the link (pending, or the earlier one for the same file). */
  actionId: number;
  state: 'pending' | 'sent' | 'failed' | 'cancelled';
  /** True when the same file was already attached (or on its way) for this order: nothing was uploaded again. */
  already: boolean;
  objectKey: string;
  /** When the presigned link stops working (UTC ISO). */
  expiresAt: string;
  bytes: number;
}

export interface InvoiceMatchCandidate {
  accountId: number;
  account: string;
  orderId: number;
}

/** One file of a bulk attach: the order it goes to, or why nothing will be sent for it. */
export interface InvoiceMatch {
  fileName: string;
  outcome: 'matched' | 'ambiguous' | 'unmatched';
  /** For `matched`: the order. */
  target: InvoiceMatchCandidate | null;
  /**
   * For `ambiguous`: every order the name could mean (or the order two files claim). For `not_selected`: the orders
   * outside the selection the name fits (named to the seller, never attached).
   */
  candidates: InvoiceMatchCandidate[];
  /** For `ambiguous` and `unmatched`: why, as a code the window explains (`invoices.reason.<code>`). */
  reason: 'no_number' | 'no_order' | 'not_selected' | 'several_orders' | 'same_order' | 'not_pdf' | null;
  /** The numbers read from the name that were looked up. */
  numbers: number[];
}

/**
 * The order numbers a file name may carry: runs of 6 to 10 digits (eMAG order ids are in that range; a date's
 * "2026" or an invoice series' "0012" are not), at most 4 of them, in the order they appear.
 * "factura-123456789.pdf" gives [123456789].
 */
export function orderNumbersIn(fileName: string): number[] {
  const base = fileName.replace(/\.[^.]*$/, '');
  const numbers: number[] = [];
  for (const run of base.match(/\d+/g) ?? []) {
    if (run.length < 6 || run.length > 10) continue;
    const value = Number(run);
    if (value < 1 || value > 4_294_967_295 || numbers.includes(value)) continue;
    numbers.push(value);
    if (numbers.length === 4) break;
  }
  return numbers;
}

/** A name that says PDF (the content is checked by main anyway). */
export const looksLikePdfName = (fileName: string): boolean => /\.pdf$/i.test(fileName.trim());
