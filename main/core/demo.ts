// Demo mode: with no real account configured, MagFlow runs against the built-in eMAG sandbox with two demo
// accounts and a live stream of orders, so a newcomer sees it working at once. A real account ends it. This is the
// only module of the core that uses the sandbox.
import { DEMO_ACCOUNTS, startSandbox, type Sandbox } from '../sandbox';
import type { AccountService } from './accounts/service';
import type { Repositories } from './db';
import type { EventBus } from './events/bus';
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

/** The demo accounts' passwords: public (printed by the sandbox), so never a secret to protect or ask about. */
export const DEMO_PASSWORDS: ReadonlySet<string> = new Set(DEMO_ACCOUNTS.map((account) => account.password));

export const hasRealAccount = (repos: Repositories): boolean => repos.accounts.list().some((a) => !a.isDemo);

interface DemoDeps {
  repos: Repositories;
  accounts: AccountService;
  bus: EventBus;
  logger: Logger;
}

/** Starts the sandbox and points the demo accounts at it (creating them on the first run). */
async function startDemo(
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

export interface DemoMode {
  /** Starts the demo when no real account exists; then a real account saved (`accounts_changed`) ends it. */
  startIfNoRealAccount(options: DemoOptions): Promise<void>;
  /** The running demo, or null. */
  current(): Demo | null;
  isActive(): boolean;
  stop(): Promise<void>;
}

export function demoMode(deps: DemoDeps): DemoMode {
  let demo: Demo | null = null;
  let unsubscribe: (() => void) | null = null;

  const leave = async (): Promise<void> => {
    if (!demo || !hasRealAccount(deps.repos)) return;
    const ending = demo;
    demo = null;
    unsubscribe?.();
    unsubscribe = null;
    removeDemoAccounts(deps);
    await ending.stop();
    deps.logger.info('demo mode ended: a real account was added');
  };

  return {
    async startIfNoRealAccount(options) {
      if (hasRealAccount(deps.repos)) return;
      demo = await startDemo(deps, options);
      unsubscribe = deps.bus.on('accounts_changed', ({ account }) => {
        if (!account.isDemo) void leave().catch((error) => deps.logger.error('leaving demo mode failed', { error }));
      });
    },
    current: () => demo,
    isActive: () => demo !== null,
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      const running = demo;
      demo = null;
      await running?.stop();
    },
  };
}
