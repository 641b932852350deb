// The one typed event bus of the core. Window events (shared/events.ts) are forwarded to the window by the shell and
// streamed by the CLI bridge; core events (coreEvents.ts) are heard only inside the main process.
import { EventEmitter } from 'node:events';
import type { MagflowEvent } from '../../../shared/events';
import { isCoreEventType, type CoreEvent } from './coreEvents';

export type BusEvent = MagflowEvent | CoreEvent;
export type BusEventType = BusEvent['type'];
export type BusEventOf<T extends BusEventType> = Extract<BusEvent, { type: T }>;

export interface EventBus {
  emit(event: BusEvent): void;
  /** Every window event (not the core events: subscribe to those by type); returns the unsubscribe function. */
  onAny(listener: (event: MagflowEvent) => void): () => void;
  on<T extends BusEventType>(type: T, listener: (event: BusEventOf<T>) => void): () => void;
}

export function createEventBus(onListenerError?: (error: unknown, event: BusEvent) => void): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const ANY_WINDOW_EVENT = Symbol('any window event');
  const subscribe = <E extends BusEvent>(name: string | symbol, listener: (event: E) => void) => {
    // A failing listener (a closed window, a broken stream) must never break the sync that emitted the event.
    const safe = (event: E) => {
      try {
        listener(event);
      } catch (error) {
        onListenerError?.(error, event);
      }
    };
    emitter.on(name, safe);
    return () => {
      emitter.off(name, safe);
    };
  };
  return {
    emit(event) {
      emitter.emit(event.type, event);
      if (!isCoreEventType(event.type)) emitter.emit(ANY_WINDOW_EVENT, event);
    },
    onAny: (listener) => subscribe(ANY_WINDOW_EVENT, listener),
    on: (type, listener) => subscribe(type, listener),
  };
}
