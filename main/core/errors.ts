// Errors the core raises on purpose, with a kind the window can explain (the IPC layer maps them 1:1).
import type { IpcErrorKind } from '../../shared/ipc';

export class AppError extends Error {
  constructor(
    readonly kind: Exclude<IpcErrorKind, 'validation' | 'unknown_channel' | 'internal'>,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const conflict = (message: string): AppError => new AppError('conflict', message);
