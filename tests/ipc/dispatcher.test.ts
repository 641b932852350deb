import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/ipc';
import { createDispatcher, type IpcHandlers } from '../../main/core/ipc/dispatcher';
import { AppError, invalidInput, notFound } from '../../main/core/errors';
import type { Language } from '../../main/core/messages/catalogue';

type Issue = { path: string; message: string };

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
      throw notFound('order', 5);
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

describe("IPC dispatcher: errors in the window's language", () => {
  /** A dispatcher whose language the test switches, like the seller switching it in Settings. */
  function inLanguage(handlers: IpcHandlers, onInternalError = vi.fn()) {
    let lang: Language = 'ro';
    const dispatcher = createDispatcher(handlers, { language: () => lang, onInternalError });
    return {
      dispatch: (channel: unknown, input: unknown, language: Language) => {
        lang = language;
        return dispatcher.dispatch(channel, input);
      },
    };
  }

  it("renders an AppError's message and each issue in the language asked at the call; message stays English", async () => {
    const { handlers } = recordingHandlers();
    const thrown = invalidInput([
      { path: 'reason', message: (text) => text.errors.orders.reasonOnlyWithCancel },
      { path: 'courierAccountId', message: (text) => text.errors.orders.courierRequired('7, 9') },
    ]);
    handlers['orders.acknowledge'] = () => {
      throw thrown;
    };
    handlers['orders.get'] = () => {
      throw new AppError('conflict', (text) => text.errors.orders.fbeShips, undefined, 'order.fbe');
    };
    const { dispatch } = inLanguage(handlers);
    expect(thrown.message).toBe('Invalid input at reason: A reason goes only with a cancellation');

    expect(await dispatch('orders.acknowledge', { accountId: 1, orderId: 2 }, 'ro')).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: 'Date greșite la reason: Un motiv se dă doar la anulare',
        issues: [
          { path: 'reason', message: 'Un motiv se dă doar la anulare' },
          {
            path: 'courierAccountId',
            message: 'eMAG cere pentru această comandă unul dintre conturile de curier 7, 9',
          },
        ],
      },
    });
    expect(await dispatch('orders.acknowledge', { accountId: 1, orderId: 2 }, 'en')).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: 'Invalid input at reason: A reason goes only with a cancellation',
        issues: [
          { path: 'reason', message: 'A reason goes only with a cancellation' },
          { path: 'courierAccountId', message: 'eMAG requires one of the courier accounts 7, 9 for this order' },
        ],
      },
    });
    expect(await dispatch('orders.get', { accountId: 1, orderId: 2 }, 'ro')).toEqual({
      ok: false,
      error: {
        kind: 'conflict',
        code: 'order.fbe',
        message: 'eMAG expediază singur comenzile pe care le livrează (FBE)',
      },
    });
    expect(await dispatch('orders.get', { accountId: 1, orderId: 2 }, 'en')).toMatchObject({
      error: { message: 'eMAG ships orders it fulfils (FBE) itself' },
    });
  });

  it('names a missing thing with its gender in Romanian', async () => {
    const { handlers } = recordingHandlers();
    handlers['orders.get'] = () => {
      throw notFound('order', 5);
    };
    handlers['returns.get'] = () => {
      throw notFound('account', 3);
    };
    const { dispatch } = inLanguage(handlers);
    expect(await dispatch('orders.get', { accountId: 1, orderId: 5 }, 'ro')).toMatchObject({
      error: { kind: 'not_found', message: 'Comanda 5 nu a fost găsită' },
    });
    expect(await dispatch('returns.get', { accountId: 3, emagId: 1 }, 'ro')).toMatchObject({
      error: { kind: 'not_found', message: 'Contul 3 nu a fost găsit' },
    });
    expect(await dispatch('orders.get', { accountId: 1, orderId: 5 }, 'en')).toMatchObject({
      error: { message: 'Order 5 not found' },
    });
  });

  it("words zod's issues by code in each language, keeping their paths, and never passes zod's English", async () => {
    const { calls, handlers } = recordingHandlers();
    const { dispatch } = inLanguage(handlers);
    const cases: { channel: ChannelName; input: unknown; ro: Issue[]; en: Issue[] }[] = [
      {
        channel: 'orders.acknowledge',
        input: { accountId: 1, orderId: 'x' },
        ro: [{ path: 'orderId', message: 'trebuie să fie număr' }],
        en: [{ path: 'orderId', message: 'expected a number' }],
      },
      {
        channel: 'orders.acknowledge',
        input: { accountId: 0, orderId: 1, extra: 1, other: 2 },
        ro: [
          { path: 'accountId', message: 'trebuie să fie mai mare decât 0' },
          { path: '(input)', message: 'câmpuri necunoscute: extra, other' },
        ],
        en: [
          { path: 'accountId', message: 'must be greater than 0' },
          { path: '(input)', message: 'unknown fields: extra, other' },
        ],
      },
      {
        channel: 'orders.list',
        input: { search: 'x'.repeat(201), limit: 5000 },
        ro: [
          { path: 'search', message: 'poate avea cel mult 200 de caractere' },
          { path: 'limit', message: 'trebuie să fie cel mult 1000' },
        ],
        en: [
          { path: 'search', message: 'must have at most 200 characters' },
          { path: 'limit', message: 'must be at most 1000' },
        ],
      },
      {
        channel: 'settings.update',
        input: { language: 'fr' },
        ro: [{ path: 'language', message: 'trebuie să fie una dintre valorile: "ro", "en"' }],
        en: [{ path: 'language', message: 'must be one of: "ro", "en"' }],
      },
      {
        // The shared schema's own refusal, by its key (shared/issueKeys.ts).
        channel: 'orders.bulk',
        input: { action: 'status', orders: [{ accountId: 1, orderId: 1 }] },
        ro: [{ path: 'status', message: 'o schimbare de status are nevoie de statusul nou' }],
        en: [{ path: 'status', message: 'a status change needs the target status' }],
      },
    ];
    for (const { channel, input, ro, en } of cases) {
      for (const [lang, issues, summary] of [
        ['ro', ro, 'Date greșite la'],
        ['en', en, 'Invalid input at'],
      ] as const) {
        const result = await dispatch(channel, input, lang);
        expect(result, `${channel} in ${lang}`).toEqual({
          ok: false,
          error: {
            kind: 'validation',
            message: `${summary} ${issues[0]!.path}: ${issues[0]!.message}`,
            issues,
          },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it("answers a caller that asks for English (the CLI) in English, whatever the window's language", async () => {
    const { handlers } = recordingHandlers();
    handlers['orders.get'] = () => {
      throw notFound('order', 5);
    };
    const dispatcher = createDispatcher(handlers, { language: () => 'ro' });
    expect(await dispatcher.dispatch('orders.get', { accountId: 1, orderId: 5 })).toMatchObject({
      error: { message: 'Comanda 5 nu a fost găsită' },
    });
    expect(await dispatcher.dispatch('orders.get', { accountId: 1, orderId: 5 }, { language: 'en' })).toMatchObject({
      error: { message: 'Order 5 not found' },
    });
  });

  it('still answers when the language cannot be read (in English)', async () => {
    const dispatcher = createDispatcher(recordingHandlers().handlers, {
      language: () => {
        throw new Error('database closed');
      },
    });
    expect(await dispatcher.dispatch('nope', {})).toEqual({
      ok: false,
      error: { kind: 'unknown_channel', message: 'Unknown channel: nope' },
    });
  });

  it('says "internal" and "unknown channel" in the language too, still hiding the details', async () => {
    const onInternalError = vi.fn();
    const { handlers } = recordingHandlers();
    handlers['dashboard.get'] = () => {
      throw new Error('SQLITE_IOERR at /home/seller/secret/path');
    };
    const { dispatch } = inLanguage(handlers, onInternalError);
    expect(await dispatch('dashboard.get', undefined, 'ro')).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'MagFlow nu a putut finaliza dashboard.get; vezi jurnalul.' },
    });
    expect(await dispatch('dashboard.get', undefined, 'en')).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'MagFlow could not complete dashboard.get; see the log.' },
    });
    expect(onInternalError).toHaveBeenCalledTimes(2);
    expect(await dispatch('nope', {}, 'ro')).toEqual({
      ok: false,
      error: { kind: 'unknown_channel', message: 'Canal necunoscut: nope' },
    });
  });
});
