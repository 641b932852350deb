// The browser process: Debian's Chromium through playwright-core, launched when the app becomes ready (with the
// switches the app appended before ready, e.g. --lang), one browser context standing for session.defaultSession.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, HEADLESS_CHROMIUM_ARGS } from '../../../support/chromium';
import { record } from '../journal';
import { runtime } from './runtime';

export interface ChromiumSession {
  browser: Browser;
  context: BrowserContext;
}

let session: ChromiumSession | null = null;

export async function launchChromium(switches: string[]): Promise<ChromiumSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...HEADLESS_CHROMIUM_ARGS, ...switches],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  session = { browser, context };
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const pid = info.processInfo.find((p) => p.type === 'browser')?.id ?? null;
  await cdp.detach();
  record('chromium.launched', { chromiumPid: pid, switches, version: browser.version() });
  runtime.teardown.push(async () => {
    session = null;
    await browser.close().catch(() => undefined);
  });
  return session;
}

export function chromiumSession(): ChromiumSession {
  if (!session) throw new Error('harness: Chromium is not running (the app is not ready)');
  return session;
}
