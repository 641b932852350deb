// Logger that keeps entries in memory, so tests can assert on exactly what was logged.
import type { LogFields, Logger, LogLevel } from './logger';
import { redactFields, redactText } from './redact';

export interface LogEntry {
  level: LogLevel;
  message: string;
  fields?: LogFields;
}

export interface MemoryLogger extends Logger {
  readonly entries: LogEntry[];
  /** Every entry serialised as one text line (message + JSON fields), for "never contains" assertions. */
  lines(): string[];
  clear(): void;
}

export interface MemoryLoggerOptions {
  /**
   * Redact like the real sinks do (default true). Tests that prove a component redacts on its own
   * pass false, so the logger records exactly what the component emitted.
   */
  redact?: boolean;
}

export function createMemoryLogger(options: MemoryLoggerOptions = {}): MemoryLogger {
  const entries: LogEntry[] = [];
  const shouldRedact = options.redact ?? true;
  const log =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      const entry: LogEntry = shouldRedact
        ? { level, message: redactText(message), fields: redactFields(fields) }
        : { level, message, fields };
      if (entry.fields === undefined) delete entry.fields;
      entries.push(entry);
    };
  return {
    entries,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    lines: () => entries.map((e) => `${e.level} ${e.message}${e.fields ? ` ${serialise(e.fields)}` : ''}`),
    clear: () => void entries.splice(0, entries.length),
  };
}

/** JSON with Errors expanded (their message and stack are not enumerable, but they can carry secrets). */
function serialise(fields: LogFields): string {
  return JSON.stringify(fields, (_key, value: unknown) =>
    value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value,
  );
}
