// What every command gets: the global options resolved, and a way to open the core on the data folder.
import type { Account } from '../../shared/domain';
import type { DemoOptions } from '../core/demo';
import { createConsoleLogger, type Logger, type LogLevel } from '../core/logging';
import { createMagflowCore, type MagflowCore } from '../core/magflow';
import { chooseDataDir, prepareDataDir } from './dataDir';
import { CliFailure, UsageError } from './errors';
import type { CliIo } from './io';
import { DataDirBusyError, type DataDirLock, type LockHolder } from '../core/lock/dataDirLock';
import { lockForCommand } from './lock';
import { packageVersion } from './packageInfo';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  logLevel?: LogLevel;
}

export interface CliContext {
  io: CliIo;
}

export interface CoreSession {
  core: MagflowCore;
  logger: Logger;
  /** With `lockIfFree`: who holds the folder when this command could not take it (null when it holds it). */
  heldBy: LockHolder | null;
  /** Stops the core (aborting runs) and releases the lock; safe to call twice. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Demo mode (only `serve` and `demo` use it). Default off. */
  demo?: boolean | DemoOptions;
  /** Take the data-folder lock for this command (the ones that sync). */
  lockFor?: string;
  /** Take the lock if no other process holds it, else go on without it (a command that queues work for that one). */
  lockIfFree?: string;
  /** Default log threshold when --log-level is not given: 'error' (one-shot commands report through their output). */
  logLevel?: LogLevel;
  /** Use this folder instead of the global option (the demo's throwaway folder). */
  dataDir?: string;
}

export function dataDirOf(ctx: CliContext, globals: GlobalOptions): string {
  return chooseDataDir(globals.dataDir, ctx.io.env);
}

export async function openCore(
  ctx: CliContext,
  globals: GlobalOptions,
  options: OpenOptions = {},
): Promise<CoreSession> {
  const dataDir = prepareDataDir(options.dataDir ?? dataDirOf(ctx, globals));
  let heldBy: LockHolder | null = null;
  let lock: DataDirLock | null = options.lockFor ? lockForCommand(dataDir, options.lockFor) : null;
  if (options.lockIfFree) {
    try {
      lock = lockForCommand(dataDir, options.lockIfFree);
    } catch (error) {
      if (!(error instanceof UsageError && error.cause instanceof DataDirBusyError)) throw error;
      heldBy = error.cause.holder;
    }
  }
  const logger = createConsoleLogger({
    level: globals.logLevel ?? options.logLevel ?? 'error',
    write: (line) => ctx.io.err(line),
  });
  let core: MagflowCore;
  try {
    core = await createMagflowCore({
      dataDir,
      version: packageVersion(),
      runtime: 'browser',
      logger,
      demo: options.demo ?? false,
      ...(lock ? { dataDirLock: lock } : {}),
    });
  } catch (error) {
    lock?.release();
    throw new CliFailure(`cannot open the MagFlow database in ${dataDir}: ${(error as Error).message}`);
  }
  let closed: Promise<void> | null = null;
  return {
    core,
    logger,
    heldBy,
    close() {
      closed ??= core.stop({ abort: true }).finally(() => lock?.release());
      return closed;
    },
  };
}

/** Runs `work` with a core open, closing it however `work` ends. */
export async function withCore<T>(
  ctx: CliContext,
  globals: GlobalOptions,
  work: (session: CoreSession) => Promise<T> | T,
  options: OpenOptions = {},
): Promise<T> {
  const session = await openCore(ctx, globals, options);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/** The account a --account NAME (or positional NAME) means; a usage error naming the known ones otherwise. */
export function accountByName(core: MagflowCore, name: string): Account {
  const account = core.repos.accounts.getByName(name);
  if (account) return account;
  const known = core.repos.accounts.list().map((a) => a.name);
  throw new UsageError(
    `no account named '${name}'${known.length > 0 ? ` (accounts: ${known.join(', ')})` : '; add one with `magflow accounts add`'}`,
  );
}

export const printJson = (io: CliIo, value: unknown): void => io.out(`${JSON.stringify(value, null, 2)}\n`);
