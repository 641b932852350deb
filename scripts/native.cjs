// Keeps better-sqlite3 built for the runtime about to use it.
// `node scripts/native.cjs electron` (before `npm start`): rebuild for Electron's ABI once, via electron-builder.
// `node scripts/native.cjs node` (before tests, CLI, bench): make sure it loads under plain Node, rebuilding if an
// earlier `npm start` left an Electron build behind.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const target = process.argv[2];
const marker = path.join(__dirname, '..', 'node_modules', '.magflow-native-target');
const readMarker = () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim() : 'node');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (target === 'node') {
  if (readMarker() === 'node') process.exit(0);
  console.log('magflow: better-sqlite3 was built for Electron; rebuilding it for Node…');
  const status = run('npm', ['rebuild', 'better-sqlite3']);
  if (status === 0) fs.rmSync(marker, { force: true });
  process.exit(status);
} else if (target === 'electron') {
  let electronVersion;
  try {
    electronVersion = require('electron/package.json').version;
  } catch {
    console.error('magflow: the electron package is missing; run `npm install` first.');
    process.exit(1);
  }
  if (readMarker() === `electron-${electronVersion}`) process.exit(0);
  console.log(`magflow: rebuilding native modules for Electron ${electronVersion}…`);
  const status = run('npx', ['--no-install', 'electron-builder', 'install-app-deps']);
  if (status === 0) fs.writeFileSync(marker, `electron-${electronVersion}\n`);
  process.exit(status);
} else {
  console.error('usage: node scripts/native.cjs node|electron');
  process.exit(2);
}
