// A text main shows the seller, not yet in a language: a plain string (eMAG's own words, a file name) or the
// catalogue entry that writes it. Errors carry these so the IPC layer can render them in the window's language,
// while `Error.message`, the CLI and the logs keep the English rendering.
import { messages, type Catalogue, type Language } from './catalogue';

export type Localized = string | ((text: Catalogue) => string);

/** The text with a language's catalogue. */
export const textIn = (localized: Localized, text: Catalogue): string =>
  typeof localized === 'string' ? localized : localized(text);

/** The text in one language. */
export const render = (localized: Localized, lang: Language): string => textIn(localized, messages(lang));

/** The English rendering: what the CLI prints and the logs keep. */
export const inEnglish = (localized: Localized): string => render(localized, 'en');
