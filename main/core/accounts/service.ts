// Adding, editing, removing and testing seller accounts: the password goes to the secret store, never the DB.
import { randomUUID } from 'node:crypto';
import type { Account } from '../../../shared/domain';
import type { AccountInput, TestConnectionResult } from '../../../shared/ipc';
import type { Repositories } from '../db';
import { conflict, notFound } from '../errors';
import type { Language } from '../messages/catalogue';
import { render, type Localized } from '../messages/localized';
import type { EventBus } from '../events/bus';
import type { SecretStore } from '../secrets/store';

export interface ConnectionTarget {
  account: string;
  platform: Account['platform'];
  apiUrl: string | null;
  username: string;
  password: string;
}

export interface AccountServiceDeps {
  repos: Repositories;
  secrets: SecretStore;
  /** Refuses a bad API URL (plain http off loopback, not a URL) with a message the seller can act on. */
  checkApiUrl(platform: Account['platform'], apiUrl: string | null): Localized | null;
  /** One cheap authenticated call. */
  testConnection(target: ConnectionTarget): Promise<TestConnectionResult>;
  /** Hears `accounts_changed` after every save and removal. */
  bus: EventBus;
  /** The window's language, for a test's refusal it shows (English when absent: the CLI's). */
  language?: () => Language;
}

/** The account's eMAG password from the secret store; a clear error when it is missing. */
export function accountPassword(repos: Repositories, secrets: SecretStore, id: number): string {
  const ref = repos.accounts.secretRef(id);
  const password = ref ? secrets.get(ref) : undefined;
  if (!password) throw conflict((text) => text.errors.accounts.noPassword(id));
  return password;
}

type SaveInput = Omit<AccountInput, 'enabled'> & { enabled?: boolean; isDemo?: boolean };

export function accountService(deps: AccountServiceDeps) {
  const { repos, secrets, bus } = deps;

  const validateUrl = (platform: Account['platform'], apiUrl: string | null | undefined) => {
    const problem = deps.checkApiUrl(platform, apiUrl ?? null);
    if (problem) throw conflict(problem);
  };

  return {
    list: (): Account[] => repos.accounts.list(),

    save(input: SaveInput): Account {
      validateUrl(input.platform, input.apiUrl);
      const sameName = repos.accounts.getByName(input.name);
      if (sameName && sameName.id !== input.id) throw conflict((text) => text.errors.accounts.nameTaken(input.name));
      if (input.id === undefined) {
        if (!input.password) throw conflict((text) => text.errors.accounts.needsPassword);
        const secretRef = `account:${randomUUID()}`;
        secrets.set(secretRef, input.password);
        const account = repos.accounts.create({
          name: input.name,
          platform: input.platform,
          kind: input.kind,
          username: input.username,
          apiUrl: input.apiUrl ?? null,
          secretRef,
          enabled: input.enabled ?? true,
          isDemo: input.isDemo ?? false,
        });
        bus.emit({ type: 'accounts_changed', change: 'saved', account });
        return account;
      }
      const existing = repos.accounts.get(input.id);
      if (!existing) throw notFound('account', input.id);
      if (input.password) secrets.set(repos.accounts.secretRef(input.id)!, input.password);
      const account = repos.accounts.update(input.id, {
        name: input.name,
        platform: input.platform,
        kind: input.kind,
        username: input.username,
        apiUrl: input.apiUrl ?? null,
        enabled: input.enabled ?? existing.enabled,
      })!;
      bus.emit({ type: 'accounts_changed', change: 'saved', account });
      return account;
    },

    remove(id: number): boolean {
      const account = repos.accounts.get(id);
      if (!account) return false;
      const secretRef = repos.accounts.secretRef(id);
      repos.accounts.remove(id);
      if (secretRef) secrets.delete(secretRef);
      bus.emit({ type: 'accounts_changed', change: 'removed', account });
      return true;
    },

    passwordOf: (id: number): string => accountPassword(repos, secrets, id),

    async test(
      input:
        | { id: number }
        | {
            platform: Account['platform'];
            kind: Account['kind'];
            username: string;
            password: string;
            apiUrl?: string | null;
          },
    ): Promise<TestConnectionResult> {
      let target: ConnectionTarget;
      if ('id' in input) {
        const account = repos.accounts.get(input.id);
        if (!account) throw notFound('account', input.id);
        target = {
          account: account.name,
          platform: account.platform,
          apiUrl: account.apiUrl,
          username: account.username,
          password: accountPassword(repos, secrets, account.id),
        };
      } else {
        const problem = deps.checkApiUrl(input.platform, input.apiUrl ?? null);
        if (problem) {
          const message = render(problem, deps.language?.() ?? 'en');
          return { ok: false, errorKind: 'config', cause: 'config', reason: null, message };
        }
        target = {
          account: 'test',
          platform: input.platform,
          apiUrl: input.apiUrl ?? null,
          username: input.username,
          password: input.password,
        };
      }
      return deps.testConnection(target);
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
