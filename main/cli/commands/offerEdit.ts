// `offers set-price ID PRICE` and `offers set-stock ID QTY`: an offer edit checked against eMAG's rules
// (shared/offerEdits.ts: price bounds, VAT, stock 0-65535, never an FBE offer's stock), queued in the outbox and, when
// no other MagFlow process holds the data folder, sent at once (offer/save or offer_stock/{id}) and read back.
import { Command } from 'commander';
import type { Account, OfferEditField, OutboxAction } from '../../../shared/domain';
import { AppError } from '../../core/errors';
import { describeHolder } from '../../core/lock/dataDirLock';
import type { MagflowCore } from '../../core/magflow';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { CliFailure, UsageError } from '../errors';

/** The one account that has the offer (or the named one); several without --account is a usage error. */
function accountWithOffer(core: MagflowCore, offerId: number, name: string | undefined): Account {
  const candidates = name !== undefined ? [accountByName(core, name)] : core.repos.accounts.list();
  const having = candidates.filter((account) => core.repos.offers.get(account.id, offerId));
  if (having.length === 1) return having[0]!;
  if (having.length === 0) {
    throw new UsageError(
      `no offer ${offerId}${name !== undefined ? ` in account '${name}'` : ''} in the local database ` +
        '(run `magflow sync --job offers` first if it is new)',
    );
  }
  throw new UsageError(
    `offer ${offerId} exists in ${having.map((a) => `'${a.name}'`).join(' and ')}: say which with --account NAME`,
  );
}

const WORDS: Record<OfferEditField, string> = { price: 'price', stock: 'stock' };

function outcomeLine(action: OutboxAction, offerId: number, field: OfferEditField, value: string): string {
  const confirmed = Boolean(action.result?.confirmedAt);
  switch (action.state) {
    case 'sent':
      return confirmed
        ? `Offer ${offerId}: ${WORDS[field]} ${value} sent and confirmed (eMAG's offer data shows it).`
        : `Offer ${offerId}: ${WORDS[field]} ${value} sent; the offers job confirms it when eMAG's data shows it.`;
    case 'failed':
      return `eMAG refused the ${WORDS[field]} of offer ${offerId}: ${action.lastError ?? 'no reason given'}`;
    default:
      return `Queued: ${WORDS[field]} ${value} for offer ${offerId}; not sent yet${action.lastError ? `: ${action.lastError}` : ''}.`;
  }
}

function editCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions, field: OfferEditField): Command {
  const name = field === 'price' ? 'set-price' : 'set-stock';
  return new Command(name)
    .description(
      field === 'price'
        ? "set an offer's sale price without VAT (within its min/max sale price), sent with offer/save"
        : "set an offer's stock (0-65535; not for FBE offers), sent with offer_stock/{id}",
    )
    .argument('<id>', "the seller's offer id")
    .argument(field === 'price' ? '<price>' : '<qty>', field === 'price' ? 'e.g. 49.90' : 'e.g. 12')
    .option('--account <name>', 'the account of the offer (when several have that id)')
    .action(async (idText: string, value: string, options: { account?: string }, cmd: Command) => {
      if (!/^\d{1,9}$/.test(idText) || Number(idText) < 1) throw new UsageError(`'${idText}' is not an offer id`);
      const offerId = Number(idText);
      const g = globals(cmd);
      await withCore(
        ctx,
        g,
        async ({ core, heldBy }) => {
          // `offers` has its own --account (the list's filter): commander may hand the flag to it instead.
          const accountName = options.account ?? (cmd.parent?.opts() as { account?: string } | undefined)?.account;
          const account = accountWithOffer(core, offerId, accountName);
          let queued: OutboxAction;
          try {
            queued =
              field === 'price'
                ? await core.offerEdits.setPrice(account.id, offerId, value)
                : core.offerEdits.setStock(account.id, offerId, value);
          } catch (error) {
            if (error instanceof AppError && error.kind === 'validation') {
              throw new UsageError(`offer ${offerId}: ${error.issues?.[0]?.message ?? error.message}`);
            }
            throw error;
          }
          // Another MagFlow (the app, `run`) holds the folder: its scheduler sends the action within a minute.
          if (!heldBy) await core.engine.runJob('send-actions', account.id, 'manual');
          const action = core.repos.outbox.get(queued.id)!;
          const sentValue = String(queued.payload.value);
          if (g.json) {
            printJson(ctx.io, {
              account: account.name,
              offerId,
              field,
              value: sentValue,
              actionId: action.id,
              state: action.state,
              confirmed: Boolean(action.result?.confirmedAt),
              error: action.state === 'sent' ? null : action.lastError,
            });
          } else {
            ctx.io.out(
              heldBy && action.state === 'pending'
                ? `Queued: ${WORDS[field]} ${sentValue} for offer ${offerId} (${account.name}); ${describeHolder(heldBy)} sends it.\n`
                : `${outcomeLine(action, offerId, field, sentValue)}\n`,
            );
          }
          if (action.state === 'failed')
            throw new CliFailure(`the ${WORDS[field]} of offer ${offerId} was not changed`);
          if (action.state === 'pending' && !heldBy) {
            throw new CliFailure(
              `the ${WORDS[field]} of offer ${offerId} is queued but not sent yet; \`magflow run\` or the app retries it`,
            );
          }
        },
        { lockIfFree: `offers ${name}` },
      );
    });
}

/** Adds `set-price` and `set-stock` under `offers`. */
export function addOfferEditCommands(
  offers: Command,
  ctx: CliContext,
  globals: (cmd: Command) => GlobalOptions,
): Command {
  return offers.addCommand(editCommand(ctx, globals, 'price')).addCommand(editCommand(ctx, globals, 'stock'));
}
