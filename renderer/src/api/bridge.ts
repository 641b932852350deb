// The browser bridge client: the same MagflowApi as the preload, over the CLI `serve` command's loopback HTTP API.
// Invoke: POST /api/invoke/<channel> {"input": ...} with a Bearer token, answered by an IpcResult JSON.
// Events: EventSource('/api/events?token=<token>'), each message one JSON MagflowEvent.
import type { IpcResult, MagflowApi } from '../../../shared/ipc';
import type { MagflowEvent } from '../../../shared/events';

export interface BridgeDeps {
  fetch: typeof fetch;
  EventSource: new (url: string) => EventSource;
  /** Origin + path prefix of the serve command, '' for the page's own origin. */
  baseUrl?: string;
}

function transportFailure(message: string): IpcResult<never> {
  return { ok: false, error: { kind: 'unavailable', message } };
}

export function createBridgeApi(token: string, deps: BridgeDeps): MagflowApi {
  const base = deps.baseUrl ?? '';
  const listeners = new Set<(event: MagflowEvent) => void>();
  let source: EventSource | null = null;

  // One EventSource shared by every subscriber; opened on first subscribe, closed when the last one leaves.
  function openEvents(): void {
    if (source) return;
    source = new deps.EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: MagflowEvent;
      try {
        event = JSON.parse(message.data) as MagflowEvent;
      } catch {
        return; // a malformed frame is dropped; the next one still arrives
      }
      if (!event || typeof event !== 'object' || typeof event.type !== 'string') return;
      for (const listener of listeners) listener(event);
    };
  }

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await deps.fetch(`${base}/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ input }),
        });
      } catch (error) {
        return transportFailure(`MagFlow is not reachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        const body = (await response.json()) as unknown;
        if (body && typeof body === 'object' && 'ok' in body) return body as Awaited<ReturnType<MagflowApi['invoke']>>;
      } catch {
        // fall through: not JSON
      }
      return transportFailure(`MagFlow answered HTTP ${response.status} without a result.`);
    },
    onEvent(listener) {
      listeners.add(listener);
      openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
