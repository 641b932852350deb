// The seller's settings: one zod schema gives the defaults, the validation of updates and the type.
import { z } from 'zod';
import { SCHEMA_TEXTS } from './issueKeys';

/**
 * #17 AWB: the seller's pickup address as awb/save's sender block (README §8: name 3-255, a contact, a phone of 8 to
 * 11 digits, an eMAG locality id, a street of 3 or more). `localityName` is only what the window shows for the id.
 */
export const ShippingSenderSchema = z
  .object({
    name: z.string().trim().min(3, SCHEMA_TEXTS.atLeast3).max(255),
    contact: z.string().trim().min(1, SCHEMA_TEXTS.required).max(255),
    phone: z.string().regex(/^\+?\d{8,11}$/, SCHEMA_TEXTS.phone),
    localityId: z.number().int().min(1).max(4_294_967_295),
    localityName: z.string().trim().max(200).optional(),
    street: z.string().trim().min(3, SCHEMA_TEXTS.atLeast3).max(255),
    zipcode: z.string().trim().max(255).optional(),
  })
  .strict();
export type ShippingSender = z.infer<typeof ShippingSenderSchema>;

/** #17 AWB: awb/read_pdf's paper formats. */
export const LABEL_FORMATS = ['A4', 'A5', 'A6'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

/** #17 AWB: what an AWB issued with the saved defaults carries, and how its label is printed. */
const shippingShape = {
  sender: ShippingSenderSchema.nullable().default(null),
  parcels: z.number().int().min(0).max(99).default(1),
  envelopes: z.number().int().min(0).max(99).default(0),
  weightKg: z.number().positive().max(1000).default(1),
  oversize: z.boolean().default(false),
  labelFormat: z.enum(LABEL_FORMATS).default('A6'),
  /** Open the saved label with the system's PDF viewer as soon as it is fetched. */
  openLabel: z.boolean().default(true),
};

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, SCHEMA_TEXTS.timeOfDay);

/**
 * The account-health watch's thresholds (issue 18, docs/health.md): rates in percent, counts in orders. A figure past
 * its threshold is shown in red and notified once per crossing. MagFlow's defaults, not eMAG's: a seller sets the
 * limits their eMAG seller center shows.
 */
const AccountHealthThresholdsSchema = z.object({
  lateShipmentRate: z.number().min(0).max(100).default(4),
  overdue: z.number().int().min(0).max(100_000).default(0),
  atRisk: z.number().int().min(0).max(100_000).default(5),
  invoiceRate: z.number().min(0).max(100).default(95),
  sellerCancelRate: z.number().min(0).max(100).default(2),
  returnsRate: z.number().min(0).max(100).default(10),
});

export const SettingsSchema = z.object({
  language: z.enum(['ro', 'en']).default('ro'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  autoAcknowledge: z.boolean().default(true),
  intervals: z
    .object({
      newOrdersSec: z.number().int().min(15).max(3600).default(60),
      orderChangesSec: z.number().int().min(60).max(86_400).default(300),
      offersSec: z.number().int().min(300).max(86_400).default(3600),
      maintenanceSec: z
        .number()
        .int()
        .min(3600)
        .max(7 * 86_400)
        .default(86_400),
      healthSec: z.number().int().min(60).max(86_400).default(900),
      // Returns (issue 18): rma/read is cheap and returns move slowly.
      returnsSec: z.number().int().min(300).max(86_400).default(900),
      /** The cheap new-order check between two full new-order reads (issue 17 §5, docs/sync.md); 0 turns it off. */
      newOrdersCheckSec: z
        .number()
        .int()
        .refine((sec) => sec === 0 || (sec >= 5 && sec <= 300), SCHEMA_TEXTS.newOrdersCheck)
        .default(12),
    })
    .prefault({}),
  runTimeoutSec: z.number().int().min(30).max(3600).default(600),
  stuckTimeoutMin: z.number().int().min(5).max(60).default(15),
  retentionDays: z.number().int().min(1).max(365).default(30),
  newOrdersMaxPages: z.number().int().min(1).max(100).default(10),
  orderChangesLookbackDays: z.number().int().min(1).max(365).default(90),
  notifications: z
    .object({
      newOrder: z.boolean().default(true),
      syncFailure: z.boolean().default(true),
      awb: z.boolean().default(true),
      invoice: z.boolean().default(true),
      /** An offer went under its low-stock threshold (offer editing). */
      lowStock: z.boolean().default(true),
      // Returns and the account-health watch (issue 18).
      newReturn: z.boolean().default(true),
      accountHealth: z.boolean().default(true),
      sound: z.boolean().default(true),
      /** A pop-up when an order's shipping deadline comes within the lead time (issue 17 §1). */
      shipDeadline: z.boolean().default(true),
      shipDeadlineLeadMin: z.number().int().min(15).max(1440).default(120),
      quietHours: z
        .object({
          enabled: z.boolean().default(false),
          from: timeOfDay.default('22:00'),
          to: timeOfDay.default('07:00'),
        })
        .prefault({}),
    })
    .prefault({}),
  accountHealth: AccountHealthThresholdsSchema.prefault({}),
  startMinimized: z.boolean().default(false),
  launchAtLogin: z.boolean().default(false),
  /** Where the OS cannot encrypt passwords: 'ask' once, then 'allow' a weaker 0600 file or 'deny' (memory only). */
  unencryptedSecrets: z.enum(['ask', 'allow', 'deny']).default('ask'),
  /** Safe actions (#16): a status change waits this long in the outbox, with an "Undo", before it is sent. */
  actionUndoSec: z.number().int().min(0).max(60).default(8),
  /** Offer editing: an offer whose stock falls below this (unless it has its own) notifies once; 0 turns it off. */
  offers: z.object({ lowStockThreshold: z.number().int().min(0).max(65_535).default(3) }).prefault({}),
  /** #17 AWB: pickup address, parcel defaults, label format. */
  shipping: z.object(shippingShape).prefault({}),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: every key optional, nested objects merge. */
export const SettingsPatchSchema = z
  .object({
    language: SettingsSchema.shape.language.unwrap().optional(),
    theme: SettingsSchema.shape.theme.unwrap().optional(),
    autoAcknowledge: z.boolean().optional(),
    intervals: SettingsSchema.shape.intervals.unwrap().partial().strict().optional(),
    runTimeoutSec: SettingsSchema.shape.runTimeoutSec.unwrap().optional(),
    stuckTimeoutMin: SettingsSchema.shape.stuckTimeoutMin.unwrap().optional(),
    retentionDays: SettingsSchema.shape.retentionDays.unwrap().optional(),
    newOrdersMaxPages: SettingsSchema.shape.newOrdersMaxPages.unwrap().optional(),
    orderChangesLookbackDays: SettingsSchema.shape.orderChangesLookbackDays.unwrap().optional(),
    notifications: z
      .object({
        newOrder: z.boolean().optional(),
        syncFailure: z.boolean().optional(),
        awb: z.boolean().optional(),
        invoice: z.boolean().optional(),
        lowStock: z.boolean().optional(),
        newReturn: z.boolean().optional(),
        accountHealth: z.boolean().optional(),
        sound: z.boolean().optional(),
        shipDeadline: z.boolean().optional(),
        shipDeadlineLeadMin: SettingsSchema.shape.notifications.unwrap().shape.shipDeadlineLeadMin.unwrap().optional(),
        quietHours: z
          .object({ enabled: z.boolean().optional(), from: timeOfDay.optional(), to: timeOfDay.optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    accountHealth: AccountHealthThresholdsSchema.partial().strict().optional(),
    startMinimized: z.boolean().optional(),
    launchAtLogin: z.boolean().optional(),
    actionUndoSec: SettingsSchema.shape.actionUndoSec.unwrap().optional(),
    unencryptedSecrets: SettingsSchema.shape.unencryptedSecrets.unwrap().optional(),
    offers: SettingsSchema.shape.offers.unwrap().partial().strict().optional(),
    shipping: z
      .object({
        sender: ShippingSenderSchema.nullable().optional(),
        parcels: shippingShape.parcels.unwrap().optional(),
        envelopes: shippingShape.envelopes.unwrap().optional(),
        weightKg: shippingShape.weightKg.unwrap().optional(),
        oversize: z.boolean().optional(),
        labelFormat: z.enum(LABEL_FORMATS).optional(),
        openLabel: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Applies a validated patch; nested groups merge key by key. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  return SettingsSchema.parse({
    ...current,
    ...patch,
    intervals: { ...current.intervals, ...patch.intervals },
    accountHealth: { ...current.accountHealth, ...patch.accountHealth },
    notifications: {
      ...current.notifications,
      ...patch.notifications,
      quietHours: { ...current.notifications.quietHours, ...patch.notifications?.quietHours },
    },
    offers: { ...current.offers, ...patch.offers },
    shipping: { ...current.shipping, ...patch.shipping },
  });
}
