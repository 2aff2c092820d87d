// The sandboxed preload: bundled to one CommonJS file that requires only `electron`.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildWyzeApi } from './api';
import { withFirstCalls } from './first-calls';

// The page start's calls go out now, while the app's script loads (first-calls.ts).
const api = buildWyzeApi(
  withFirstCalls({
    invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
    on: (event, listener) => {
      // Strip the IpcRendererEvent: the page gets the payload only (security S3).
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  }),
);

contextBridge.exposeInMainWorld('wyze', api);
