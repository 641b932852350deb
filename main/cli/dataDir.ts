// Where MagFlow keeps its data: --data-dir, else MAGFLOW_DATA_DIR, else the folder the desktop app uses
// (Electron's app.getPath('userData') for productName "MagFlow"), so the CLI and the app share one database.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from './errors';

export const PRODUCT_NAME = 'MagFlow';

/** Mirrors Electron's appData per OS, plus the product name. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

export function chooseDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? (env.MAGFLOW_DATA_DIR?.trim() ? env.MAGFLOW_DATA_DIR : undefined);
  return resolve(chosen ?? defaultDataDir(env));
}

/** Makes sure the folder exists and is readable and writable; a usage error (exit 2) otherwise. */
export function prepareDataDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UsageError(`cannot create the data folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`the data folder ${dir} is not readable and writable`);
  }
  if (!isDir) throw new UsageError(`the data folder ${dir} is not a folder`);
  return dir;
}
