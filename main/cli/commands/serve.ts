// `serve`: the MagFlow window in a browser. The core runs with its scheduler (demo mode when the data folder has
// no real account, as the desktop app does), and the bridge serves the renderer plus the window.magflow contract.
import { Command } from 'commander';
import type { DemoOptions } from '../../core/demo';
import type { MagflowCore } from '../../core/magflow';
import { startBridgeServer, type BridgeServer } from '../serve';
import { openCore, printJson, type CliContext, type GlobalOptions } from '../context';
import { integerIn } from '../options';
import { packageRoot } from '../packageInfo';
import { ensureRendererBuilt, rendererOutDir } from '../renderer';
import { waitForStopSignal } from '../waitForStop';

export interface ServeSetup {
  port: number;
  build: boolean;
  demo: boolean | DemoOptions;
  dataDir?: string;
  what: string;
  /** Runs on the opened core before its scheduler starts (the demo shortens the new-orders interval). */
  beforeStart?: (core: MagflowCore) => Promise<void>;
  /** Extra lines printed with the URL. */
  describe?: (core: MagflowCore) => string[];
}

/** Shared by `serve` and `demo`: core + bridge until a stop signal. */
export async function serveUntilStopped(ctx: CliContext, g: GlobalOptions, setup: ServeSetup): Promise<void> {
  const stopSignal = waitForStopSignal();
  const root = packageRoot();
  const staticDir = setup.build ? await ensureRendererBuilt(root, ctx.io.err) : rendererOutDir(root);
  const session = await openCore(ctx, g, {
    lockFor: setup.what,
    demo: setup.demo,
    logLevel: 'warn',
    ...(setup.dataDir ? { dataDir: setup.dataDir } : {}),
  });
  let bridge: BridgeServer | null = null;
  try {
    await setup.beforeStart?.(session.core);
    await session.core.start();
    bridge = await startBridgeServer({
      dispatcher: session.core.dispatcher,
      bus: session.core.bus,
      staticDir,
      port: setup.port,
      logger: session.logger,
    });
    const demo = session.core.demo();
    if (g.json) {
      printJson(ctx.io, {
        url: bridge.url,
        origin: bridge.origin,
        token: bridge.token,
        dataDir: session.core.dataDir,
        sandboxUrl: demo?.sandbox.url ?? null,
      });
    } else {
      ctx.io.out(
        [
          `MagFlow is running. Open this URL in a browser (it carries the access token; keep it private):`,
          ``,
          `  ${bridge.url}`,
          ``,
          `  data folder   ${session.core.dataDir}`,
          ...(demo ? [`  demo mode     eMAG sandbox at ${demo.sandbox.url}`] : []),
          ...(setup.describe?.(session.core) ?? []),
          `Press Ctrl+C to stop.`,
        ].join('\n') + '\n',
      );
    }
    const signal = await stopSignal;
    ctx.io.err(`magflow: ${signal}: stopping`);
  } finally {
    await bridge?.close();
    await session.close();
  }
}

export function serveCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('serve')
    .description('serve the MagFlow window on 127.0.0.1 for a browser (token in the printed URL)')
    .option('--port <p>', 'port (default: a free one)', integerIn(0, 65535), 0)
    .option('--no-demo', 'never start demo mode, even with no account')
    .option('--no-build', 'do not build the renderer if it is missing or stale')
    .action(async (options: { port: number; demo: boolean; build: boolean }, cmd: Command) => {
      await serveUntilStopped(ctx, globals(cmd), {
        port: options.port,
        build: options.build,
        demo: options.demo,
        what: 'serve',
      });
    });
}
