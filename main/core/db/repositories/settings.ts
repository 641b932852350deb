// The seller's settings, stored as one validated JSON document; unknown or invalid stored values fall back
// to defaults rather than stopping the app.
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  mergeSettings,
  type Settings,
  type SettingsPatch,
} from '../../../../shared/settings';
import type { Db } from '../open';

const KEY = 'app';

export function settingsRepository(db: Db) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const get = (): Settings => {
    const row = select.get(KEY);
    if (!row) return DEFAULT_SETTINGS;
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
  };
  return {
    get,
    update(patch: SettingsPatch): Settings {
      const next = mergeSettings(get(), patch);
      upsert.run(KEY, JSON.stringify(next));
      return next;
    },
    /** Small key/value state that is not a user setting (e.g. window bounds, first-run flags). */
    getValue: (key: string): string | undefined => (key === KEY ? undefined : select.get(key)?.value),
    setValue: (key: string, value: string): void => {
      if (key === KEY) throw new Error('reserved settings key');
      upsert.run(key, value);
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
