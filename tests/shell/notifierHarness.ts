// The notifier with fake OS notifications, a recorded "open" and settings a test can change: the setup the
// notifier and today tests share.
import { createEventBus } from '../../main/core/events/bus';
import { createMemoryLogger } from '../../main/core/logging';
import { createNotifier, type NavigateTarget, type NotifierDeps } from '../../main/shell/notifier';
import { DEFAULT_SETTINGS, mergeSettings, type Settings, type SettingsPatch } from '../../shared/settings';
import { FakeNotification } from './fakeElectron';

export type NotifierHarnessOptions = Partial<Omit<NotifierDeps, 'notifications' | 'settings' | 'open' | 'logger'>> &
  Pick<NotifierDeps, 'accountName'> & { settings: SettingsPatch };

export function notifierHarness({ settings: patch, bus = createEventBus(), ...deps }: NotifierHarnessOptions) {
  const shown: FakeNotification[] = [];
  const opened: NavigateTarget[] = [];
  let settings: Settings = mergeSettings(DEFAULT_SETTINGS, patch);
  const notifier = createNotifier({
    ...deps,
    bus,
    notifications: {
      isSupported: () => true,
      create: (spec) => {
        const n = new FakeNotification(spec);
        shown.push(n);
        return n;
      },
    },
    settings: () => settings,
    open: (to) => void opened.push(to),
    logger: createMemoryLogger(),
  });
  return {
    bus,
    notifier,
    shown,
    opened,
    setSettings: (next: SettingsPatch) => (settings = mergeSettings(settings, next)),
  };
}
