// Builds the renderer (out/renderer) for the end-to-end suite when it is missing or older than its sources, so a
// plain `vitest run` tests the current code. Only the renderer target is built (the Electron targets are not
// needed to serve the page); a lock directory keeps parallel test files from building at the same time.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const ROOT = resolve(__dirname, '../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
const SOURCES = [join(ROOT, 'renderer'), join(ROOT, 'shared')];
const LOCK = join(ROOT, 'out/.renderer-build.lock');
/** Written after each build here, so an out/renderer built any other way (e.g. in development mode) is rebuilt once. */
const MODE_STAMP = join(ROOT, 'out/.renderer-build-mode');
const LOCK_STALE_MS = 180_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is this file's production build, newer than every file under renderer/ and shared/. */
export function rendererIsFresh(): boolean {
  const index = join(RENDERER_OUT, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  const production =
    existsSync(MODE_STAMP) &&
    readFileSync(MODE_STAMP, 'utf8') === 'production' &&
    statSync(MODE_STAMP).mtimeMs >= built;
  return production && SOURCES.every((dir) => newestMtime(dir) <= built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than a build can take was left by a killed process.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The same renderer build as electron-vite's (root renderer/, React plugin, relative asset paths). */
export async function ensureRendererBuilt(): Promise<string> {
  if (rendererIsFresh()) return RENDERER_OUT;
  await withLock(async () => {
    if (rendererIsFresh()) return; // built by the test file that held the lock
    await buildForProduction();
  });
  return RENDERER_OUT;
}

/**
 * Vite bakes the process's NODE_ENV into the bundle, and vitest sets it to 'test': built from a test, the page got
 * React's development build (a larger bundle, slower renders, StrictMode running every effect twice, so every
 * start-up call was sent twice) and the benchmark timed that. The app ships a production build; build that.
 */
async function buildForProduction(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      configFile: false,
      root: join(ROOT, 'renderer'),
      base: './',
      plugins: [react()],
      logLevel: 'warn',
      build: {
        outDir: RENDERER_OUT,
        emptyOutDir: true,
        modulePreload: { polyfill: false }, // Chromium has modulepreload (electron-vite does the same)
        rollupOptions: { input: { index: join(ROOT, 'renderer/index.html') } },
      },
    });
    writeFileSync(MODE_STAMP, 'production');
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
