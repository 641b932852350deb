// The app process: `node --import tsx tests/desktop/harness/boot.ts <out/main/index.js> [app args]`. Makes
// `require('electron')` give the harness's electron module, sets what Electron sets on `process` in the main
// process (type, versions.electron, resourcesPath, defaultApp), loads the built main bundle, and after its first
// tick starts the app's lifecycle (Chromium, then 'ready').
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { listenForCommands } from './control';
import { record } from './journal';

const mainScript = resolve(process.argv[2] ?? 'out/main/index.js');
const electronModule = join(__dirname, 'electron', 'index.ts');
const load = createRequire(__filename);
const electronVersion = (load('electron/package.json') as { version: string }).version;

type Resolve = (request: string, ...rest: unknown[]) => string;
const internal = Module as unknown as { _resolveFilename: Resolve };
const original = internal._resolveFilename;
internal._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'electron' || request === 'electron/main' || request === 'electron/common') return electronModule;
  return original.call(this, request, ...rest);
};

// MAGFLOW_HARNESS_RESOURCES: run as the packaged app whose resources folder is that one (app.isPackaged is true).
const packagedResources = process.env['MAGFLOW_HARNESS_RESOURCES'];
Object.assign(process, {
  type: 'browser',
  resourcesPath: packagedResources ?? join(load.resolve('electron/package.json'), '..', 'dist', 'resources'),
  ...(packagedResources ? {} : { defaultApp: true }),
});
Object.defineProperty(process.versions, 'electron', { value: electronVersion, enumerable: true });
// Electron's main process argv: [executable, app path, ...args] (packaged: [executable, ...args]); the harness's:
// [node, boot.ts, main, ...args].
process.argv.splice(1, packagedResources ? 2 : 1);

listenForCommands();
record('harness.boot', { main: mainScript, argv: process.argv.slice(2), electron: electronVersion });
process.on('uncaughtException', (error) => record('main.uncaught-exception', { error }));

try {
  load(mainScript);
} catch (error) {
  // Electron shows "A JavaScript error occurred in the main process" and keeps running.
  record('main.load-error', { error });
}
// docs/api/app.md, "Event: 'ready'": only after the main script's first tick.
setImmediate(() => {
  const { app } = load('./electron/app') as typeof import('./electron/app');
  void app.start().catch((error: unknown) => {
    record('harness.error', { where: 'start', error });
    process.exit(70);
  });
});
