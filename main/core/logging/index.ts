// Public surface of the logging module: one Logger interface, redaction, and the console/memory sinks.
export { childLogger, levelEnabled, LOG_LEVELS, silentLogger } from './logger';
export type { LogFields, Logger, LogLevel } from './logger';
export { redact, redactFields, redactText, REDACTED, withRedaction } from './redact';
export type { RedactOptions } from './redact';
export { createConsoleLogger, formatLogLine } from './consoleLogger';
export type { ConsoleLoggerOptions } from './consoleLogger';
export { createMemoryLogger } from './memoryLogger';
export type { LogEntry, MemoryLogger, MemoryLoggerOptions } from './memoryLogger';
