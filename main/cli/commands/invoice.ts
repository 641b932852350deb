// `invoice attach ORDER FILE` and `invoice bucket set|show|test|remove`: an invoice PDF from disk, uploaded to the
// seller's S3-compatible bucket and attached to the order as a 7-day presigned link (main/core/invoices). When no
// other MagFlow process holds the data folder, attach also sends it to eMAG at once and says how that went.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import type { Account } from '../../../shared/domain';
import { INVOICE_MAX_BYTES, type BucketTestResult, type InvoiceUploadResult } from '../../../shared/invoices';
import { InvoiceBucketInputSchema } from '../../../shared/ipc';
import { AppError } from '../../core/errors';
import { pdfProblem } from '../../core/invoices/pdfFile';
import { inEnglish } from '../../core/messages/localized';
import { describeHolder } from '../../core/lock/dataDirLock';
import type { MagflowCore } from '../../core/magflow';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { CliFailure, UsageError } from '../errors';
import { secretFrom } from '../secretInput';

interface AttachOptions {
  account?: string;
  name?: string;
}

interface BucketSetOptions {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretEnv?: string;
  secretStdin?: boolean;
  pathStyle?: boolean;
  keyPrefix?: string;
}

/** The file, read and checked before the database is opened: a bad file is a usage error that changes nothing. */
async function readPdf(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (size > INVOICE_MAX_BYTES) throw new UsageError(`${path}: ${inEnglish(pdfProblem(Buffer.alloc(size)) ?? '')}`);
  const bytes = await readFile(path);
  const problem = pdfProblem(bytes);
  if (problem) throw new UsageError(`${path}: ${inEnglish(problem)}`);
  return bytes;
}

/** The one account that has the order (or the named one); several without --account is a usage error. */
export function accountWithOrder(core: MagflowCore, orderId: number, name: string | undefined): Account {
  const candidates = name !== undefined ? [accountByName(core, name)] : core.repos.accounts.list();
  const having = candidates.filter((account) => core.repos.orders.get(account.id, orderId));
  if (having.length === 1) return having[0]!;
  if (having.length === 0) {
    throw new UsageError(
      `no order ${orderId}${name !== undefined ? ` in account '${name}'` : ''} in the local database ` +
        '(run `magflow sync` first if it is new)',
    );
  }
  throw new UsageError(
    `order ${orderId} exists in ${having.map((a) => `'${a.name}'`).join(' and ')}: say which with --account NAME`,
  );
}

const outcomeLine = (state: string, error: string | null, account: string, orderId: number): string => {
  switch (state) {
    case 'sent':
      return `Attached to order ${orderId} (${account}): eMAG has it.`;
    case 'failed':
      return `eMAG refused the attachment for order ${orderId} (${account}): ${error ?? 'no reason given'}`;
    default:
      return `Queued for order ${orderId} (${account}); not sent yet${error ? `: ${error}` : ''}.`;
  }
};

/** A failed call of the core as the CLI reports it: a bucket or input problem is the user's to fix. */
function rethrow(error: unknown): never {
  if (error instanceof AppError) {
    const reason = error.issues?.[0]?.message ?? error.message;
    if (error.code === 'bucket.not_configured') {
      throw new UsageError('no invoice bucket is set up: run `magflow invoice bucket set` first (see docs/cli.md)');
    }
    throw error.kind === 'validation' ? new UsageError(reason) : new CliFailure(reason);
  }
  throw error;
}

function bucketTestLine(result: BucketTestResult): string {
  if (!result.ok) return `Bucket test FAILED (${result.problem ?? 'error'}): ${result.message}\n`;
  const warning = result.publicRead
    ? '\nWarning: the bucket lets anyone read its files without a link; make it private.'
    : '';
  return `Bucket test OK: ${result.message}.${warning}\n`;
}

export function invoiceCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  const invoice = new Command('invoice').description('attach invoice PDFs to orders through your own S3 bucket');

  invoice
    .command('attach')
    .description('upload a PDF to your bucket and attach it to an order (a 7-day presigned link)')
    .argument('<order>', 'eMAG order number')
    .argument('<file>', 'the invoice PDF (at most 10 MB)')
    .option('--account <name>', 'the account of the order (when several have that number)')
    .option('--name <text>', 'what the customer sees (at most 60 characters; default "Factura <order>")')
    .action(async (orderText: string, file: string, options: AttachOptions, cmd: Command) => {
      if (!/^\d{1,10}$/.test(orderText) || Number(orderText) < 1 || Number(orderText) > 4_294_967_295) {
        throw new UsageError(`'${orderText}' is not an eMAG order number`);
      }
      if (options.name !== undefined && (options.name.trim() === '' || options.name.trim().length > 60)) {
        throw new UsageError('--name: 1 to 60 characters (what eMAG shows the customer)');
      }
      const orderId = Number(orderText);
      const bytes = await readPdf(file);
      const g = globals(cmd);
      await withCore(
        ctx,
        g,
        async ({ core, heldBy }) => {
          const account = accountWithOrder(core, orderId, options.account);
          let upload: InvoiceUploadResult;
          try {
            upload = await core.invoices.attachPdf({
              accountId: account.id,
              orderId,
              fileName: basename(file),
              bytes,
              ...(options.name ? { name: options.name.trim() } : {}),
            });
          } catch (error) {
            rethrow(error);
          }
          // Another MagFlow (the app, `run`) holds the folder: its scheduler sends the action within a minute.
          if (!heldBy && upload.state === 'pending') await core.engine.runJob('send-actions', account.id, 'manual');
          const action = core.repos.outbox.get(upload.actionId)!;
          const error = action.state === 'sent' ? null : action.lastError;
          if (g.json) {
            printJson(ctx.io, { account: account.name, orderId, ...upload, state: action.state, error });
          } else {
            ctx.io.out(
              upload.already
                ? `${basename(file)} was already attached to order ${orderId} (action ${action.id}); nothing uploaded.\n`
                : `Uploaded ${basename(file)} (${Math.ceil(upload.bytes / 1024)} KB) as ${upload.objectKey}; ` +
                    `the link works until ${upload.expiresAt}.\n`,
            );
            ctx.io.out(
              heldBy && action.state === 'pending'
                ? `Queued for order ${orderId} (${account.name}); ${describeHolder(heldBy)} sends it.\n`
                : `${outcomeLine(action.state, error, account.name, orderId)}\n`,
            );
          }
          if (action.state === 'failed') throw new CliFailure(`the invoice for order ${orderId} was not attached`);
          if (action.state === 'pending' && !heldBy) {
            throw new CliFailure(
              `the invoice for order ${orderId} is queued but not sent yet; \`magflow run\` or the app retries it`,
            );
          }
        },
        { lockIfFree: 'invoice attach' },
      );
    });

  const bucket = invoice.command('bucket').description('the S3-compatible bucket invoice PDFs go to');

  bucket
    .command('set')
    .description('save the bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO); the secret from env or stdin')
    .requiredOption(
      '--endpoint <url>',
      'https://s3.<region>.amazonaws.com, https://<account>.r2.cloudflarestorage.com, …',
    )
    .requiredOption('--region <region>', 'e.g. eu-central-1 (auto for R2)')
    .requiredOption('--bucket <name>', 'the bucket name')
    .requiredOption('--access-key-id <id>', 'the access key id')
    .option('--secret-env <var>', 'read the secret access key from this environment variable')
    .option('--secret-stdin', 'read the secret access key from stdin')
    .option('--path-style', 'https://endpoint/bucket/key addressing (MinIO, most self-hosted servers)')
    .option('--key-prefix <prefix>', 'put before every file name, e.g. magflow/')
    .action(async (options: BucketSetOptions, cmd: Command) => {
      const g = globals(cmd);
      const secret =
        options.secretEnv !== undefined || options.secretStdin
          ? await secretFrom(ctx, { env: options.secretEnv, stdin: options.secretStdin }, 'secret', 'the secret key')
          : undefined;
      const parsed = InvoiceBucketInputSchema.safeParse({
        endpoint: options.endpoint,
        region: options.region,
        bucket: options.bucket,
        accessKeyId: options.accessKeyId,
        ...(secret ? { secretAccessKey: secret } : {}),
        pathStyle: options.pathStyle === true,
        keyPrefix: options.keyPrefix ?? '',
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const flag = String(issue?.path[0] ?? 'input').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        throw new UsageError(`--${flag}: ${issue?.message ?? 'invalid'}`);
      }
      await withCore(ctx, g, ({ core }) => {
        let view;
        try {
          view = core.invoices.bucket.save(parsed.data);
        } catch (error) {
          if (error instanceof AppError && error.issues?.[0]?.path === 'secretAccessKey') {
            throw new UsageError('the secret key is required: --secret-env VAR or --secret-stdin');
          }
          rethrow(error);
        }
        if (g.json) printJson(ctx.io, view);
        else
          ctx.io.out(
            `Saved bucket ${view.bucket} at ${view.endpoint}. Check it with \`magflow invoice bucket test\`.\n`,
          );
      });
    });

  bucket
    .command('show')
    .description('the saved bucket (never the secret)')
    .action(async (_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const view = core.invoices.bucket.get();
        if (g.json) printJson(ctx.io, { bucket: view });
        else if (!view) ctx.io.out('No invoice bucket. Set one with `magflow invoice bucket set`.\n');
        else
          ctx.io.out(
            [
              `endpoint:      ${view.endpoint}`,
              `region:        ${view.region}`,
              `bucket:        ${view.bucket}`,
              `access key id: ${view.accessKeyId}`,
              `secret key:    ${view.hasSecret ? 'stored' : 'MISSING (set it again)'}`,
              `path-style:    ${view.pathStyle ? 'yes' : 'no'}`,
              `key prefix:    ${view.keyPrefix || '(none)'}`,
              '',
            ].join('\n'),
          );
      });
    });

  bucket
    .command('test')
    .description('upload a test PDF, read it through a presigned link, delete it')
    .action(async (_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, async ({ core }) => {
        const result = await core.invoices.bucket.test();
        if (g.json) printJson(ctx.io, result);
        else ctx.io.out(bucketTestLine(result));
        if (!result.ok) throw new CliFailure(`the bucket test failed (${result.problem ?? 'error'})`);
      });
    });

  bucket
    .command('remove')
    .description('forget the bucket and its secret (the files in it stay)')
    .action(async (_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const removed = core.invoices.bucket.remove();
        if (g.json) printJson(ctx.io, { removed });
        else ctx.io.out(removed ? 'Removed the invoice bucket and its secret.\n' : 'No invoice bucket was set.\n');
      });
    });

  return invoice;
}
