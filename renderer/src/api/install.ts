// Picks the API for this page: the preload's window.magflow in Electron, else the browser bridge when opened with ?token=.
import type { MagflowApi } from '../../../shared/ipc';
import { createBridgeApi } from './bridge';
import { setApi } from './client';

declare global {
  interface Window {
    magflow?: MagflowApi;
  }
}

/** Returns the installed API, or null when the page has neither the preload nor a token (shown as an error screen). */
export function installApi(win: Window = window): MagflowApi | null {
  let api: MagflowApi | null = win.magflow ?? null;
  if (!api) {
    const token = new URLSearchParams(win.location.search).get('token');
    if (token) {
      const scope = win as Window & typeof globalThis;
      api = createBridgeApi(token, { fetch: scope.fetch.bind(scope), EventSource: scope.EventSource });
      win.magflow = api;
    }
  }
  setApi(api);
  return api;
}
