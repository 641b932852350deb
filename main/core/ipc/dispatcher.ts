// The one IPC dispatcher: validates a call against the shared contract, runs its handler, answers an envelope.
// Transport-free on purpose: Electron's ipcMain and the CLI's HTTP bridge both feed it.
import { z } from 'zod';
import {
  ipcContract,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
  type IpcError,
  type IpcResult,
} from '../../../shared/ipc';
import { describeEmagError, isEmagError } from '../emag';
import { AppError, invalidInputSummary } from '../errors';
import { failureOf } from '../failures/cause';
import { messages, type Language } from '../messages/catalogue';
import { render } from '../messages/localized';
import { zodIssues } from '../messages/zodIssues';

export type IpcHandlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export interface Dispatcher {
  /**
   * Never throws: every failure comes back as `{ ok: false, error }`, its texts in the window's language, or in
   * `language` when the caller says (the CLI's English).
   */
  dispatch(channel: unknown, input: unknown, options?: { language?: Language }): Promise<IpcResult<unknown>>;
}

export interface DispatcherOptions {
  /** The window's language: every message main puts in an error is rendered in it (English when absent). */
  language?: () => Language;
  /** Told about unexpected handler failures (the caller only sees a generic message). */
  onInternalError?: (channel: ChannelName, error: unknown) => void;
}

const isChannel = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, name);

/** A refused input: every zod issue in the window's language, and the summary naming the first. */
function validationError(error: z.ZodError, lang: Language): IpcError {
  const issues = zodIssues(error);
  return {
    kind: 'validation',
    message: render(invalidInputSummary(issues), lang),
    issues: issues.map((issue) => ({ path: issue.path, message: render(issue.message, lang) })),
  };
}

export function createDispatcher(handlers: IpcHandlers, options: DispatcherOptions = {}): Dispatcher {
  /** The window's language; English if it cannot be read (the dispatcher must answer even then, e.g. mid-shutdown). */
  const windowLanguage = (): Language => {
    try {
      return options.language?.() ?? 'en';
    } catch {
      return 'en';
    }
  };
  return {
    async dispatch(channel, input, call = {}) {
      const lang = call.language ?? windowLanguage();
      const text = messages(lang);
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { kind: 'unknown_channel', message: text.errors.unknownChannel(String(channel).slice(0, 80)) },
        };
      }
      const parsed = ipcContract[channel].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error, lang) };
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) {
          const { message, issues } = error.in(lang);
          return {
            ok: false,
            error: {
              kind: error.kind,
              message,
              ...(issues ? { issues } : {}),
              ...(error.code ? { code: error.code } : {}),
            },
          };
        }
        if (isEmagError(error)) {
          const { cause, reason } = failureOf(error);
          // eMAG's own refusal reaches the window with a code it can explain (wrong password, IP, API rights...).
          return {
            ok: false,
            error: {
              kind: 'emag',
              code: error.code ?? `emag.${error.kind}`,
              cause,
              ...(reason ? { reason } : {}),
              message: describeEmagError(error),
            },
          };
        }
        options.onInternalError?.(channel, error);
        return {
          ok: false,
          error: { kind: 'internal', message: text.errors.internal(channel) },
        };
      }
    },
  };
}
