// Demo mode: with no real account configured, MagFlow runs against the built-in eMAG sandbox with two demo
// accounts and a live stream of orders, so a newcomer sees it working at once. A real account ends it.
import { DEMO_ACCOUNTS, startSandbox, type Sandbox } from '../sandbox';
import type { AccountService } from './accounts/service';
import type { Repositories } from './db';
import type { Logger } from './logging';

export interface DemoOptions {
  seed?: number;
  newOrderEverySec?: number;
  ordersPerAccount?: number;
  offersPerAccount?: number;
  port?: number;
}

export interface Demo {
  readonly sandbox: Sandbox;
  stop(): Promise<void>;
}

export const DEMO_ACCOUNT_NAMES = { main: 'Demo MAIN', fbe: 'Demo FBE' } as const;

export const hasRealAccount = (repos: Repositories): boolean => repos.accounts.list().some((a) => !a.isDemo);

/** Starts the sandbox and points the demo accounts at it (creating them on the first run). */
export async function startDemo(
  deps: { repos: Repositories; accounts: AccountService; logger: Logger },
  options: DemoOptions = {},
): Promise<Demo> {
  const sandbox = await startSandbox({
    port: options.port ?? 0,
    seed: options.seed ?? 7,
    ordersPerAccount: options.ordersPerAccount ?? 120,
    offersPerAccount: options.offersPerAccount ?? 60,
    newOrderEverySec: options.newOrderEverySec ?? 20,
  });
  for (const spec of DEMO_ACCOUNTS) {
    const name = DEMO_ACCOUNT_NAMES[spec.kind];
    const existing = deps.repos.accounts.getByName(name);
    deps.accounts.save({
      ...(existing ? { id: existing.id } : {}),
      name,
      platform: 'emag-ro',
      kind: spec.kind,
      username: spec.username,
      password: spec.password,
      apiUrl: sandbox.url, // the port changes on every start
      isDemo: true,
    });
  }
  deps.logger.info('demo mode: eMAG sandbox started', { url: sandbox.url });
  return {
    sandbox,
    stop: () => sandbox.close(),
  };
}

/** Leaves demo mode: removes the demo accounts (and their demo data). */
export function removeDemoAccounts(deps: { repos: Repositories; accounts: AccountService }): number {
  let removed = 0;
  for (const account of deps.repos.accounts.list()) {
    if (account.isDemo && deps.accounts.remove(account.id)) removed++;
  }
  return removed;
}
