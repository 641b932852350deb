// What the desktop scenarios do through the app's own doors: call window.magflow from the page (as the window's
// code does), drive the demo's eMAG sandbox through its control route, and read the app's database afterwards.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../main/core/magflow';
import type { Account } from '../../../shared/domain';
import type { IpcResult } from '../../../shared/ipc';
import type { DesktopApp } from './client';

/** window.magflow.invoke from the page's main world. */
export function invokeInPage<T>(app: DesktopApp, channel: string, input?: unknown): Promise<IpcResult<T>> {
  const args = input === undefined ? '' : `, ${JSON.stringify(input)}`;
  return app.evaluate<IpcResult<T>>(`window.magflow.invoke(${JSON.stringify(channel)}${args})`);
}

/** The demo sandbox's control route (the demo accounts point at it). */
export async function demoControl(
  app: DesktopApp,
): Promise<(method: string, path: string, body?: unknown) => Promise<unknown>> {
  const accounts = await invokeInPage<Account[]>(app, 'accounts.list');
  if (!accounts.ok) throw new Error(`accounts.list failed: ${JSON.stringify(accounts.error)}`);
  const apiUrl = accounts.value.find((a) => a.isDemo)?.apiUrl;
  if (!apiUrl) throw new Error('no demo account');
  const base = `${new URL(apiUrl).origin}/__control`;
  return async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
}

/** The app's database, read-only (the app keeps writing it; WAL lets both be open). */
export function appDatabase(app: DesktopApp): Database.Database {
  return new Database(join(app.home, '.config', 'MagFlow', DATABASE_FILE), { readonly: true, fileMustExist: true });
}

export interface RunRow {
  id: number;
  job: string;
  account_id: number | null;
  mode: string;
  status: string;
  error: string | null;
  error_kind: string | null;
  created: number;
}

export function syncRuns(app: DesktopApp, where = '1 = 1'): RunRow[] {
  const db = appDatabase(app);
  try {
    return db
      .prepare(
        `SELECT id, job, account_id, mode, status, error, error_kind, created FROM sync_runs WHERE ${where} ORDER BY id`,
      )
      .all() as RunRow[];
  } finally {
    db.close();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value (not undefined/false), or fails with `what`. */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(100);
  }
}
