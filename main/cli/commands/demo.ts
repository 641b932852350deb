// `demo`: see MagFlow work without an eMAG account or a display: the sandbox with a live order stream, the core
// with two demo accounts, and the browser bridge. Uses a throwaway data folder (removed on exit) unless
// --data-dir is given, so it never mixes demo data into the seller's real folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { hasRealAccount } from '../../core/demo';
import type { CliContext, GlobalOptions } from '../context';
import { integerIn } from '../options';
import { serveUntilStopped } from './serve';

/** The shortest new-orders interval the settings accept. */
const DEMO_NEW_ORDERS_POLL_SEC = 15;

interface DemoCliOptions {
  port: number;
  newOrderEvery: number;
  seed: number;
  build: boolean;
}

export function demoCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('demo')
    .description('sandbox + demo accounts + the window in your browser: watch orders arrive')
    .option('--port <p>', 'port of the window (default: a free one)', integerIn(0, 65535), 0)
    .option('--new-order-every <sec>', 'a new demo order every SEC seconds', integerIn(1, 3600), 10)
    .option('--seed <s>', 'demo data seed', integerIn(0, 2 ** 31), 7)
    .option('--no-build', 'do not build the renderer if it is missing or stale')
    .action(async (options: DemoCliOptions, cmd: Command) => {
      const g = globals(cmd);
      const explicit = g.dataDir !== undefined;
      const dataDir = explicit ? undefined : mkdtempSync(join(tmpdir(), 'magflow-demo-'));
      try {
        await serveUntilStopped(ctx, g, {
          port: options.port,
          build: options.build,
          demo: { newOrderEverySec: options.newOrderEvery, seed: options.seed },
          what: 'demo',
          ...(dataDir ? { dataDir } : {}),
          // The throwaway folder polls for new orders as often as settings allow, so new orders show up quickly.
          ...(dataDir
            ? {
                beforeStart: async (core) => {
                  const result = await core.dispatcher.dispatch(
                    'settings.update',
                    { intervals: { newOrdersSec: DEMO_NEW_ORDERS_POLL_SEC } },
                    { language: 'en' }, // the CLI speaks English
                  );
                  if (!result.ok) throw new Error(result.error.message);
                },
              }
            : {}),
          describe: (core) =>
            hasRealAccount(core.repos)
              ? ['  note          this data folder has real accounts: demo mode stays off']
              : [`  new order     every ${options.newOrderEvery} s (demo accounts: Demo MAIN, Demo FBE)`],
        });
      } finally {
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    });
}
