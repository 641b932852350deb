// What the packaged app ships, checked on the build (out/) electron-builder packs: the runtime dependencies are
// exactly the packages the built main process requires (electron-builder copies every `dependencies` entry into the
// app, so a renderer-only package there would ship a second, unused copy); the renderer bundle needs no package at
// run time; the preload needs only electron; and `scripts/native.cjs` decides by loading better-sqlite3.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness/client';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** The packages a bundle requires (bare specifiers, reduced to the package name; no builtins, no electron). */
function requiredPackages(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const names = [...source.matchAll(/require\(\s*["']([^"'.][^"']*)["']\s*\)/g)].map((m) => m[1]!);
  const packages = names
    .filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron')
    .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!));
  return [...new Set(packages)].sort();
}

describe('what the packaged app ships', () => {
  it('its runtime dependencies are exactly what the built main process requires', () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
    expect(requiredPackages('out/main/index.js')).toEqual(Object.keys(packageJson.dependencies).sort());
  });

  it('the renderer is one self-contained bundle: React, zustand, i18next and uPlot are build-time packages', () => {
    const assets = join(ROOT, 'out/renderer/assets');
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
      expect(requiredPackages(`out/renderer/assets/${file}`), file).toEqual([]);
      expect(readFileSync(join(assets, file), 'utf8')).not.toMatch(/\bfrom\s*["'](react|zustand|i18next|uplot)["']/);
    }
    for (const name of [
      'react',
      'react-dom',
      'zustand',
      'i18next',
      'react-i18next',
      '@tanstack/react-virtual',
      'uplot',
    ]) {
      expect(packageJson.dependencies[name], name).toBeUndefined();
      expect(packageJson.devDependencies[name], name).toBeDefined();
    }
  });

  it('the preload requires nothing but electron', () => {
    expect(requiredPackages('out/preload/index.js')).toEqual([]);
  });

  it('native.cjs checks by loading better-sqlite3, not by a note of the last build; hooks before dist and start:prod', () => {
    // A stale note saying "built for Electron" used to trigger a rebuild (and a wrong one was trusted): now only a
    // failed load does, and the note is removed.
    const marker = join(ROOT, 'node_modules/.magflow-native-target');
    mkdirSync(join(ROOT, 'node_modules'), { recursive: true });
    writeFileSync(marker, 'electron-41.7.1\n');
    const node = spawnSync(process.execPath, ['scripts/native.cjs', 'node'], { cwd: ROOT, encoding: 'utf8' });
    expect(node.status).toBe(0);
    expect(node.stdout).toBe('');
    expect(existsSync(marker)).toBe(false);
    expect(packageJson.scripts['predist']).toBe('node scripts/native.cjs electron');
    expect(packageJson.scripts['prestart:prod']).toBe('node scripts/native.cjs electron');
    expect(packageJson.scripts['prestart']).toBe('node scripts/native.cjs electron');
  });
});
