// MagFlow's own updates as the core's IPC handlers see them. The desktop shell drives electron-updater
// (main/shell/updates) and passes its controller in as this port, so `updates.*` answers the same over Electron's IPC
// and the browser bridge. The headless CLI (and the window it serves) gets `headlessUpdates`: updates are the
// desktop app's business there.
import { headlessUpdateStatus, type UpdateStatusView } from '../../shared/updates';
import { AppError } from './errors';

export interface UpdatesPort {
  status(): UpdateStatusView;
  /** Asks the feed now; resolves with the status once the check has started (progress follows as events). */
  check(): Promise<UpdateStatusView>;
  /** Installs the downloaded update (after any running sync) and restarts. */
  install(): Promise<UpdateStatusView>;
}

export function headlessUpdates(version: string): UpdatesPort {
  const status = (): UpdateStatusView => headlessUpdateStatus(version);
  return {
    status,
    check: async () => status(),
    install: async () => {
      throw new AppError('unavailable', (text) => text.errors.updates.desktopOnly, undefined, 'updates.disabled');
    },
  };
}
