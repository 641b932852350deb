// `accounts add|list|remove|test`: the seller accounts of the data folder. The password comes from an environment
// variable or stdin (never a flag, which would land in the shell history) and goes to the 0600 secrets file.
import { Command, Option } from 'commander';
import { ACCOUNT_KINDS, PLATFORMS, type Account } from '../../../shared/domain';
import { AccountInputSchema } from '../../../shared/ipc';
import { removeDemoAccounts } from '../../core/demo';
import { apiUrlProblem } from '../../core/emagClients';
import { inEnglish } from '../../core/messages/localized';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { CliFailure, UsageError } from '../errors';
import { secretFrom } from '../secretInput';
import { formatTable } from '../table';

interface AddOptions {
  name: string;
  platform: Account['platform'];
  kind: Account['kind'];
  username: string;
  passwordEnv?: string;
  passwordStdin?: boolean;
  apiUrl?: string;
  disabled?: boolean;
}

const accountRow = (a: Account) => [
  a.id,
  a.name,
  a.platform,
  a.kind,
  a.username,
  a.apiUrl ?? '',
  a.enabled ? 'yes' : 'no',
  a.isDemo ? 'yes' : '',
];

export function accountsCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  const accounts = new Command('accounts').description('add, list, remove and test seller accounts');

  accounts
    .command('add')
    .description('add an eMAG / Fashion Days seller account')
    .requiredOption('--name <name>', 'a name of your choice, unique')
    .addOption(new Option('--platform <platform>', 'marketplace').choices(PLATFORMS).makeOptionMandatory())
    .addOption(
      new Option('--kind <kind>', 'main: you ship; fbe: eMAG ships').choices(ACCOUNT_KINDS).makeOptionMandatory(),
    )
    .requiredOption('--username <user>', 'API username')
    .option('--password-env <var>', 'read the API password from this environment variable')
    .option('--password-stdin', 'read the API password from stdin')
    .option('--api-url <url>', 'override the platform API URL (plain http only for loopback)')
    .option('--disabled', 'add it without syncing it')
    .action(async (options: AddOptions, cmd: Command) => {
      const password = await secretFrom(
        ctx,
        { env: options.passwordEnv, stdin: options.passwordStdin },
        'password',
        'the API password',
      );
      // Everything is checked before the database is opened: a bad command line changes nothing.
      const parsed = AccountInputSchema.safeParse({
        name: options.name,
        platform: options.platform,
        kind: options.kind,
        username: options.username,
        password,
        apiUrl: options.apiUrl ?? null,
        enabled: !options.disabled,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') === 'apiUrl' ? '--api-url' : `--${String(issue?.path[0] ?? 'input')}`;
        throw new UsageError(`${field}: ${issue?.message ?? 'invalid'}`);
      }
      const urlProblem = apiUrlProblem(parsed.data.platform, parsed.data.apiUrl ?? null);
      if (urlProblem) throw new UsageError(`--api-url: ${inEnglish(urlProblem)}`);
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        if (core.repos.accounts.getByName(parsed.data.name)) {
          throw new UsageError(`an account named '${parsed.data.name}' already exists`);
        }
        const account = core.accounts.save(parsed.data);
        // As in the desktop app, a real account ends demo mode: the demo accounts (left by `serve`) go away.
        const demoRemoved = removeDemoAccounts({ repos: core.repos, accounts: core.accounts });
        if (g.json) printJson(ctx.io, account);
        else {
          ctx.io.out(`Added account '${account.name}' (id ${account.id}, ${account.platform} ${account.kind}).\n`);
          if (demoRemoved > 0)
            ctx.io.out(`Removed ${demoRemoved} demo account(s): demo mode ends with a real account.\n`);
        }
      });
    });

  accounts
    .command('list')
    .description('list the accounts')
    .action(async (_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const list = core.repos.accounts.list();
        if (g.json) printJson(ctx.io, list);
        else if (list.length === 0) ctx.io.out('No accounts. Add one with `magflow accounts add`.\n');
        else
          ctx.io.out(
            formatTable(
              ['id', 'name', 'platform', 'kind', 'username', 'api url', 'enabled', 'demo'],
              list.map(accountRow),
            ),
          );
      });
    });

  accounts
    .command('remove')
    .description('remove an account, its password and its local data')
    .argument('<name>', 'account name')
    .action(async (name: string, _options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const account = accountByName(core, name);
        const removed = core.accounts.remove(account.id);
        if (g.json) printJson(ctx.io, { removed, account: account.name });
        else ctx.io.out(`Removed account '${account.name}'.\n`);
      });
    });

  accounts
    .command('test')
    .description('one cheap authenticated call to eMAG: does this account work?')
    .argument('<name>', 'account name')
    .action(async (name: string, _options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, async ({ core }) => {
        const account = accountByName(core, name);
        const result = await core.accounts.test({ id: account.id });
        if (g.json) printJson(ctx.io, { account: account.name, ...result });
        else
          ctx.io.out(
            result.ok
              ? `${account.name}: OK: ${result.message}\n`
              : `${account.name}: FAILED (${result.errorKind ?? 'error'}): ${result.message}\n`,
          );
        if (!result.ok) throw new CliFailure(`account '${account.name}' failed the connection test`);
      });
    });

  return accounts;
}
