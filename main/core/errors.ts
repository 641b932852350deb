// Errors the core raises on purpose, with a kind the window can explain (the IPC layer maps them 1:1). Their texts
// come from the message catalogue: `message` is the English rendering (CLI, logs), `in(lang)` the window's.
import type { IpcErrorKind } from '../../shared/ipc';
import type { Catalogue, Language } from './messages/catalogue';
import { inEnglish, render, textIn, type Localized } from './messages/localized';

/** A field that is wrong and why (the window shows it beside the field). */
export interface Issue {
  path: string;
  message: Localized;
}

export interface RenderedIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  /** The issues in English, for the CLI and the logs. */
  readonly issues?: RenderedIssue[];
  /** The message in any language (`message` is its English rendering). */
  readonly text: Localized;
  readonly #issues: Issue[] | undefined;

  constructor(
    readonly kind: Exclude<IpcErrorKind, 'unknown_channel' | 'internal'>,
    message: Localized,
    /** For `validation`: the fields that are wrong and why (the window shows each beside its field). */
    issues?: Issue[],
    /** A language-neutral reason the window can explain (IpcError.code), e.g. `bucket.auth`. */
    readonly code?: string,
  ) {
    super(inEnglish(message));
    this.name = 'AppError';
    this.text = message;
    this.#issues = issues;
    if (issues) this.issues = issues.map((issue) => ({ path: issue.path, message: inEnglish(issue.message) }));
  }

  /** The message and issues in one language (the window's). */
  in(lang: Language): { message: string; issues?: RenderedIssue[] } {
    const message = render(this.text, lang);
    if (!this.#issues) return { message };
    return {
      message,
      issues: this.#issues.map((issue) => ({ path: issue.path, message: render(issue.message, lang) })),
    };
  }
}

/** The one-line summary of a validation failure: the first field and why. */
export const invalidInputSummary =
  (issues: readonly Issue[]): Localized =>
  (text) => {
    const first = issues[0];
    return first ? text.errors.invalidInputAt(first.path, textIn(first.message, text)) : text.errors.invalidInput;
  };

/** Input that passed the IPC schema but breaks a rule only main can check (e.g. the order's own data). */
export const invalidInput = (issues: Issue[]): AppError =>
  new AppError('validation', invalidInputSummary(issues), issues);

export type MissingThing = keyof Catalogue['errors']['notFound'];

export const notFound = (what: MissingThing, id: number): AppError =>
  new AppError('not_found', (text) => text.errors.notFound[what](id));
export const conflict = (message: Localized): AppError => new AppError('conflict', message);
