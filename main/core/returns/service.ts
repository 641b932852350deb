// What the window and the CLI do with returns and the account-health figures: list, show, ask for a status change
// (checked against the spec's matrix here, sent by the outbox), and the health figures of each account.
import type { AccountHealthView } from '../../../shared/accountHealth';
import type { OutboxAction } from '../../../shared/domain';
import type { Paged } from '../../../shared/ipc';
import {
  allowedReturnChanges,
  ReturnsQuerySchema,
  type ReturnDetail,
  type ReturnsQuery,
  type ReturnSummary,
} from '../../../shared/returns';
import type { Settings } from '../../../shared/settings';
import { accountHealthOf } from '../accountHealth/service';
import type { Clock } from '../clock';
import type { Repositories } from '../db';
import { conflict, notFound } from '../errors';
import type { EventBus } from '../events/bus';

export interface ReturnsServiceDeps {
  repos: Repositories;
  bus: EventBus;
  clock: Clock;
  settings(): Settings;
  kickOutbox(accountId: number): void;
}

export const returnDedupeKey = (accountId: number, emagId: number, status: number): string =>
  `return:${accountId}:${emagId}:${status}`;

export function returnsService(deps: ReturnsServiceDeps) {
  const { repos } = deps;

  const get = (accountId: number, emagId: number): ReturnDetail => {
    const stored = repos.returns.get(accountId, emagId);
    if (!stored) throw notFound('return', emagId);
    const { key: _key, ...rest } = stored;
    const actions = repos.outbox.forReturn(accountId, emagId);
    // A change already on its way is not offered again.
    const pending = new Set(actions.filter((a) => a.state === 'pending').map((a) => Number(a.payload.status)));
    const allowedStatuses = stored.type === 2 ? [] : allowedReturnChanges(stored.status).filter((s) => !pending.has(s));
    return { ...rest, allowedStatuses, actions };
  };

  return {
    list: (query: ReturnsQuery): Paged<ReturnSummary> => repos.returns.list(ReturnsQuerySchema.parse(query)),
    get,

    /** Queues rma/save with the new status; the returns the spec's matrix allows from the stored status only. */
    changeStatus(accountId: number, emagId: number, status: number): OutboxAction {
      const stored = repos.returns.get(accountId, emagId);
      if (!stored) throw notFound('return', emagId);
      if (stored.type === 2) {
        throw conflict((text) => text.errors.returns.fbe(emagId));
      }
      if (!allowedReturnChanges(stored.status).includes(status as never)) {
        throw conflict((text) => text.errors.returns.statusNotAllowed(emagId, stored.status, status));
      }
      const action = repos.outbox.enqueue({
        accountId,
        orderId: stored.orderId,
        kind: 'return',
        payload: { emagId, status },
        dedupeKey: returnDedupeKey(accountId, emagId, status),
      });
      deps.bus.emit({ type: 'outbox_changed', action });
      deps.kickOutbox(accountId);
      return action;
    },

    /** The account-health figures of one account, or of every enabled account. */
    health(accountId?: number): AccountHealthView[] {
      const accounts = repos.accounts
        .list()
        .filter((account) => (accountId === undefined ? account.enabled : account.id === accountId));
      if (accountId !== undefined && accounts.length === 0) throw notFound('account', accountId);
      const now = deps.clock.now();
      return accounts.map((account) => accountHealthOf(repos, account, deps.settings(), now));
    },
  };
}

export type ReturnsService = ReturnType<typeof returnsService>;
