// Reading and saving the seller's settings; every save is announced (`settings_changed`) to what follows them: the
// schedule, the login item, the language Chromium starts with, the tray.
import type { Settings, SettingsPatch } from '../../../shared/settings';
import type { Repositories } from '../db';
import type { EventBus } from '../events/bus';

export function settingsService(deps: { repos: Repositories; bus: EventBus }) {
  const { repos, bus } = deps;
  return {
    get: (): Settings => repos.settings.get(),
    /** Validates and merges the patch, stores it, announces it; returns the settings now in force. */
    update(patch: SettingsPatch): Settings {
      const settings = repos.settings.update(patch);
      bus.emit({ type: 'settings_changed', settings });
      return settings;
    },
  };
}

export type SettingsService = ReturnType<typeof settingsService>;
