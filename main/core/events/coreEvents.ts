// Events that stay in the main process: a write other modules keep something derived from (eMAG clients, the cache,
// the schedule, demo mode, the tray, the login item). The window never receives them: it learns of its own writes
// from the call's answer, and these carry main's internal records.
import type { Account } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';

/** An account was added, edited or removed (demo accounts too). */
export interface AccountsChangedEvent {
  type: 'accounts_changed';
  change: 'saved' | 'removed';
  account: Account;
}

/** The seller's settings were saved. */
export interface SettingsChangedEvent {
  type: 'settings_changed';
  settings: Settings;
}

/** A page of orders stored with some created or updated (an unchanged page announces nothing). */
export interface OrdersWrittenEvent {
  type: 'orders_written';
  accountId: number;
  created: number;
  updated: number;
}

/** An offers run stored new or changed offers. */
export interface OffersWrittenEvent {
  type: 'offers_written';
  accountId: number;
  changed: number;
}

export type CoreEvent = AccountsChangedEvent | SettingsChangedEvent | OrdersWrittenEvent | OffersWrittenEvent;
export type CoreEventType = CoreEvent['type'];

/** Every core event type (a record, so a new event type that is not listed does not compile). */
const CORE_EVENT_TYPES: Readonly<Record<CoreEventType, true>> = {
  accounts_changed: true,
  settings_changed: true,
  orders_written: true,
  offers_written: true,
};

export const isCoreEventType = (type: string): type is CoreEventType => Object.hasOwn(CORE_EVENT_TYPES, type);
