import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcRouter, SenderInfo } from './router';

/** Who sent an invoke: the frame's URL, and whether it is the window's main frame. */
export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? null,
    isMainFrame: !!frame && frame === event.sender.mainFrame,
  };
}

/** The only place ipcMain.handle is called (security S9): every channel through the router. */
export function registerIpc(ipcMain: IpcMain, router: IpcRouter): void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, arg: unknown) =>
      router.dispatch(senderOf(event), channel, arg),
    );
  }
}
