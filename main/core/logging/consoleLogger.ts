// Logger for the headless CLI: one redacted line per event on stderr (stdout stays free for command output).
import { levelEnabled, type LogFields, type Logger, type LogLevel } from './logger';
import { redactFields, redactText } from './redact';

export interface ConsoleLoggerOptions {
  level?: LogLevel;
  /** Extra literal secrets to remove from every line. */
  secrets?: readonly string[];
  /** Where lines go; defaults to process.stderr. */
  write?: (line: string) => void;
  now?: () => Date;
}

/** Formats one line: `2025-01-31T10:00:00.000Z WARN message {"field":1}`. */
export function formatLogLine(at: Date, level: LogLevel, message: string, fields?: LogFields): string {
  const tail = fields && Object.keys(fields).length > 0 ? ` ${safeJson(fields)}` : '';
  return `${at.toISOString()} ${level.toUpperCase()} ${message}${tail}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '"[unserializable]"';
  }
}

export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const threshold = options.level ?? 'info';
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const redaction = { secrets: options.secrets ?? [] };
  const log =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (!levelEnabled(level, threshold)) return;
      write(formatLogLine(now(), level, redactText(message, redaction), redactFields(fields, redaction)));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
