// The desktop app takes the same data-folder lock as `magflow run`, `sync`, `serve` and `demo` (main/core/lock), before
// it opens the database. When a command-line MagFlow holds the folder, the seller is told which one (command, pid,
// since when) and chooses: stop it and try again, or quit. There is no read-only mode beside it: the window's
// actions write too (acknowledge, status, AWB), and two processes syncing the same accounts would repeat them.
// The question is an asynchronous message box without a parent: no window exists yet.
import type { Settings } from '../../shared/settings';
import { DataDirBusyError, localTime, lockDataDir, type DataDirLock, type LockHolder } from '../core/lock/dataDirLock';
import type { Logger } from '../core/logging';
import { messages } from '../core/messages/catalogue';
import type { DialogPort, MessageBoxSpec } from './ports';

/** What the holder record says the desktop app is. */
export const DESKTOP_APP_COMMAND = 'the MagFlow desktop app';

export const TRY_AGAIN = 0;

export function folderInUseText(language: Settings['language'], holder: LockHolder | null, dataDir: string) {
  const text = messages(language).dialogs;
  const who = holder ? text.lockHolder(holder.command, holder.pid, holder.host, localTime(holder.since)) : null;
  return text.folderInUse(who, dataDir);
}

export interface ClaimDeps {
  dataDir: string;
  dialog: Pick<DialogPort, 'showMessageBox'>;
  language: Settings['language'];
  logger: Logger;
}

/** The lock, or null when the seller chose to quit. A lock that cannot be taken at all throws (the app explains it). */
export async function claimDataDir(deps: ClaimDeps): Promise<DataDirLock | null> {
  for (;;) {
    try {
      const lock = lockDataDir(deps.dataDir, DESKTOP_APP_COMMAND);
      if (lock.tookOverFrom) {
        deps.logger.warn('took over the data folder from a MagFlow process that stopped without releasing it', {
          previous: lock.tookOverFrom,
        });
      }
      return lock;
    } catch (error) {
      if (!(error instanceof DataDirBusyError)) throw error;
      deps.logger.warn('the data folder is in use by another MagFlow process', { holder: error.holder });
      const text = folderInUseText(deps.language, error.holder, deps.dataDir);
      const spec: MessageBoxSpec = { type: 'warning', ...text, defaultId: TRY_AGAIN, cancelId: 1, noLink: true };
      const { response } = await deps.dialog.showMessageBox(null, spec);
      if (response !== TRY_AGAIN) return null;
    }
  }
}
