// The desktop log: electron-log writing main.log in the user logs folder, rotated by size (a few files kept),
// every line redacted (passwords, Authorization headers, Basic tokens) before it reaches any transport.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LogFields, Logger, LogLevel } from '../core/logging';
import { redact, redactText } from '../core/logging';

export const LOG_FILE = 'main.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** main.log plus this many older files: main.1.log (newest) ... main.N.log. */
export const LOG_KEEP = 4;

/** The part of electron-log's main logger MagFlow configures (tests pass a fake shaped like it). */
export type ElectronLogLike = Pick<
  typeof import('electron-log/main'),
  'transports' | 'hooks' | 'debug' | 'info' | 'warn' | 'error' | 'errorHandler'
>;

/** Shifts main.log → main.1.log → main.2.log ..., dropping the oldest. Synchronous, as electron-log requires. */
export function rotateLogFiles(current: string, keep: number = LOG_KEEP): void {
  const numbered = (n: number) => current.replace(/\.log$/, `.${n}.log`);
  const oldest = numbered(keep);
  if (existsSync(oldest)) rmSync(oldest, { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  if (existsSync(current)) renameSync(current, numbered(1));
}

/** Redacts every argument of a log call (strings and structured fields alike). */
export function redactLogData(data: unknown[]): unknown[] {
  return data.map((item) => {
    if (typeof item === 'string') return redactText(item);
    if (item instanceof Error) {
      const copy = new Error(redactText(item.message));
      copy.name = item.name;
      copy.stack = item.stack === undefined ? undefined : redactText(item.stack);
      return copy;
    }
    return redact(item);
  });
}

export function configureElectronLog(log: ElectronLogLike, options: { logsDir: string; level: LogLevel }): Logger {
  const file = join(options.logsDir, LOG_FILE);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = options.level;
  log.transports.file.archiveLogFn = (old) => rotateLogFiles(old.path);
  log.transports.console.level = options.level === 'debug' ? 'debug' : 'warn';
  log.hooks.push((message) => ({ ...message, data: redactLogData(message.data) }));
  // Uncaught errors of the main process are logged instead of a raw crash dialog.
  log.errorHandler?.startCatching({ showDialog: false });
  const write =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (fields && Object.keys(fields).length > 0) log[level](message, fields);
      else log[level](message);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
