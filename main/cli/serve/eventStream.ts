// Server-Sent Events: every MagflowEvent of the bus becomes one `data:` frame of JSON; a comment line every few
// seconds keeps proxies and the browser from timing the stream out. A client too slow to drain is dropped (the
// browser's EventSource reconnects by itself) rather than buffering without bound.
import type { ServerResponse } from 'node:http';
import type { MagflowEvent } from '../../../shared/events';
import type { EventBus } from '../../core/events/bus';
import { SECURITY_HEADERS } from './staticFiles';

/** Bytes a stream may have queued before it is considered stuck and closed. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface EventStreams {
  /** Starts streaming to this response until the client leaves or `closeAll` runs. */
  attach(res: ServerResponse): void;
  readonly size: number;
  closeAll(): void;
}

export function eventStreams(bus: EventBus, heartbeatMs: number): EventStreams {
  const open = new Set<ServerResponse>();

  const write = (res: ServerResponse, chunk: string) => {
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      res.destroy();
      return;
    }
    res.write(chunk);
  };
  const frame = (event: MagflowEvent) => `data: ${JSON.stringify(event)}\n\n`;

  const unsubscribe = bus.onAny((event) => {
    if (open.size === 0) return;
    const chunk = frame(event);
    for (const res of open) write(res, chunk);
  });
  const heartbeat = setInterval(() => {
    for (const res of open) write(res, `: heartbeat ${Date.now()}\n\n`);
  }, heartbeatMs);
  heartbeat.unref();

  return {
    attach(res) {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      // `retry` tells EventSource how soon to reconnect after a drop; the comment flushes the headers at once.
      res.write('retry: 2000\n: connected\n\n');
      open.add(res);
      res.on('close', () => open.delete(res));
    },
    get size() {
      return open.size;
    },
    closeAll() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const res of open) res.end();
      open.clear();
    },
  };
}
