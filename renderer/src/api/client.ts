// The renderer's one door to main: holds the MagflowApi in use and unwraps its IpcResult envelopes into values or CallErrors.
import type { ChannelInput, ChannelName, ChannelOutput, MagflowApi } from '../../../shared/ipc';
import type { MagflowEvent } from '../../../shared/events';
import { CallError } from './errors';

let current: MagflowApi | null = null;

/** Chooses the API the stores talk to (the preload's, the browser bridge, or a fake in tests). */
export function setApi(api: MagflowApi | null): void {
  current = api;
}

export function getApi(): MagflowApi {
  if (!current) throw new CallError('unavailable', 'MagFlow is not connected to its main process.');
  return current;
}

export function hasApi(): boolean {
  return current !== null;
}

/** Invokes a channel and returns its value, or throws a CallError with the kind main reported. */
export async function call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await getApi().invoke(channel, input);
  } catch (error) {
    throw CallError.from(error);
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new CallError('transport', `No valid answer from ${channel}.`);
  }
  if (result.ok) return result.value;
  throw CallError.fromIpc(result.error);
}

/** Subscribes to main's events through the current API. */
export function subscribe(listener: (event: MagflowEvent) => void): () => void {
  return getApi().onEvent(listener);
}
