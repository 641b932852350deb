// The one typed event bus of the core. The shell forwards it to the window; the CLI bridge streams it.
import { EventEmitter } from 'node:events';
import type { EventOf, MagflowEvent, MagflowEventType } from '../../../shared/events';

export interface EventBus {
  emit(event: MagflowEvent): void;
  /** Every event; returns the unsubscribe function. */
  onAny(listener: (event: MagflowEvent) => void): () => void;
  on<T extends MagflowEventType>(type: T, listener: (event: EventOf<T>) => void): () => void;
}

export function createEventBus(onListenerError?: (error: unknown, event: MagflowEvent) => void): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const ANY = Symbol('any');
  const subscribe = (name: string | symbol, listener: (event: MagflowEvent) => void) => {
    // A failing listener (a closed window, a broken stream) must never break the sync that emitted the event.
    const safe = (event: MagflowEvent) => {
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
      emitter.emit(ANY, event);
    },
    onAny: (listener) => subscribe(ANY, listener),
    on: (type, listener) => subscribe(type, listener as (event: MagflowEvent) => void),
  };
}
