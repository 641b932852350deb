// Exposes exactly the shared contract as `window.magflow`, nothing else: the renderer never sees ipcRenderer.
// The window is sandboxed, so this file may import only electron and plain constants (shared/channels.ts): a
// sandboxed preload's require knows nothing else, and anything more would stop it from loading
// (tests/desktop/preload.test.ts runs the built file under those rules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_PREFIX } from '../shared/channels';
import type { MagflowApi } from '../shared/ipc';
import type { MagflowEvent } from '../shared/events';

const api: MagflowApi = {
  invoke: (channel, input) => ipcRenderer.invoke(`${INVOKE_PREFIX}${channel}`, input),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: MagflowEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('magflow', api);
