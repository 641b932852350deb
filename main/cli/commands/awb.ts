// `magflow awb`: AWBs issued with the saved defaults (pickup address, parcels, weight: `awb defaults`), their labels
// fetched from eMAG (awb/read_pdf) and saved under the data folder (several orders: one merged PDF), and the
// locality search that finds the eMAG locality id of a pickup address. The CLI opens no viewer: it prints the path.
import { Command, Option } from 'commander';
import { LABEL_FORMATS, ShippingSenderSchema, type LabelFormat } from '../../../shared/settings';
import { localityLabel } from '../../../shared/shipping';
import { AppError } from '../../core/errors';
import { describeHolder } from '../../core/lock/dataDirLock';
import type { MagflowCore } from '../../core/magflow';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { CliFailure, UsageError } from '../errors';
import { accountWithOrder } from './invoice';

interface OrderOptions {
  account?: string;
  format?: LabelFormat;
  label?: boolean;
}

interface DefaultsOptions {
  name?: string;
  contact?: string;
  phone?: string;
  localityId?: string;
  street?: string;
  zipcode?: string;
  parcels?: string;
  envelopes?: string;
  weight?: string;
  format?: LabelFormat;
}

const formatOption = () =>
  new Option('--format <format>', 'label paper format (default: the saved one)').choices([...LABEL_FORMATS]);

function orderNumber(text: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 4_294_967_295) {
    throw new UsageError(`'${text}' is not an eMAG order number`);
  }
  return Number(text);
}

/** A failed call of the core as the CLI reports it: input and missing defaults are the user's to fix. */
function rethrow(error: unknown): never {
  if (error instanceof AppError) {
    const issue = error.issues?.[0];
    if (issue?.path === 'shipping.sender') {
      throw new UsageError('no pickup address saved: run `magflow awb defaults --name ... --street ...` first');
    }
    const reason = issue
      ? `${issue.path}: ${issue.message}` +
        (issue.path.startsWith('receiver.') ? " (the order's address has a gap: issue this AWB in the app)" : '')
      : error.message;
    throw error.kind === 'validation' ? new UsageError(reason) : new CliFailure(reason);
  }
  throw error;
}

const labelLine = (path: string, pages: number): string =>
  `Label saved: ${path} (${pages} ${pages === 1 ? 'page' : 'pages'})\n`;

function integer(text: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag}: ${min} to ${max}`);
  return value;
}

function showDefaults(core: MagflowCore): string {
  const s = core.settings.get().shipping;
  const sender = s.sender
    ? `${s.sender.name}, ${s.sender.contact}, ${s.sender.phone}, ${s.sender.street}, ` +
      `locality ${s.sender.localityId}${s.sender.localityName ? ` (${s.sender.localityName})` : ''}`
    : 'not saved (eMAG needs it for every AWB)';
  return [
    `pickup address: ${sender}`,
    `parcels:        ${s.parcels}`,
    `envelopes:      ${s.envelopes}`,
    `weight:         ${s.weightKg} kg`,
    `label format:   ${s.labelFormat}`,
    '',
  ].join('\n');
}

export function awbCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  const awb = new Command('awb').description('issue AWBs with the saved defaults and save their labels');

  awb
    .command('issue')
    .description('issue the AWB of an order with the saved defaults, then save its label')
    .argument('<order>', 'eMAG order number')
    .option('--account <name>', 'the account of the order (when several have that number)')
    .addOption(formatOption())
    .option('--no-label', 'do not fetch the label')
    .action(async (orderText: string, options: OrderOptions, cmd: Command) => {
      const orderId = orderNumber(orderText);
      const g = globals(cmd);
      await withCore(
        ctx,
        g,
        async ({ core, heldBy }) => {
          const account = accountWithOrder(core, orderId, options.account);
          let queued;
          try {
            queued = core.shipping.issueWithDefaults(account.id, orderId);
          } catch (error) {
            rethrow(error);
          }
          // Another MagFlow (the app, `run`) holds the folder: its scheduler sends it within a minute.
          if (!heldBy) await core.engine.runJob('send-actions', account.id, 'manual');
          const action = core.repos.outbox.get(queued.id)!;
          const awbNumber = typeof action.result?.awbNumber === 'string' ? action.result.awbNumber : null;
          let label = null;
          if (action.state === 'sent' && options.label !== false) {
            try {
              label = await core.shipping.label(account.id, orderId, { format: options.format, open: false });
            } catch (error) {
              ctx.io.err(`The AWB exists but its label could not be fetched: ${(error as Error).message}\n`);
            }
          }
          if (g.json) {
            printJson(ctx.io, {
              account: account.name,
              orderId,
              actionId: action.id,
              state: action.state,
              awbNumber,
              error: action.state === 'sent' ? null : action.lastError,
              label,
            });
          } else if (action.state === 'sent') {
            ctx.io.out(`AWB ${awbNumber ?? '(number not known yet)'} issued for order ${orderId} (${account.name}).\n`);
            if (label) ctx.io.out(labelLine(label.path, label.pages));
          } else if (action.state === 'pending' && heldBy) {
            ctx.io.out(`Queued for order ${orderId} (${account.name}); ${describeHolder(heldBy)} sends it.\n`);
          } else {
            ctx.io.out(`eMAG did not issue the AWB for order ${orderId}: ${action.lastError ?? 'not sent yet'}\n`);
          }
          if (action.state === 'failed') throw new CliFailure(`no AWB for order ${orderId}`);
          if (action.state === 'pending' && !heldBy) {
            throw new CliFailure(`the AWB of order ${orderId} is queued but not sent yet; \`magflow run\` retries it`);
          }
        },
        { lockIfFree: 'awb issue' },
      );
    });

  awb
    .command('label')
    .description('save the label of one order, or of several merged into one PDF, and print where')
    .argument('<orders...>', 'eMAG order numbers')
    .option('--account <name>', 'the account of the orders (when several have those numbers)')
    .addOption(formatOption())
    .action(async (orderTexts: string[], options: OrderOptions, cmd: Command) => {
      const orderIds = orderTexts.map(orderNumber);
      const g = globals(cmd);
      await withCore(ctx, g, async ({ core }) => {
        const orders = orderIds.map((orderId) => ({
          accountId: accountWithOrder(core, orderId, options.account).id,
          orderId,
        }));
        try {
          if (orders.length === 1) {
            const label = await core.shipping.label(orders[0]!.accountId, orderIds[0]!, {
              format: options.format,
              open: false,
            });
            if (g.json) printJson(ctx.io, label);
            else ctx.io.out(labelLine(label.path, label.pages));
            return;
          }
          const merged = await core.shipping.mergedLabels(orders, { format: options.format, open: false });
          if (g.json) printJson(ctx.io, merged);
          else {
            ctx.io.out(labelLine(merged.path, merged.pages));
            for (const o of merged.orders.filter((o) => !o.ok)) ctx.io.out(`Order ${o.orderId} left out: ${o.error}\n`);
          }
          if (merged.orders.some((o) => !o.ok)) throw new CliFailure('some labels could not be fetched');
        } catch (error) {
          rethrow(error);
        }
      });
    });

  awb
    .command('localities')
    .description("find eMAG's locality id by the town's name (for the pickup address)")
    .argument('<name>', 'the beginning of the name, e.g. Flor')
    .option('--county <county>', 'only in this county')
    .option('--account <name>', 'the account to ask eMAG with (default: the first)')
    .action(async (name: string, options: { county?: string; account?: string }, cmd: Command) => {
      if (name.trim().length < 2 || name.trim().length > 60) throw new UsageError('the name: 2 to 60 characters');
      const g = globals(cmd);
      await withCore(ctx, g, async ({ core }) => {
        const account = options.account ? accountByName(core, options.account) : core.repos.accounts.list()[0];
        if (!account) throw new UsageError('no account yet: add one with `magflow accounts add`');
        const found = await core.shipping.searchLocalities(account.id, name, options.county);
        if (g.json) printJson(ctx.io, found);
        else if (found.length === 0) ctx.io.out(`No locality starts with '${name}'.\n`);
        else for (const l of found) ctx.io.out(`${String(l.id).padStart(10)}  ${localityLabel(l)}  ${l.zipcode}\n`);
      });
    });

  awb
    .command('defaults')
    .description('show, or change, the pickup address and parcel defaults AWBs are issued with')
    .option('--name <text>', 'sender name (the company), 3 to 255 characters')
    .option('--contact <text>', 'contact person')
    .option('--phone <digits>', '8 to 11 digits, optionally starting with +')
    .option('--locality-id <id>', "eMAG's locality id (find it with `magflow awb localities NAME`)")
    .option('--street <text>', 'street and number')
    .option('--zipcode <text>', 'postal code')
    .option('--parcels <n>', 'parcels per AWB (0-99)')
    .option('--envelopes <n>', 'envelopes per AWB (0-99)')
    .option('--weight <kg>', 'weight in kg')
    .addOption(new Option('--format <format>', 'label paper format').choices([...LABEL_FORMATS]))
    .action(async (options: DefaultsOptions, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const current = core.settings.get().shipping;
        const senderFlags = [options.name, options.contact, options.phone, options.localityId, options.street];
        let sender = current.sender;
        if (senderFlags.some((v) => v !== undefined) || options.zipcode !== undefined) {
          const parsed = ShippingSenderSchema.safeParse({
            name: options.name ?? current.sender?.name,
            contact: options.contact ?? current.sender?.contact ?? options.name ?? current.sender?.name,
            phone: (options.phone ?? current.sender?.phone ?? '').replace(/[\s.-]/g, ''),
            localityId: options.localityId !== undefined ? Number(options.localityId) : current.sender?.localityId,
            street: options.street ?? current.sender?.street,
            ...((options.zipcode ?? current.sender?.zipcode)
              ? { zipcode: options.zipcode ?? current.sender?.zipcode }
              : {}),
          });
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const flag = String(issue?.path[0] ?? 'input').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
            throw new UsageError(`--${flag}: ${issue?.message ?? 'invalid'}`);
          }
          sender = parsed.data;
        }
        const weight = options.weight === undefined ? undefined : Number(options.weight.replace(',', '.'));
        if (weight !== undefined && !(weight > 0 && weight <= 1000))
          throw new UsageError('--weight: above 0, up to 1000 kg');
        const parcels = integer(options.parcels, '--parcels', 0, 99);
        const envelopes = integer(options.envelopes, '--envelopes', 0, 99);
        if ((parcels ?? current.parcels) + (envelopes ?? current.envelopes) === 0) {
          throw new UsageError('an AWB needs at least one parcel or envelope');
        }
        core.settings.update({
          shipping: {
            sender,
            ...(parcels === undefined ? {} : { parcels }),
            ...(envelopes === undefined ? {} : { envelopes }),
            ...(weight === undefined ? {} : { weightKg: weight }),
            ...(options.format ? { labelFormat: options.format } : {}),
          },
        });
        if (g.json) printJson(ctx.io, core.settings.get().shipping);
        else ctx.io.out(showDefaults(core));
      });
    });

  return awb;
}
