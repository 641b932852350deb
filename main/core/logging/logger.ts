// The one logging interface of the app: the shell backs it with electron-log, the CLI with the console, tests with memory.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured context for a log line; values are redacted before they are written anywhere. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** True when a line at `level` passes a logger configured for `threshold`. */
export function levelEnabled(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/** A logger that drops everything (the default when a caller does not care). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A logger that adds the same fields (account, job, ...) to every line it forwards. */
export function childLogger(parent: Logger, bound: LogFields): Logger {
  const merge = (fields?: LogFields): LogFields => ({ ...bound, ...fields });
  return {
    debug: (message, fields) => parent.debug(message, merge(fields)),
    info: (message, fields) => parent.info(message, merge(fields)),
    warn: (message, fields) => parent.warn(message, merge(fields)),
    error: (message, fields) => parent.error(message, merge(fields)),
  };
}
