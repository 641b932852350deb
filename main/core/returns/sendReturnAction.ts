// Sends a return's status change (outbox kind 'return') with rma/save. The return is read again first: eMAG's copy
// is the base of the write (the spec's save takes the same fields as the read), a return already in the asked
// status is done without a request, and a change the spec's matrix no longer allows is refused with the reason.
import type { OutboxAction } from '../../../shared/domain';
import type { MagflowEvent } from '../../../shared/events';
import { allowedReturnChanges, isReturnStatus } from '../../../shared/returns';
import type { EmagRma } from '../emag';
import { rawOf, type TolerantPage } from '../emag/tolerant';
import { accountOf, type JobContext } from '../sync/context';
import { PermanentActionError } from '../sync/outboxPolicy';
import { storeReturns } from './storeReturns';

interface ReturnDone {
  result: Record<string, unknown>;
  events?: MagflowEvent[];
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

async function readReturn(ctx: JobContext, emagId: number): Promise<TolerantPage<EmagRma>> {
  const client = ctx.client();
  return ctx.call((options) => client.rma.readPage({ emag_id: emagId }, options));
}

export async function sendReturnAction(ctx: JobContext, action: OutboxAction): Promise<ReturnDone> {
  accountOf(ctx);
  const emagId = Number(action.payload.emagId);
  const status = Number(action.payload.status);
  if (!Number.isSafeInteger(emagId) || emagId < 1) {
    throw new PermanentActionError('action.return_no_id', {}, 'The return action has no return id');
  }
  if (!isReturnStatus(status)) {
    throw new PermanentActionError(
      'action.return_status_unknown',
      { status: String(action.payload.status) },
      `The return action asks for an unknown status ${status}`,
    );
  }

  const page = await readReturn(ctx, emagId);
  const fresh = page.items.find((rma) => rma.emag_id === emagId);
  if (!fresh) {
    if (page.setAside.length > 0) {
      const detail = page.setAside[0]!.reason;
      throw new PermanentActionError(
        'action.return_unreadable',
        { returnId: emagId, detail },
        `Return ${emagId} cannot be read: ${detail}`,
      );
    }
    throw new PermanentActionError(
      'action.return_unknown_at_emag',
      { returnId: emagId },
      `eMAG does not know return ${emagId}`,
    );
  }
  storeReturns(ctx, [fresh], [], true);
  const current = fresh.request_status ?? -1;
  if (current === status) return { result: { emagId, status, verified: true } };
  if (!allowedReturnChanges(current).includes(status)) {
    throw new PermanentActionError(
      'action.return_change_not_allowed',
      { returnId: emagId, from: current, to: status },
      `Return ${emagId} is in status ${current} on eMAG; it cannot move to ${status} (spec: status change permissions)`,
    );
  }
  const client = ctx.client();
  await ctx.call((options) => client.rma.save([{ ...asRecord(rawOf(fresh)), request_status: status }], options));
  const after = await readReturn(ctx, emagId);
  storeReturns(ctx, after.items, after.setAside, true);
  return { result: { emagId, status } };
}
