// The app process's side of the test's remote control (over the fork IPC channel): play the seller and the OS
// (click the tray, a menu item, a notification, a message box button; close the window; crash the renderer; send
// a power event), look at the window (evaluate in the page's main world, screenshots) and read state.
import { record } from './journal';
import { app } from './electron/app';
import { answerMessageBox, openMessageBoxes, presetSyncAnswer } from './electron/dialog';
import { notifications } from './electron/notification';
import { powerMonitor, setOnline } from './electron/services';
import { trays } from './electron/tray';
import { BrowserWindow } from './electron/windows';

export interface Command {
  id: number;
  name: string;
  args: Record<string, unknown>;
}

function windowOf(args: Record<string, unknown>): BrowserWindow {
  const all = BrowserWindow.getAllWindows();
  const window = args['window'] === undefined ? all.at(-1) : BrowserWindow.fromId(Number(args['window']));
  if (!window) throw new Error('harness: no such window');
  return window;
}

function tray() {
  const live = trays.filter((t) => !t.isDestroyed());
  const found = live.at(-1);
  if (!found) throw new Error('harness: no tray');
  return found;
}

const commands: Record<string, (args: Record<string, unknown>) => unknown> = {
  state: () => ({
    ready: app.isReady(),
    windows: BrowserWindow.getAllWindows().map((w) => w.state()),
    trays: trays.map((t) => t.state()),
    messageBoxes: openMessageBoxes(),
  }),
  'tray.click': () => tray().userClick(),
  'tray.clickItem': (args) => tray().userClickItem(String(args['item'])),
  'notification.click': (args) => {
    const n = notifications.get(Number(args['id']));
    if (!n) throw new Error(`harness: no notification ${String(args['id'])}`);
    n.userClick();
  },
  'dialog.answer': (args) => answerMessageBox(Number(args['response']), args['id'] as number | undefined),
  'dialog.presetSync': (args) => presetSyncAnswer(Number(args['response'])),
  'window.userClose': (args) => windowOf(args).close(),
  'window.emit': (args) => {
    record('window.os-event', { name: args['event'] });
    windowOf(args).emit(String(args['event']));
  },
  'page.evaluate': async (args) => (await windowOf(args).webContents.page()).evaluate(String(args['expression'])),
  'page.click': async (args) => (await windowOf(args).webContents.page()).click(String(args['selector'])),
  'page.select': async (args) =>
    (await windowOf(args).webContents.page()).selectOption(String(args['selector']), String(args['value'])),
  'page.waitFor': async (args) => {
    const page = await windowOf(args).webContents.page();
    await page.waitForSelector(String(args['selector']), { timeout: Number(args['timeout'] ?? 20_000) });
  },
  'page.screenshot': async (args) => {
    const page = await windowOf(args).webContents.page();
    await page.screenshot({ path: String(args['path']) });
    record('harness.screenshot', { path: args['path'] });
  },
  'renderer.crash': (args) => windowOf(args).webContents.crash(),
  'power.emit': (args) => powerMonitor.osEvent(String(args['event'])),
  'net.online': (args) => setOnline(args['online'] === true),
  'app.quit': () => app.quit(),
};

export function listenForCommands(): void {
  process.on('message', (message: Command) => {
    void (async () => {
      const run = commands[message.name];
      try {
        if (!run) throw new Error(`harness: unknown command ${message.name}`);
        const value = await run(message.args ?? {});
        process.send?.({ id: message.id, ok: true, value: value ?? null });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        process.send?.({ id: message.id, ok: false, error: e.message });
      }
    })();
  });
  // The app must not be kept alive by the control channel alone (Electron's process ends when the app quits).
  process.channel?.unref();
}
