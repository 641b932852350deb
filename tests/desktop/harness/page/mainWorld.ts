// The main world's end of contextBridge: injected before the page's own scripts, it defines on `window` what the
// preload exposes (see worldBridge.ts). It adds nothing else to the page.
import { createWorldEnd, domChannel } from './worldBridge';

export function startMainWorld(channelName: string): void {
  createWorldEnd('main', domChannel(channelName, 'main'), globalThis);
}
