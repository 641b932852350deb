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
  // --lang is Electron's application locale, which pages see as navigator.language; headless Chromium needs the
  // context locale for that. (Its own date/time controls stay en-US in headless mode whatever the locale.)
  const lang = switches.find((s) => s.startsWith('--lang='))?.slice('--lang='.length);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...(lang ? { locale: lang } : {}),
  });
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
