// One cold start, in a fresh process: open the 100,000-order database (migrations checked), build the whole core,
// and answer the first dashboard call (statistics computed, not cached). Prints the milliseconds as JSON.
import { join } from 'node:path';
import { silentLogger } from '../../main/core/logging';
import { createMagflowCore } from '../../main/core/magflow';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: coldStartOnce.ts <dataDir>');
  const sinceProcessStart = performance.now();
  const started = performance.now();
  const core = await createMagflowCore({ dataDir, demo: false, logger: silentLogger });
  const opened = performance.now();
  const result = await core.dispatcher.dispatch('dashboard.get', undefined);
  const done = performance.now();
  if (!result.ok) throw new Error(result.error.message);
  await core.stop();
  process.stdout.write(
    `${JSON.stringify({ totalMs: done - started, openMs: opened - started, statsMs: done - opened, moduleLoadMs: sinceProcessStart, dataDir: join(dataDir) })}\n`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
