import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/ipc';
import { createDispatcher, type IpcHandlers } from '../../main/core/ipc/dispatcher';
import { AppError } from '../../main/core/errors';

/** Handlers that record their calls and answer a marker, so a test can tell a handler ran. */
function recordingHandlers() {
  const calls: { channel: ChannelName; input: unknown }[] = [];
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      (input: unknown) => {
        calls.push({ channel, input });
        return { handled: channel };
      },
    ]),
  ) as unknown as IpcHandlers;
  return { calls, handlers };
}

/** Inputs no channel accepts: wrong shapes, wrong types, extra keys, hostile values. */
const MALFORMED: unknown[] = [
  42,
  'orders',
  [1, 2, 3],
  { unexpected: true },
  { accountId: -1, orderId: 'x' },
  { id: 0 },
  { __proto__: { polluted: true }, limit: 1e9 },
];

describe('IPC dispatcher', () => {
  it('rejects malformed input on every channel with a typed validation error, without running the handler', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatcher = createDispatcher(handlers);
    for (const channel of CHANNEL_NAMES) {
      for (const input of MALFORMED) {
        const result = await dispatcher.dispatch(channel, input);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.kind).toBe('validation');
          expect(result.error.message).toMatch(/Invalid input/);
          expect(result.error.message.match(/invalid input/gi)).toHaveLength(1); // said once, not by zod again
          expect(result.error.issues?.length).toBeGreaterThan(0);
        }
      }
    }
    expect(calls).toEqual([]);
  });

  it('passes a valid call to its handler with defaults applied', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatcher = createDispatcher(handlers);
    const result = await dispatcher.dispatch('orders.list', { statuses: [1], search: 'Ștefan' });
    expect(result).toEqual({ ok: true, value: { handled: 'orders.list' } });
    expect(calls).toEqual([
      {
        channel: 'orders.list',
        input: { statuses: [1], search: 'Ștefan', sort: { field: 'created', dir: 'desc' }, offset: 0, limit: 100 },
      },
    ]);
    expect((await dispatcher.dispatch('orders.acknowledge', { accountId: 1, orderId: 123 })).ok).toBe(true);
    expect((await dispatcher.dispatch('settings.get', undefined)).ok).toBe(true);
  });

  it('answers an unknown channel with a typed error', async () => {
    const dispatcher = createDispatcher(recordingHandlers().handlers);
    for (const channel of ['nope', 'constructor', '__proto__', 42, null]) {
      const result = await dispatcher.dispatch(channel, {});
      expect(result).toMatchObject({ ok: false, error: { kind: 'unknown_channel' } });
    }
  });

  it('maps domain errors to their kind and hides unexpected ones behind a generic message', async () => {
    const onInternalError = vi.fn();
    const { handlers } = recordingHandlers();
    handlers['orders.get'] = () => {
      throw new AppError('not_found', 'Order 5 not found');
    };
    handlers['dashboard.get'] = () => {
      throw new Error('SQLITE_IOERR: disk I/O error at /home/seller/secret/path');
    };
    const dispatcher = createDispatcher(handlers, { onInternalError });
    expect(await dispatcher.dispatch('orders.get', { accountId: 1, orderId: 5 })).toEqual({
      ok: false,
      error: { kind: 'not_found', message: 'Order 5 not found' },
    });
    const internal = await dispatcher.dispatch('dashboard.get', undefined);
    expect(internal).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('/home/seller');
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});
