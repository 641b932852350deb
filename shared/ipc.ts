// The IPC contract between the window and main: every invoke channel with the zod schema of its input and the
// type of its output, plus the one event channel. The preload (Electron) and the CLI's browser bridge both expose
// exactly this as `window.magflow`; main validates every input against these schemas before any handler runs.
import { z } from 'zod';
import { SCHEMA_TEXTS } from './issueKeys';
import {
  ACCOUNT_KINDS,
  JOB_NAMES,
  PLATFORMS,
  type Account,
  type AppNotification,
  type CourierAccount,
  type Offer,
  type OrderDetail,
  type OrderSummary,
  type OutboxAction,
  type SyncRun,
} from './domain';
import type { AccountHealthView } from './accountHealth';
import type { FailureCause } from './causes';
import type { MagflowEvent } from './events';
import { OFFER_BULK_MAX, STOCK_MAX, type OfferDetails, type OfferEditProblem } from './offerEdits';
import {
  ReturnKeySchema,
  ReturnStatusChangeSchema,
  ReturnsQuerySchema,
  type ReturnDetail,
  type ReturnSummary,
} from './returns';
import {
  BULK_INVOICE_MAX_FILES,
  EMAG_ATTACHMENT_NAME_MAX,
  INVOICE_MAX_BASE64,
  type BucketTestResult,
  type InvoiceBucketView,
  type InvoiceMatch,
  type InvoiceUploadResult,
} from './invoices';
import { BULK_ACTIONS, BULK_MAX_ORDERS, CANCEL_REASONS, type BulkResult } from './bulk';
import { LABEL_FORMATS, SettingsPatchSchema, type Settings } from './settings';
import type { TodayQueue } from './today';
import type { AwbLabelFile, LocalityOption, MergedAwbLabels } from './shipping';
import type { UpdateStatusView } from './updates';
import type { AppInfo, DashboardView, DiagnosticsView, HealthReport, SyncStateView } from './views';

export { EVENT_CHANNEL, INVOKE_PREFIX } from './channels';

const id = z.number().int().positive();
const orderId = z.number().int().min(1).max(4_294_967_295);
const orderStatus = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, SCHEMA_TEXTS.localDate);
const orderKey = z.object({ accountId: id, orderId }).strict();
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };
const httpsUrl = z
  .string()
  .max(1024)
  .url()
  .refine((u) => u.startsWith('https://') || u.startsWith('http://'), SCHEMA_TEXTS.httpUrl);

export const OrdersQuerySchema = z
  .object({
    statuses: z.array(orderStatus).max(6).optional(),
    accountIds: z.array(id).max(50).optional(),
    paymentModeIds: z.array(z.number().int().min(1).max(10)).max(10).optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    search: z.string().max(200).optional(),
    sort: z
      .object({
        field: z.enum(['created', 'modified', 'id', 'total', 'status', 'customer']),
        dir: z.enum(['asc', 'desc']),
      })
      .strict()
      .default({ field: 'created', dir: 'desc' }),
    ...page,
  })
  .strict();
export type OrdersQuery = z.input<typeof OrdersQuerySchema>;
export type OrdersQueryParsed = z.output<typeof OrdersQuerySchema>;

export const OffersQuerySchema = z
  .object({
    accountIds: z.array(id).max(50).optional(),
    search: z.string().max(200).optional(),
    statuses: z.array(z.number().int().min(0).max(2)).max(3).optional(),
    sort: z
      .object({ field: z.enum(['name', 'price', 'stock', 'updated']), dir: z.enum(['asc', 'desc']) })
      .strict()
      .default({ field: 'name', dir: 'asc' }),
    ...page,
  })
  .strict();
export type OffersQuery = z.input<typeof OffersQuerySchema>;

export const AccountInputSchema = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(60),
    platform: z.enum(PLATFORMS),
    kind: z.enum(ACCOUNT_KINDS),
    username: z.string().trim().min(1).max(200),
    /** Omitted when editing an account without changing its password. */
    password: z.string().min(1).max(500).optional(),
    apiUrl: httpsUrl.nullable().optional(),
    enabled: z.boolean().default(true),
  })
  .strict();
export type AccountInput = z.input<typeof AccountInputSchema>;

export const AccountTestSchema = z.union([
  z.object({ id }).strict(),
  AccountInputSchema.omit({ id: true, enabled: true, name: true }).extend({ password: z.string().min(1).max(500) }),
]);

/**
 * A sender or receiver block as eMAG's awb/save checks it (name 3-255 characters, a contact, a phone of 8 to 11
 * digits, a locality id, a street of 3 characters or more).
 */
export const AwbPartySchema = z
  .object({
    name: z.string().trim().min(3, SCHEMA_TEXTS.atLeast3).max(255),
    contact: z.string().trim().min(1, SCHEMA_TEXTS.required).max(255),
    phone: z.string().regex(/^\+?\d{8,11}$/, SCHEMA_TEXTS.phone),
    /** eMAG's locality id. */
    localityId: z.number({ error: SCHEMA_TEXTS.localityId }).int().min(1).max(4_294_967_295),
    street: z.string().trim().min(3, SCHEMA_TEXTS.atLeast3).max(255),
    zipcode: z.string().trim().max(255).optional(),
    /** A saved seller address (addresses/read): eMAG then uses it whatever the other fields say. Text, 21 at most. */
    addressId: z.string().trim().min(1).max(21).optional(),
    /** Receiver only: a company. */
    legalEntity: z.boolean().optional(),
  })
  .strict();
export type AwbParty = z.infer<typeof AwbPartySchema>;

/** The seller's pickup address: eMAG refuses an awb/save without a sender (name, contact, phone, locality, street). */
export const AwbSenderSchema = AwbPartySchema;
export type AwbSender = AwbParty;

export const AwbRequestSchema = z
  .object({
    accountId: id,
    orderId,
    sender: AwbSenderSchema,
    /** The customer's block as the seller corrected it in the dialog; main reads it from the order when absent. */
    receiver: AwbPartySchema.optional(),
    courierAccountId: z.number().int().positive().optional(),
    parcels: z.number().int().min(0).max(99).default(1),
    envelopes: z.number().int().min(0).max(99).default(0),
    weightKg: z.number().positive().max(1000).default(1),
    codMinor: z.number().int().min(0).max(100_000_000),
    observation: z.string().max(255).optional(),
    /** eMAG's is_oversize: the parcel holds oversized products. */
    oversize: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.parcels + v.envelopes > 0, {
    message: SCHEMA_TEXTS.awbParcels,
    path: ['parcels'],
  });

/**
 * Bulk work on the orders selected in the list (issue 17 §2). `preview` answers what would happen to each order and
 * queues nothing; without it the actions go to the outbox (the send-actions job sends them within the rate limits).
 */
export const BulkRequestSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    orders: z.array(orderKey).min(1).max(BULK_MAX_ORDERS, `at most ${BULK_MAX_ORDERS} orders at once`),
    preview: z.boolean().default(false),
    /** The target status of `status`. */
    status: orderStatus.optional(),
    /** A cancellation's reason, from eMAG's documented list (`reason_cancellation`). */
    cancelReason: z
      .number()
      .int()
      .refine((n) => (CANCEL_REASONS as readonly number[]).includes(n), SCHEMA_TEXTS.cancelReasonList)
      .optional(),
    /** `awb`: the pickup address per account (the one the seller saved) and the parcel settings for every order. */
    awb: z
      .object({
        senders: z
          .array(z.object({ accountId: id, sender: AwbSenderSchema }).strict())
          .max(50)
          .default([]),
        parcels: z.number().int().min(1).max(99).default(1),
        weightKg: z.number().positive().max(1000).default(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.action === 'status' && v.status === undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: SCHEMA_TEXTS.statusTarget });
    }
    if (v.action === 'status' && v.status === 0 && !v.preview && v.cancelReason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['cancelReason'], message: SCHEMA_TEXTS.cancelNeedsReason });
    }
  });
export type BulkRequest = z.input<typeof BulkRequestSchema>;
/** Bulk invoices: the PDFs' names, and (from the selection bar) the selected orders they may be attached to. */
export const InvoiceMatchSchema = z
  .object({
    fileNames: z.array(z.string().trim().min(1).max(255)).min(1).max(BULK_INVOICE_MAX_FILES),
    within: z.array(orderKey).min(1).max(BULK_MAX_ORDERS, `at most ${BULK_MAX_ORDERS} orders at once`).optional(),
  })
  .strict();
// #17 AWB: locality search, AWBs with the saved defaults, labels (one order's, or several merged into one PDF).
/** The most orders one merged-labels call takes (bulk work sends a selection). */
export const AWB_LABELS_MAX_ORDERS = 200;
const labelOptions = {
  format: z.enum(LABEL_FORMATS).optional(),
  /** Open the file with the OS viewer (default: Settings › Shipping). */
  open: z.boolean().optional(),
};
export const LocalitySearchSchema = z
  .object({
    accountId: id,
    /** eMAG's name filter takes up to 60 characters; two letters at least keep a search meaningful. */
    query: z.string().trim().min(2, SCHEMA_TEXTS.searchLetters).max(60),
    county: z.string().trim().max(60).optional(),
  })
  .strict();
export const AwbLabelSchema = z.object({ accountId: id, orderId, ...labelOptions }).strict();
export const AwbLabelsSchema = z
  .object({
    orders: z
      .array(z.object({ accountId: id, orderId }).strict())
      .min(1)
      .max(AWB_LABELS_MAX_ORDERS),
    ...labelOptions,
  })
  .strict();

/** The seller's S3-compatible bucket for invoice PDFs. The secret is omitted when editing keeps the stored one. */
export const InvoiceBucketInputSchema = z
  .object({
    endpoint: z.string().trim().min(1).max(300),
    region: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9-]+$/, SCHEMA_TEXTS.region),
    bucket: z
      .string()
      .trim()
      .min(3)
      .max(63)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$/, SCHEMA_TEXTS.bucketName),
    accessKeyId: z.string().trim().min(1).max(128),
    secretAccessKey: z.string().min(1).max(256).optional(),
    pathStyle: z.boolean().default(false),
    keyPrefix: z
      .string()
      .trim()
      .max(200)
      .regex(/^[A-Za-z0-9!_.*'()/-]*$/, SCHEMA_TEXTS.keyPrefix)
      .default(''),
  })
  .strict();
export type InvoiceBucketInput = z.input<typeof InvoiceBucketInputSchema>;

/** One PDF from the window, as base64 (works over Electron IPC and the browser bridge alike). */
export const InvoiceFileSchema = z
  .object({
    accountId: id,
    orderId,
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z
      .string()
      .min(1)
      .max(INVOICE_MAX_BASE64, SCHEMA_TEXTS.fileTooBig)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, SCHEMA_TEXTS.base64),
    /** What the customer sees (eMAG: at most 60 characters); default "Factura <order>". */
    name: z.string().trim().min(1).max(EMAG_ATTACHMENT_NAME_MAX).optional(),
  })
  .strict();

export interface TestConnectionResult {
  ok: boolean;
  errorKind: string | null;
  /** The precise reason when eMAG named one (e.g. `auth.ip_not_whitelisted`); see IpcError.code. */
  errorCode?: string | null;
  /** Why it failed, in the seller's terms (shared/causes.ts), and eMAG's own words when it gave any. */
  cause?: FailureCause | null;
  reason?: string | null;
  message: string;
}

export interface Paged<T> {
  rows: T[];
  total: number;
}

export interface ExportedCsv {
  filename: string;
  csv: string;
  rows: number;
}

/** One offer of one account; a price or stock as typed (the core checks it against eMAG's rules). */
const offerKey = z.object({ accountId: id, offerId: id }).strict();
const offerValue = z.string().trim().min(1).max(20);

export interface BulkOfferEditResult {
  queued: OutboxAction[];
  /** `problem`: the rule that refused it (the window words it), when it was one of shared/offerEdits.ts's. */
  refused: { offerId: number; message: string; problem?: OfferEditProblem }[];
}

/** Declares a channel: the schema of its input and (as a phantom type) its output. Curried so the input infers. */
function channel<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output?: O } => ({ input });
}
const none = z.union([z.undefined(), z.object({}).strict()]).optional();
const runStatus = z.enum(['running', 'completed', 'failed', 'timed_out', 'cancelled']);

export const ipcContract = {
  'app.info': channel<AppInfo>()(none),
  'app.openExternal': channel<{ opened: boolean }>()(z.object({ url: z.string().max(2048) }).strict()),
  'dashboard.get': channel<DashboardView>()(none),
  'orders.list': channel<Paged<OrderSummary>>()(OrdersQuerySchema),
  'orders.get': channel<OrderDetail>()(orderKey),
  'orders.exportCsv': channel<ExportedCsv>()(OrdersQuerySchema),
  'orders.acknowledge': channel<OutboxAction>()(orderKey),
  'orders.changeStatus': channel<OutboxAction>()(
    // A cancellation (status 0) carries the seller's reason, one of eMAG's codes (shared/cancellationReasons).
    z
      .object({ accountId: id, orderId, status: orderStatus, reason: z.number().int().min(1).max(99).optional() })
      .strict(),
  ),
  'orders.generateAwb': channel<OutboxAction>()(AwbRequestSchema),
  'orders.bulk': channel<BulkResult>()(BulkRequestSchema),
  'orders.attachInvoice': channel<OutboxAction>()(
    z.object({ accountId: id, orderId, url: httpsUrl, name: z.string().max(255).optional() }).strict(),
  ),
  'invoices.attachFile': channel<InvoiceUploadResult>()(InvoiceFileSchema),
  'invoices.match': channel<InvoiceMatch[]>()(InvoiceMatchSchema),
  'invoices.bucket.get': channel<{ bucket: InvoiceBucketView | null }>()(none),
  'invoices.bucket.save': channel<InvoiceBucketView>()(InvoiceBucketInputSchema),
  'invoices.bucket.remove': channel<{ removed: boolean }>()(none),
  /** With no input: the saved bucket; with one: what is on screen (the stored secret when none is typed). */
  'invoices.bucket.test': channel<BucketTestResult>()(InvoiceBucketInputSchema.optional()),
  'outbox.retry': channel<OutboxAction>()(z.object({ id }).strict()),
  /** Safe actions (#16): takes back an action still held in its undo window. */
  'outbox.undo': channel<OutboxAction>()(z.object({ id }).strict()),
  'couriers.list': channel<CourierAccount[]>()(z.object({ accountId: id }).strict()),
  // #17 AWB
  'localities.search': channel<LocalityOption[]>()(LocalitySearchSchema),
  /** Queues an AWB with the saved defaults (Settings › Shipping): what bulk work and `magflow awb` call. */
  'awb.issueWithDefaults': channel<OutboxAction>()(orderKey),
  /** The order's label (awb/read_pdf) saved under the data folder, opened when asked. */
  'awb.label': channel<AwbLabelFile>()(AwbLabelSchema),
  /** Several orders' labels merged into one PDF. */
  'awb.labels': channel<MergedAwbLabels>()(AwbLabelsSchema),
  'offers.list': channel<Paged<Offer>>()(OffersQuerySchema),
  // Offer editing (issue 18): the editor's view, price and stock edits (one offer or several) and low-stock thresholds.
  'offers.get': channel<OfferDetails>()(offerKey),
  'offers.setPrice': channel<OutboxAction>()(
    z.object({ ...offerKey.shape, price: offerValue, vatId: id.optional() }).strict(),
  ),
  'offers.setStock': channel<OutboxAction>()(z.object({ ...offerKey.shape, stock: offerValue }).strict()),
  'offers.bulkEdit': channel<BulkOfferEditResult>()(
    z
      .object({
        accountId: id,
        offerIds: z.array(id).min(1).max(OFFER_BULK_MAX),
        field: z.enum(['price', 'stock']),
        value: offerValue,
      })
      .strict(),
  ),
  'offers.setLowStock': channel<{ lowStockThreshold: number | null }>()(
    z.object({ ...offerKey.shape, threshold: z.number().int().min(0).max(STOCK_MAX).nullable() }).strict(),
  ),
  'sync.now': channel<{ triggered: number }>()(
    z
      .object({ job: z.enum(JOB_NAMES).optional(), accountId: id.optional() })
      .strict()
      .optional(),
  ),
  'sync.pause': channel<SyncStateView>()(none),
  'sync.resume': channel<SyncStateView>()(none),
  'sync.state': channel<SyncStateView>()(none),
  'sync.runs': channel<Paged<SyncRun>>()(
    z
      .object({ job: z.enum(JOB_NAMES).optional(), accountId: id.optional(), status: runStatus.optional(), ...page })
      .strict(),
  ),
  'notifications.list': channel<{ rows: AppNotification[]; unread: number }>()(
    z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
  'notifications.markRead': channel<{ unread: number }>()(
    z.object({ ids: z.array(id).max(1000).optional(), all: z.boolean().optional() }).strict(),
  ),
  'settings.get': channel<Settings>()(none),
  'settings.update': channel<Settings>()(SettingsPatchSchema),
  'accounts.list': channel<Account[]>()(none),
  'accounts.save': channel<Account>()(AccountInputSchema),
  'accounts.remove': channel<{ removed: boolean }>()(z.object({ id }).strict()),
  'accounts.test': channel<TestConnectionResult>()(AccountTestSchema),
  'health.get': channel<HealthReport>()(none),
  'diagnostics.get': channel<DiagnosticsView>()(none),
  'updates.status': channel<UpdateStatusView>()(none),
  /** Checks the feed now (and downloads what it finds). */
  'updates.check': channel<UpdateStatusView>()(none),
  /** "Restart to update": installs the downloaded update once no sync is running, then restarts MagFlow. */
  'updates.install': channel<UpdateStatusView>()(none),
  // Issue 18: returns (RMA) and the account-health watch.
  'returns.list': channel<Paged<ReturnSummary>>()(ReturnsQuerySchema),
  'returns.get': channel<ReturnDetail>()(ReturnKeySchema),
  'returns.changeStatus': channel<OutboxAction>()(ReturnStatusChangeSchema),
  'accountHealth.get': channel<AccountHealthView[]>()(z.object({ accountId: id.optional() }).strict().optional()),
  // Issue 17 §1: the today queue (every enabled account, or one).
  'today.get': channel<TodayQueue>()(z.object({ accountId: id.optional() }).strict().optional()),
} as const;

export type IpcContract = typeof ipcContract;
export type ChannelName = keyof IpcContract;
export const CHANNEL_NAMES = Object.keys(ipcContract) as ChannelName[];
export type ChannelInput<C extends ChannelName> = z.input<IpcContract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<IpcContract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<IpcContract[C]['output']>;

export type IpcErrorKind =
  'validation' | 'unknown_channel' | 'not_found' | 'conflict' | 'emag' | 'unavailable' | 'internal';

export interface IpcError {
  kind: IpcErrorKind;
  /**
   * A language-neutral code the window can explain, for eMAG failures: the client's precise reason
   * (`auth.credentials`, `auth.ip_not_whitelisted`, `auth.api_rights_missing`, `auth.forbidden`) or `emag.<kind>`.
   */
  code?: string;
  /** For eMAG failures: the cause in the seller's terms (shared/causes.ts) and eMAG's own words, if any. */
  cause?: FailureCause;
  reason?: string;
  message: string;
  /** For validation errors: which input field is wrong and why. */
  issues?: { path: string; message: string }[];
}

/** Every invoke answers with this envelope, so typed errors survive any transport (contextBridge, HTTP). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What `window.magflow` is, in the preload and in the browser bridge alike. */
export interface MagflowApi {
  invoke<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  /** Subscribes to main's events; returns the unsubscribe function. */
  onEvent(listener: (event: MagflowEvent) => void): () => void;
}
