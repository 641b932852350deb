// The browser bridge serves the built renderer (out/renderer). From a fresh checkout it is not built yet, so
// `serve` and `demo` build it once (with Vite, renderer only: the Electron main build is not needed here),
// and again when a renderer or shared source is newer than the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliFailure } from './errors';

export const rendererOutDir = (root: string): string => join(root, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is missing or older than its sources (only checked in a checkout that has them). */
export function rendererNeedsBuild(root: string): boolean {
  const index = join(rendererOutDir(root), 'index.html');
  if (!existsSync(index)) return true;
  const sources = join(root, 'renderer');
  if (!existsSync(sources)) return false;
  const built = statSync(index).mtimeMs;
  return Math.max(newestMtime(sources), newestMtime(join(root, 'shared'))) > built;
}

export async function ensureRendererBuilt(root: string, say: (line: string) => void): Promise<string> {
  const outDir = rendererOutDir(root);
  if (!rendererNeedsBuild(root)) return outDir;
  if (!existsSync(join(root, 'renderer', 'index.html'))) {
    throw new CliFailure(`the MagFlow window is not built (${outDir} is missing) and its sources are not here`);
  }
  say('magflow: building the MagFlow window (renderer) once; this takes a little while…');
  try {
    // Loaded only here: Vite is a build tool, needed only in a checkout that has no build yet.
    const { build } = await import('vite');
    const { default: react } = await import('@vitejs/plugin-react');
    await build({
      root: join(root, 'renderer'),
      base: './',
      configFile: false,
      logLevel: 'warn',
      plugins: [react()],
      // Browsers that run MagFlow all support modulepreload; Vite 8 no longer ships the polyfill as a module.
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, modulePreload: { polyfill: false } },
    });
  } catch (error) {
    throw new CliFailure(`building the renderer failed: ${(error as Error).message}; try \`npx electron-vite build\``);
  }
  return outDir;
}
