// One eMAG client per account, built lazily with the account's secret and shared by every job (the rate limiter
// and breaker live in the client, so two clients for one account would each spend the whole budget). A changed or
// removed account's client is dropped (`accounts_changed`): the next call builds one with its new settings.
import type { Account } from '../../shared/domain';
import type { TestConnectionResult } from '../../shared/ipc';
import type { ConnectionTarget } from './accounts/service';
import {
  createEmagClient,
  describeEmagError,
  isEmagError,
  apiUrlFault,
  type EmagClient,
  type EmagClientConfig,
  type EmagClientDeps,
} from './emag';
import type { Repositories } from './db';
import { notFound } from './errors';
import type { Localized } from './messages/localized';
import { failureOf } from './failures/cause';
import type { EventBus } from './events/bus';

/** Client settings MagFlow overrides for all accounts (tests shorten retries and cool-downs). */
export type ClientTuning = Omit<Partial<EmagClientConfig>, 'account' | 'platform' | 'apiUrl' | 'username' | 'password'>;

export interface EmagClients {
  clientFor(accountId: number): EmagClient;
  /** Clients built so far, for diagnostics. */
  live(): { account: Account; client: EmagClient }[];
  testConnection(target: ConnectionTarget): Promise<TestConnectionResult>;
}

/** Why an API URL is refused, or null when it is fine (plain http only for loopback; none means the platform's). */
export function apiUrlProblem(_platform: Account['platform'], apiUrl: string | null): Localized | null {
  if (apiUrl === null || apiUrl.trim() === '') return null;
  const fault = apiUrlFault(apiUrl);
  return fault ? (text) => text.errors.accounts.apiUrl(fault) : null;
}

export function emagClients(deps: {
  repos: Repositories;
  /** The account's eMAG password (from the secret store). */
  passwordOf(accountId: number): string;
  bus: EventBus;
  clientDeps: EmagClientDeps;
  tuning?: ClientTuning;
}): EmagClients {
  const clients = new Map<number, { account: Account; client: EmagClient }>();
  deps.bus.on('accounts_changed', ({ account }) => void clients.delete(account.id));
  const build = (target: ConnectionTarget): EmagClient =>
    createEmagClient(
      {
        ...deps.tuning,
        account: target.account,
        platform: target.platform,
        ...(target.apiUrl ? { apiUrl: target.apiUrl } : {}),
        username: target.username,
        password: target.password,
      },
      deps.clientDeps,
    );

  return {
    clientFor(accountId) {
      const cached = clients.get(accountId);
      if (cached) return cached.client;
      const account = deps.repos.accounts.get(accountId);
      if (!account) throw notFound('account', accountId);
      const client = build({
        account: account.name,
        platform: account.platform,
        apiUrl: account.apiUrl,
        username: account.username,
        password: deps.passwordOf(accountId),
      });
      clients.set(accountId, { account, client });
      return client;
    },
    live: () => [...clients.values()],
    async testConnection(target) {
      try {
        // A test client of its own: a failed test must not trip the real account's breaker.
        const client = build({ ...target, account: `${target.account} (test)` });
        const count = await client.orders.count({ status: 1 }, { signal: AbortSignal.timeout(20_000) });
        return { ok: true, errorKind: null, message: `Connected: ${count.noOfItems} new orders waiting` };
      } catch (error) {
        if (isEmagError(error)) {
          return {
            ok: false,
            errorKind: error.kind,
            errorCode: error.code ?? `emag.${error.kind}`,
            ...failureOf(error),
            message: describeEmagError(error),
          };
        }
        return {
          ok: false,
          errorKind: 'internal',
          ...failureOf(error),
          message: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}
