// The app itself: what main says about it (version, demo, folders, accounts) and the seller's settings.
import { create } from 'zustand';
import type { Account } from '../../../shared/domain';
import type { AccountInput, ChannelInput, TestConnectionResult } from '../../../shared/ipc';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import type { AppInfo } from '../../../shared/views';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { applyLanguage } from '../i18n/language';
import { oncePerTurn } from './oncePerTurn';

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  accounts: Account[];
  /** Why start-up failed (main unreachable, no API), shown instead of the screens. */
  startupError: CallError | null;
  load(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  reloadAccounts(): Promise<void>;
  saveAccount(input: AccountInput): Promise<Account>;
  removeAccount(id: number): Promise<void>;
  testAccount(input: ChannelInput<'accounts.test'>): Promise<TestConnectionResult>;
}

export const useApp = create<AppState>()((set, get) => ({
  info: null,
  settings: null,
  accounts: [],
  startupError: null,
  // The window and the settings screen (when the window opens on it) both ask at start: sent once.
  load: oncePerTurn(async () => {
    try {
      const [info, settings] = await Promise.all([call('app.info'), call('settings.get')]);
      set({ info, settings, accounts: info.accounts, startupError: null });
      await applyLanguage(settings.language);
    } catch (error) {
      set({ startupError: CallError.from(error) });
    }
  }),
  async updateSettings(patch) {
    const settings = await call('settings.update', patch);
    set({ settings });
    if (patch.language) await applyLanguage(settings.language);
  },
  async reloadAccounts() {
    set({ accounts: await call('accounts.list') });
  },
  async saveAccount(input) {
    const saved = await call('accounts.save', input);
    await get().reloadAccounts();
    return saved;
  },
  async removeAccount(id) {
    await call('accounts.remove', { id });
    await get().reloadAccounts();
  },
  testAccount(input) {
    return call('accounts.test', input);
  },
}));

/** The account's name and platform by id, for tables that only carry the id. */
export function accountById(id: number | null): Account | undefined {
  return id === null ? undefined : useApp.getState().accounts.find((a) => a.id === id);
}
