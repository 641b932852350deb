// The window's start-up and the screen it opens on ask for the same data in the same React commit (and StrictMode
// runs every effect twice in development); main should see that request once. Only calls made in the same turn of the
// event loop share a request, so a later call (a retry, a refresh after an event) always reads afresh.

/** Wraps a load so calls within one turn of the event loop share the first one's request and promise. */
export function oncePerTurn(run: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | null = null;
  return () => {
    if (current) return current;
    const started = run();
    current = started;
    queueMicrotask(() => {
      current = null;
    });
    return started;
  };
}
