// The `magflow` command line: global options, the commands, and the one place errors become exit codes
// (0 ok, 1 runtime failure, 2 usage) and one-line messages on stderr.
import { Command, CommanderError, Option } from 'commander';
import { LOG_LEVELS } from '../core/logging';
import { accountsCommand } from './commands/accounts';
import { awbCommand } from './commands/awb';
import { backupsCommand } from './commands/backups';
import { demoCommand } from './commands/demo';
import { invoiceCommand } from './commands/invoice';
import { offersCommand } from './commands/offers';
import { returnsCommand } from './commands/returns';
import { healthCommand } from './commands/health';
import { ordersCommand } from './commands/orders';
import { runCommand } from './commands/run';
import { runsCommand } from './commands/runs';
import { sandboxCommand } from './commands/sandbox';
import { serveCommand } from './commands/serve';
import { statusCommand } from './commands/status';
import { syncCommand } from './commands/sync';
import { todayCommand } from './commands/today';
import type { CliContext, GlobalOptions } from './context';
import { EXIT_OK, EXIT_USAGE, exitCodeOf, oneLine } from './errors';
import { packageVersion } from './packageInfo';

const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals<GlobalOptions>();

/** Commands added with addCommand do not inherit settings: apply them to the whole tree. */
function configureTree(cmd: Command, ctx: CliContext): void {
  cmd
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => ctx.io.out(text),
      // Help shown because of a usage error goes to stderr; the error itself is printed once, by runCli.
      writeErr: (text) => ctx.io.err(text.replace(/\n$/, '')),
      outputError: () => undefined,
    });
  for (const sub of cmd.commands) configureTree(sub, ctx);
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('magflow')
    .description('MagFlow without a window: accounts, sync, orders, the sandbox and the browser bridge')
    .version(packageVersion(), '-V, --version')
    .option('--data-dir <dir>', "data folder (default: the desktop app's; env MAGFLOW_DATA_DIR)")
    .option('--json', 'machine-readable output where the output is data')
    .addOption(new Option('--log-level <level>', 'log threshold on stderr').choices(LOG_LEVELS));
  for (const make of [
    accountsCommand,
    syncCommand,
    runCommand,
    statusCommand,
    ordersCommand,
    offersCommand,
    runsCommand,
    sandboxCommand,
    serveCommand,
    demoCommand,
    backupsCommand,
    invoiceCommand,
    returnsCommand,
    healthCommand,
    todayCommand,
    awbCommand,
  ]) {
    program.addCommand(make(ctx, globals));
  }
  configureTree(program, ctx);
  return program;
}

/** Runs one command line (without node and the script path); resolves to the exit code. Never throws. */
export async function runCli(args: readonly string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK; // --help, --version
      const message = error.message.replace(/^error:\s*/i, '');
      if (error.code !== 'commander.help' && error.code !== 'commander.helpDisplayed') {
        ctx.io.err(`magflow: ${oneLine(message)}`);
      }
      return EXIT_USAGE;
    }
    ctx.io.err(`magflow: ${oneLine(error)}`);
    return exitCodeOf(error);
  }
}
