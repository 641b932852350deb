// Keeps better-sqlite3 built for the runtime about to use it, deciding by actually loading it there (in a child
// process), never by a note of what was built last: `npm run dist` (electron-builder rebuilds native modules for
// Electron in node_modules) or a copied node_modules would make such a note wrong.
// `node scripts/native.cjs node`     (before tests, the CLI, the bench): must load under this Node.
// `node scripts/native.cjs electron` (before npm start, start:prod, dist): must load under Electron's Node.
// When it does not load, it is rebuilt for that runtime and loaded again to check.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const target = process.argv[2];
const root = path.join(__dirname, '..');
const PROBE = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
// Left by earlier versions of this script; it is no longer read.
fs.rmSync(path.join(root, 'node_modules', '.magflow-native-target'), { force: true });

const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

/** Loads better-sqlite3 with `executable` (Node, or Electron run as Node); returns the error text or null. */
function loadError(executable, env) {
  const result = spawnSync(executable, ['-e', PROBE], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.error) return result.error.message;
  return result.status === 0 ? null : (result.stderr || `exit code ${result.status}`).trim().split('\n')[0];
}

function ensure(runtime, probe, rebuild) {
  const before = probe();
  if (before === null) process.exit(0);
  console.log(`magflow: better-sqlite3 does not load under ${runtime} (${before}); rebuilding it…`);
  const status = rebuild();
  if (status !== 0) process.exit(status);
  const after = probe();
  if (after !== null) {
    console.error(`magflow: better-sqlite3 still does not load under ${runtime}: ${after}`);
    process.exit(1);
  }
  process.exit(0);
}

if (target === 'node') {
  ensure(
    'Node',
    () => loadError(process.execPath, {}),
    () => run('npm', ['rebuild', 'better-sqlite3']),
  );
} else if (target === 'electron') {
  let electron;
  try {
    // The electron package exports the path of its binary (absent when installed with ELECTRON_SKIP_BINARY_DOWNLOAD).
    electron = require('electron');
  } catch (error) {
    console.error(
      `magflow: the Electron binary is missing (${error.message.split('\n')[0]}). ` +
        'Install it with `npm install` (without ELECTRON_SKIP_BINARY_DOWNLOAD) to run or package the desktop app.',
    );
    process.exit(1);
  }
  ensure(
    `Electron ${require('electron/package.json').version}`,
    () => loadError(electron, { ELECTRON_RUN_AS_NODE: '1' }),
    () => run('npx', ['--no-install', 'electron-builder', 'install-app-deps']),
  );
} else {
  console.error('usage: node scripts/native.cjs node|electron');
  process.exit(2);
}
