// The two ways a command fails: a usage error (exit 2: fix the command line) and a runtime failure (exit 1).
// Either is shown as one line on stderr, never as a stack trace.

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A bad command line or a setup problem the user fixes before running again; nothing was changed. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command ran but did not succeed (eMAG refused, a sync failed, ...). */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** One line, whatever the error: the first line of its message, with control characters removed. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text
    .split(/\r?\n/)
    .map((part) => part.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' ');
  return line.slice(0, 500) || 'unknown error';
}

export const exitCodeOf = (error: unknown): number => (error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE);
