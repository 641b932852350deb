// The layer rule fails on each deliberate violation of a boundary in docs/ARCHITECTURE.md (and passes the imports the
// layer allows), run through ESLint's own API with the project's eslint.config.mjs on small snippets.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The layer rule's messages for `code` as if it were the file `file` (repository-relative; it need not exist). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: resolve(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'magflow/layers').map((m) => m.message);
}

describe('layers', () => {
  it('shared/ imports nothing from main/, renderer/ or preload/', async () => {
    expect(await layerErrors('shared/probe.ts', "import { systemClock } from '../main/core/clock';")).toEqual([
      expect.stringMatching(/^'..\/main\/core\/clock' is main: shared\/ is used by every process/),
    ]);
    expect(await layerErrors('shared/probe.ts', "export { formatMoney } from '../renderer/src/format/money';")).toEqual(
      [expect.stringContaining('is renderer')],
    );
    expect(await layerErrors('shared/probe.ts', "import type { Account } from './domain';")).toEqual([]);
  });

  it('main/core imports neither the shell nor the CLI, and never electron', async () => {
    const file = 'main/core/sync/probe.ts';
    expect(await layerErrors(file, "import { createTrayController } from '../../shell/tray';")).toEqual([
      expect.stringContaining('is main/shell'),
    ]);
    expect(await layerErrors(file, "import { runCli } from '../../cli/program';")).toEqual([
      expect.stringContaining('is main/cli'),
    ]);
    expect(await layerErrors(file, "const cli = import('../../cli');")).toEqual([expect.stringContaining('main/cli')]);
    expect(await layerErrors(file, "import { app } from 'electron';")).toEqual([
      expect.stringContaining('is electron'),
    ]);
    expect(await layerErrors(file, "import { createEventBus } from '../events/bus';")).toEqual([]);
  });

  it('only the demo module of the core imports the sandbox', async () => {
    const importSandbox = "import { startSandbox } from '../sandbox';";
    expect(await layerErrors('main/core/probe.ts', importSandbox)).toEqual([
      expect.stringContaining('only the demo module'),
    ]);
    expect(await layerErrors('main/core/demo.ts', importSandbox)).toEqual([]);
    expect(
      await layerErrors('main/core/db/probe.ts', "import { DEMO_ACCOUNTS } from '../../sandbox/sandbox';"),
    ).toEqual([expect.stringContaining('is main/sandbox')]);
  });

  it('main/shell imports neither the CLI nor the sandbox', async () => {
    expect(await layerErrors('main/shell/probe.ts', "import { runCli } from '../cli/program';")).toEqual([
      expect.stringContaining('is main/cli'),
    ]);
    expect(await layerErrors('main/shell/probe.ts', "import { DEMO_ACCOUNTS } from '../sandbox';")).toEqual([
      expect.stringContaining('is main/sandbox'),
    ]);
    expect(await layerErrors('main/shell/probe.ts', "import { DEMO_PASSWORDS } from '../core/demo';")).toEqual([]);
  });

  it('the CLI never imports the desktop shell', async () => {
    expect(await layerErrors('main/cli/commands/probe.ts', "import { startShell } from '../../shell/app';")).toEqual([
      expect.stringContaining('is main/shell'),
    ]);
    expect(await layerErrors('main/cli/probe.ts', "import { startSandbox } from '../sandbox';")).toEqual([]);
  });

  it('the sandbox shares only shared/ with MagFlow', async () => {
    expect(await layerErrors('main/sandbox/probe.ts', "import { createEmagClient } from '../core/emag';")).toEqual([
      expect.stringContaining('is main/core'),
    ]);
    expect(await layerErrors('main/sandbox/probe.ts', "import type { Platform } from '../../shared/domain';")).toEqual(
      [],
    );
  });

  it('the renderer and the preload import no main/', async () => {
    expect(await layerErrors('renderer/src/probe.ts', "import { systemClock } from '../../main/core/clock';")).toEqual([
      expect.stringContaining('is main'),
    ]);
    expect(await layerErrors('preload/probe.ts', "import { createEventBus } from '../main/core/events/bus';")).toEqual([
      expect.stringContaining('is main'),
    ]);
    expect(await layerErrors('renderer/src/probe.ts', "import { JOB_NAMES } from '../../shared/domain';")).toEqual([]);
  });
});
