// IPC: one ipcMain.handle per channel of the contract, all through the core's dispatcher (inputs validated), only
// from MagFlow's own pages; core events forwarded to the window.
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../main/core/events/bus';
import { createDispatcher, type IpcHandlers } from '../../main/core/ipc/dispatcher';
import { createMemoryLogger } from '../../main/core/logging';
import { forwardEvents, logRendererProblems, registerIpcHandlers } from '../../main/shell/ipc';
import { isAppUrl } from '../../main/shell/security';
import { CHANNEL_NAMES, EVENT_CHANNEL, INVOKE_PREFIX, type IpcResult } from '../../shared/ipc';
import { FakeIpcMain, FakeWindow } from './fakeElectron';
import { fakeMainWindow } from './shellSetup';

const APP = 'magflow://app/index.html';

function setup() {
  const ipcMain = new FakeIpcMain();
  const calls: { channel: string; input: unknown }[] = [];
  // Every handler records its validated input; the real validation is the dispatcher's.
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      (input: unknown) => {
        calls.push({ channel, input });
        return { echoed: input ?? null };
      },
    ]),
  ) as unknown as IpcHandlers;
  const after: string[] = [];
  const logger = createMemoryLogger();
  const unregister = registerIpcHandlers({
    ipcMain,
    dispatcher: createDispatcher(handlers),
    logger,
    isTrustedUrl: (url) => isAppUrl(url, null),
    afterCall: (channel) => void after.push(channel),
  });
  return { ipcMain, calls, after, logger, unregister };
}

describe('IPC handlers', () => {
  it('registers exactly the contract channels, prefixed', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => `${INVOKE_PREFIX}${c}`).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a valid call through the dispatcher with its parsed input (defaults applied)', async () => {
    const { ipcMain, calls, after } = setup();
    const result = (await ipcMain.invoke('magflow:orders.get', APP, {
      accountId: 1,
      orderId: 42,
    })) as IpcResult<unknown>;
    expect(result).toEqual({ ok: true, value: { echoed: { accountId: 1, orderId: 42 } } });
    await ipcMain.invoke('magflow:notifications.list', APP, {});
    expect(calls.at(-1)).toEqual({ channel: 'notifications.list', input: { unreadOnly: false, limit: 100 } });
    expect(after).toEqual(['orders.get', 'notifications.list']);
  });

  it('rejects malformed input with a validation error naming the field, and never runs the handler', async () => {
    const { ipcMain, calls, after } = setup();
    const bad = [
      ['magflow:orders.get', { accountId: 'one', orderId: 42 }, 'accountId'],
      ['magflow:orders.get', { accountId: 1, orderId: 42, extra: true }, '(input)'],
      ['magflow:orders.list', { limit: 100_000 }, 'limit'],
      [
        'magflow:settings.update',
        { notifications: { quietHours: { from: '25:00' } } },
        'notifications.quietHours.from',
      ],
      ['magflow:accounts.save', { name: '', platform: 'emag-ro', kind: 'main', username: 'u' }, 'name'],
      ['magflow:app.openExternal', { url: 42 }, 'url'],
    ] as const;
    for (const [channel, input, field] of bad) {
      const result = (await ipcMain.invoke(channel, APP, input)) as IpcResult<unknown>;
      expect(result.ok, channel).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('validation');
        expect(result.error.issues?.map((i) => i.path)).toContain(field);
      }
    }
    expect(calls).toEqual([]);
    expect(after).toEqual([]);
  });

  it('refuses extra arguments and calls from frames that are not MagFlow pages', async () => {
    const { ipcMain, calls, logger } = setup();
    const extra = (await ipcMain.invoke('magflow:sync.state', APP, {}, { sneaky: 1 })) as IpcResult<unknown>;
    expect(extra.ok).toBe(false);
    for (const url of ['https://evil.example.com/', '', 'file:///tmp/x.html']) {
      const result = (await ipcMain.invoke('magflow:app.info', url)) as IpcResult<unknown>;
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    expect(calls).toEqual([]);
    expect(logger.lines().filter((l) => l.includes('untrusted'))).toHaveLength(3);
  });
});

describe('events and renderer problems', () => {
  const window = fakeMainWindow;

  it('forwards every core event on the one event channel, to a live window only', () => {
    const bus = createEventBus();
    const target = window();
    let current: FakeWindow | null = target;
    const stop = forwardEvents(bus, () => current);
    bus.emit({ type: 'order_update', accountId: 1, orderId: 2, fromStatus: 1, toStatus: 2 });
    expect(target.webContents.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        args: [{ type: 'order_update', accountId: 1, orderId: 2, fromStatus: 1, toStatus: 2 }],
      },
    ]);
    current = null;
    expect(() => bus.emit({ type: 'orders_imported', accountId: 1, account: 'A', count: 3 })).not.toThrow();
    target.webContents.destroyed = true;
    current = target;
    bus.emit({ type: 'orders_imported', accountId: 1, account: 'A', count: 3 });
    stop();
    expect(target.webContents.sent).toHaveLength(1);
  });

  it("the renderer's errors and crashes reach the log, redacted", () => {
    const logger = createMemoryLogger();
    const target = window();
    logRendererProblems(target, logger);
    target.webContents.consoleMessage({
      level: 'error',
      message: 'Uncaught TypeError: x is undefined (Authorization: Basic ZGVtbzpzZWNyZXQ=)',
      lineNumber: 3,
      sourceId: 'magflow://app/assets/index.js',
    });
    target.webContents.consoleMessage({ level: 'info', message: 'hello', lineNumber: 1, sourceId: '' });
    target.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 133 });
    const lines = logger.lines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('renderer: error');
    expect(lines[0]).toContain('Uncaught TypeError');
    expect(lines[0]).not.toContain('ZGVtbzpzZWNyZXQ=');
    expect(lines[1]).toContain('crashed');
  });
});
