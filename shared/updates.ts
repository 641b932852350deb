// What the window shows of MagFlow's own updates (Settings → Updates): where they come from, what the updater is
// doing, its progress and its last error. Built by the desktop shell (main/shell/updates), read-only everywhere else.

export const UPDATE_STATES = [
  /** Updates are off: see `disabledReason`. */
  'disabled',
  /** Nothing to do (up to date, or not checked yet). */
  'idle',
  'checking',
  'downloading',
  /** Downloaded and verified: installed on quit, or now on the seller's click. */
  'downloaded',
  /** The seller clicked restart while a sync was running: it waits for the sync to finish. */
  'waiting-for-sync',
  'installing',
  'error',
] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

/**
 * Why updates are off: `development` (`npm start`, an unpackaged app), `no-feed` (this build was made without an update
 * feed), `unsupported-install` (an installation that cannot replace itself, e.g. an unpacked Linux folder), `headless`
 * (the command-line MagFlow and its browser window: the desktop app updates itself, not them).
 */
export type UpdateDisabledReason = 'development' | 'no-feed' | 'unsupported-install' | 'headless';

/** How this installation is replaced: the updater electron-updater uses for it. */
export type UpdateInstaller = 'deb' | 'appimage' | 'nsis' | 'mac';

export interface UpdateProgress {
  percent: number;
  transferred: number;
  total: number;
  bytesPerSecond: number;
}

export interface UpdateStatusView {
  state: UpdateState;
  disabledReason: UpdateDisabledReason | null;
  currentVersion: string;
  /** Where updates come from: an https URL, or `github:owner/repo`; null without a feed. */
  feed: string | null;
  installer: UpdateInstaller | null;
  /** The newer version found (downloading, downloaded, installing). */
  availableVersion: string | null;
  progress: UpdateProgress | null;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  /**
   * The last failure: `code` is electron-updater's (e.g. ERR_CHECKSUM_MISMATCH: the download did not match the
   * release's sha512 and was thrown away), `message` its words for the log-minded.
   */
  error: { code: string | null; message: string; at: string } | null;
}

/** The status of a MagFlow that does not update itself (the command line and the window it serves). */
export const headlessUpdateStatus = (currentVersion: string): UpdateStatusView => ({
  state: 'disabled',
  disabledReason: 'headless',
  currentVersion,
  feed: null,
  installer: null,
  availableVersion: null,
  progress: null,
  lastCheckedAt: null,
  nextCheckAt: null,
  error: null,
});
