// @vitest-environment jsdom
// Every string the window shows exists in both languages, and every key the code asks for exists.
import { describe, expect, it } from 'vitest';
import { ACTION_ERROR_CODES } from '../../shared/actionFailures';
import { JOB_NAMES } from '../../shared/domain';
import { en } from '../../renderer/src/i18n/locales/en';
import { ro } from '../../renderer/src/i18n/locales/ro';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) for (const sub of keys(v, path)) out.add(sub);
    else out.add(path.replace(PLURAL, ''));
  }
  return out;
}

/** The renderer's source text, locale files excluded. */
const sources = import.meta.glob<string>(['../../renderer/src/**/*.{ts,tsx}', '!**/locales/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('locales', () => {
  const roKeys = keys(ro);
  const enKeys = keys(en);

  it('Romanian and English have the same keys', () => {
    expect([...roKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !roKeys.has(k))).toEqual([]);
  });

  it('every literal key used in the renderer exists', () => {
    const used = new Set<string>();
    const dynamicPrefixes = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const code of Object.values(sources)) {
      for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\.\$\{/g)) dynamicPrefixes.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !roKeys.has(k))).toEqual([]);
    const prefixes = [...roKeys].map((k) => k.split('.').slice(0, -1).join('.'));
    expect([...dynamicPrefixes].filter((p) => !prefixes.includes(p))).toEqual([]);
  });

  it('words every MagFlow refusal of an outbox action in both languages (shared/actionFailures.ts)', () => {
    for (const code of ACTION_ERROR_CODES) {
      const key = `actionError.${code.replace(/^action\./, '')}`;
      expect(roKeys.has(key), code).toBe(true);
      expect(enKeys.has(key), code).toBe(true);
    }
  });

  it('names every sync job in both languages (the window lists them by name)', () => {
    for (const job of JOB_NAMES) {
      expect(roKeys.has(`jobs.${job}`), job).toBe(true);
      expect(enKeys.has(`jobs.${job}`), job).toBe(true);
    }
  });
});
