// Errors the core raises on purpose, with a kind the window can explain (the IPC layer maps them 1:1).
import type { IpcErrorKind } from '../../shared/ipc';

export class AppError extends Error {
  constructor(
    readonly kind: Exclude<IpcErrorKind, 'unknown_channel' | 'internal'>,
    message: string,
    /** For `validation`: the fields that are wrong and why (the window shows each beside its field). */
    readonly issues?: { path: string; message: string }[],
    /** A language-neutral reason the window can explain (IpcError.code), e.g. `bucket.auth`. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Input that passed the IPC schema but breaks a rule only main can check (e.g. the order's own data). */
export const invalidInput = (issues: { path: string; message: string }[]): AppError =>
  new AppError(
    'validation',
    issues[0] ? `Invalid input at ${issues[0].path}: ${issues[0].message}` : 'Invalid input',
    issues,
  );

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const conflict = (message: string): AppError => new AppError('conflict', message);
