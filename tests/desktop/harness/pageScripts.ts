// Builds the two scripts the harness puts into every window before the page's own: the main world's end of
// contextBridge, and the isolated world that runs the built preload under the sandbox's rules (page/*.ts, bundled
// by esbuild once per process).
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IsolatedConfig } from './pageProtocol';

/** The CDP binding the isolated world sends through, and the function the harness calls back in that world. */
export const BINDING = '__magflowHarnessSend';
export const RECEIVE = '__magflowHarnessReceive';

const bundles = new Map<string, string>();

function bundle(entry: 'isolated' | 'mainWorld', globalName: string): string {
  const cached = bundles.get(entry);
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [join(__dirname, 'page', `${entry}.ts`)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  bundles.set(entry, code);
  return code;
}

export function mainWorldScript(channelName: string): string {
  return `(() => {\n${bundle('mainWorld', '__magflowMainWorld')}\n__magflowMainWorld.startMainWorld(${JSON.stringify(channelName)});\n})();`;
}

/** Electron compiles the preload as a function of these parameters (lib/sandboxed_renderer/preload.ts). */
export const PRELOAD_PARAMETERS = [
  'require',
  'process',
  'exports',
  'module',
  'Buffer',
  'global',
  'setImmediate',
  'clearImmediate',
] as const;

export interface PreloadSource {
  config: IsolatedConfig;
  /** The preload's text, or null when it could not be read or compiled (config.loadError says why). */
  source: string | null;
}

/** Reads and syntax-checks the preload file (a syntax error must become a preload-error, not a broken script). */
export function readPreload(path: string, config: Omit<IsolatedConfig, 'preloadPath' | 'loadError'>): PreloadSource {
  const base: IsolatedConfig = { ...config, preloadPath: path };
  try {
    const source = readFileSync(path, 'utf8');
    new Function(...PRELOAD_PARAMETERS, source); // compile only, as a syntax check
    return { config: base, source };
  } catch (error) {
    const e = error as Error;
    return { config: { ...base, loadError: { name: e.name, message: e.message, stack: e.stack ?? '' } }, source: null };
  }
}

/** The isolated world's script; `host` is an expression giving { send, onReceive } in that world. */
export function isolatedScript(preload: PreloadSource, host = browserHost()): string {
  const fn = preload.source === null ? 'null' : `function (${PRELOAD_PARAMETERS.join(', ')}) {\n${preload.source}\n}`;
  return [
    '(() => {',
    `const host = ${host};`,
    bundle('isolated', '__magflowIsolated'),
    `__magflowIsolated.startIsolatedWorld(${JSON.stringify(preload.config)}, ${fn}, host);`,
    '})();',
  ].join('\n');
}

/** In Chromium: out through the CDP binding (then removed from the world's globals), back through RECEIVE. */
function browserHost(): string {
  return `(() => {
  const binding = globalThis[${JSON.stringify(BINDING)}];
  try { delete globalThis[${JSON.stringify(BINDING)}]; } catch {}
  let handler = null;
  Object.defineProperty(globalThis, ${JSON.stringify(RECEIVE)}, {
    value: (json) => { if (handler) handler(JSON.parse(json)); },
    enumerable: false,
  });
  return { send: (message) => binding(JSON.stringify(message)), onReceive: (h) => { handler = h; } };
})()`;
}
