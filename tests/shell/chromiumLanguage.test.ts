// Chromium's date/time inputs follow the seller's language: the shell passes `--lang` before ready, from a copy of
// the language setting that it keeps next to the database (the core opens the database only after ready).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { startShell } from '../../main/shell/app';
import {
  applyChromiumLanguage,
  chromiumLocale,
  LANGUAGE_FILE,
  readSavedLanguage,
  saveLanguage,
} from '../../main/shell/chromiumLanguage';
import type { IpcResult } from '../../shared/ipc';
import { createFakeElectron, type FakeElectron } from './fakeElectron';
import { testShellOptions } from './shellSetup';

const APP_URL = 'magflow://app/index.html';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'magflow-lang-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function recordingCommandLine(launched: Record<string, string> = {}) {
  const appended: [string, string | undefined][] = [];
  return {
    appended,
    appendSwitch: (name: string, value?: string) => void appended.push([name, value]),
    hasSwitch: (name: string) => name in launched || appended.some(([n]) => n === name),
  };
}

describe('the language file', () => {
  it('maps the setting to the locales the renderer formats with', () => {
    expect(chromiumLocale('ro')).toBe('ro-RO');
    expect(chromiumLocale('en')).toBe('en-GB');
  });

  it('is Romanian before the first save, then what was saved', () => {
    const logger = createMemoryLogger();
    expect(readSavedLanguage(dir, logger)).toBe('ro');
    saveLanguage(dir, 'en', logger);
    expect(JSON.parse(readFileSync(join(dir, LANGUAGE_FILE), 'utf8'))).toEqual({ language: 'en' });
    expect(readSavedLanguage(dir, logger)).toBe('en');
    saveLanguage(dir, 'ro', logger);
    expect(readSavedLanguage(dir, logger)).toBe('ro');
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
  });

  it('falls back to Romanian with a warning when the file is damaged, and the next save repairs it', () => {
    const logger = createMemoryLogger();
    writeFileSync(join(dir, LANGUAGE_FILE), '{"language":"de"}');
    expect(readSavedLanguage(dir, logger)).toBe('ro');
    writeFileSync(join(dir, LANGUAGE_FILE), 'not json');
    expect(readSavedLanguage(dir, logger)).toBe('ro');
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
    saveLanguage(dir, 'en', logger);
    expect(readSavedLanguage(dir, logger)).toBe('en');
  });
});

describe('applyChromiumLanguage', () => {
  it('passes ro-RO on a first start and en-GB once English was saved', () => {
    const logger = createMemoryLogger();
    const first = recordingCommandLine();
    expect(applyChromiumLanguage(first, dir, logger)).toBe('ro-RO');
    expect(first.appended).toEqual([['lang', 'ro-RO']]);

    saveLanguage(dir, 'en', logger);
    const second = recordingCommandLine();
    expect(applyChromiumLanguage(second, dir, logger)).toBe('en-GB');
    expect(second.appended).toEqual([['lang', 'en-GB']]);
  });

  it('leaves a --lang given on the command line alone', () => {
    const commandLine = recordingCommandLine({ lang: 'de' });
    expect(applyChromiumLanguage(commandLine, dir, createMemoryLogger())).toBeNull();
    expect(commandLine.appended).toEqual([]);
  });
});

describe('the desktop shell', () => {
  async function launch(userData: string): Promise<{ fake: FakeElectron; quit: () => Promise<void> }> {
    const fake = createFakeElectron({ userData, logs: join(dir, 'logs') });
    const handle = startShell(fake, testShellOptions(dir, createMemoryLogger()));
    // What Chromium was told before it became ready is all that counts.
    fake.app.ready();
    await handle.ready;
    return {
      fake,
      quit: async () => {
        fake.app.quit();
        await vi.waitFor(() => expect(fake.app.exitCode).toBe(0), { timeout: 20_000 });
      },
    };
  }

  it('starts Chromium in Romanian, and in English on the start after the seller switched to English', async () => {
    const userData = join(dir, 'userData');
    mkdirSync(userData);

    const first = await launch(userData);
    expect(first.fake.app.switches).toEqual([{ name: 'lang', value: 'ro-RO', beforeReady: true }]);
    const updated = (await first.fake.ipc.invoke('magflow:settings.update', APP_URL, {
      language: 'en',
    })) as IpcResult<unknown>;
    expect(updated.ok).toBe(true);
    expect(readSavedLanguage(userData, createMemoryLogger())).toBe('en');
    await first.quit();

    const second = await launch(userData);
    expect(second.fake.app.switches).toEqual([{ name: 'lang', value: 'en-GB', beforeReady: true }]);
    await second.quit();
  }, 60_000);

  it('rewrites a lost copy from the settings in the database', async () => {
    const userData = join(dir, 'userData');
    mkdirSync(userData);
    const first = await launch(userData);
    await first.fake.ipc.invoke('magflow:settings.update', APP_URL, { language: 'en' });
    await first.quit();
    rmSync(join(userData, LANGUAGE_FILE));

    // This start cannot know yet (Romanian), but it puts the copy back for the next one.
    const second = await launch(userData);
    expect(second.fake.app.switches.map((s) => s.value)).toEqual(['ro-RO']);
    expect(readSavedLanguage(userData, createMemoryLogger())).toBe('en');
    await second.quit();
  }, 60_000);
});
