// The seller's settings: one zod schema gives the defaults, the validation of updates and the type.
import { z } from 'zod';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

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
      /** The cheap new-order check between two full new-order reads (issue 17 §5, docs/sync.md); 0 turns it off. */
      newOrdersCheckSec: z
        .number()
        .int()
        .refine((sec) => sec === 0 || (sec >= 5 && sec <= 300), 'expected 0 (off) or 5-300 seconds')
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
  startMinimized: z.boolean().default(false),
  launchAtLogin: z.boolean().default(false),
  /** Where the OS cannot encrypt passwords: 'ask' once, then 'allow' a weaker 0600 file or 'deny' (memory only). */
  unencryptedSecrets: z.enum(['ask', 'allow', 'deny']).default('ask'),
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
    startMinimized: z.boolean().optional(),
    launchAtLogin: z.boolean().optional(),
    unencryptedSecrets: SettingsSchema.shape.unencryptedSecrets.unwrap().optional(),
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
    notifications: {
      ...current.notifications,
      ...patch.notifications,
      quietHours: { ...current.notifications.quietHours, ...patch.notifications?.quietHours },
    },
  });
}
