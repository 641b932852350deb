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
import { AppError } from '../errors';
import { failureOf } from '../failures/cause';

export type IpcHandlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export interface Dispatcher {
  /** Never throws: every failure comes back as `{ ok: false, error }`. */
  dispatch(channel: unknown, input: unknown): Promise<IpcResult<unknown>>;
}

export interface DispatcherOptions {
  /** Told about unexpected handler failures (the caller only sees a generic message). */
  onInternalError?: (channel: ChannelName, error: unknown) => void;
}

const isChannel = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, name);

function validationError(error: z.ZodError): IpcError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const first = issues[0];
  // zod's own reasons often are or start with "Invalid input"; the summary says it once.
  const reason = first?.message.replace(/^Invalid input(:\s*|$)/i, '');
  return {
    kind: 'validation',
    message: first ? `Invalid input at ${first.path}${reason ? `: ${reason}` : ''}` : 'Invalid input',
    issues,
  };
}

export function createDispatcher(handlers: IpcHandlers, options: DispatcherOptions = {}): Dispatcher {
  return {
    async dispatch(channel, input) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { kind: 'unknown_channel', message: `Unknown channel: ${String(channel).slice(0, 80)}` },
        };
      }
      const parsed = ipcContract[channel].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) {
          return {
            ok: false,
            error: {
              kind: error.kind,
              message: error.message,
              ...(error.issues ? { issues: error.issues } : {}),
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
          error: { kind: 'internal', message: `MagFlow could not complete ${channel}; see the log.` },
        };
      }
    },
  };
}
