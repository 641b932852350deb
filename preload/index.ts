// Exposes exactly the shared contract as `window.magflow`, nothing else: the renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_PREFIX, type MagflowApi } from '../shared/ipc';
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
