// Chromium's own UI (date and time inputs, built-in messages) follows its `--lang` switch, not the page, and reads it
// only at start-up, before the app is ready: long before the core opens the database that holds the settings. So
// the shell keeps a copy of the seller's language in a small file next to the database and passes it to Chromium
// on the next start; without it an English system (or Electron's en-US default) shows dates as MM/DD/YYYY.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/logging';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/settings';
import { LOCALE } from '../core/messages/plural';
import type { CommandLinePort } from './ports';

type Language = Settings['language'];

/** Next to the database in the user data folder. */
export const LANGUAGE_FILE = 'language.json';

const LanguageFileSchema = z.object({ language: SettingsSchema.shape.language.unwrap() });

/** The locale Chromium gets: the same ones the renderer formats with (day before month in both). */
export function chromiumLocale(language: Language): string {
  return LOCALE[language] ?? LOCALE.ro;
}

/** The language saved by the last run; Romanian (the default setting) when there is none or it is unreadable. */
export function readSavedLanguage(dataDir: string, logger: Logger): Language {
  const path = join(dataDir, LANGUAGE_FILE);
  const saved = loadLanguageFile(path);
  if (saved instanceof Error) {
    logger.warn('the saved language file is unreadable; using Romanian until settings rewrite it', {
      path,
      error: saved,
    });
    return DEFAULT_SETTINGS.language;
  }
  return saved ?? DEFAULT_SETTINGS.language;
}

/** Saves the language for the next start (written whole, then renamed, so a crash leaves the old file). */
export function saveLanguage(dataDir: string, language: Language, logger: Logger): void {
  const path = join(dataDir, LANGUAGE_FILE);
  try {
    if (loadLanguageFile(path) === language) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, `${JSON.stringify({ language })}\n`);
    renameSync(`${path}.tmp`, path);
  } catch (error) {
    // Only the date inputs' format depends on it: not worth stopping anything.
    logger.warn('could not save the language for the next start', { path, error });
  }
}

/**
 * Before `app.whenReady()`: tells Chromium the seller's language. A `--lang` given on the command line wins (a
 * support person may start MagFlow with another one on purpose). Returns the locale Chromium runs with.
 */
export function applyChromiumLanguage(commandLine: CommandLinePort, dataDir: string, logger: Logger): string | null {
  if (commandLine.hasSwitch('lang')) return null;
  const locale = chromiumLocale(readSavedLanguage(dataDir, logger));
  commandLine.appendSwitch('lang', locale);
  return locale;
}

/** The saved language, null when there is no file yet, or the reason it cannot be read. */
function loadLanguageFile(path: string): Language | null | Error {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return error instanceof Error ? error : new Error(String(error));
  }
  try {
    return LanguageFileSchema.parse(JSON.parse(text)).language;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
