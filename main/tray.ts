/**
 * The tray (the menu-bar item on macOS): main/tray-model.ts decides what it says and offers; this
 * keeps Electron's Tray in step with it, rebuilding the menu when the session, the camera list or
 * the watch state changes, and when a pause runs out. Electron's Tray, Menu and images are handed
 * in by main/desktop-menus.ts, so this runs, and is tested, in plain Node.
 */
import { join } from 'node:path';
import type { DeviceDto, SessionView } from '../common/view';
import type { WatchEvent, WatchState } from '../common/watch';
import { trayModel } from './tray-model';
import type { TrayAction, TrayIconState, TrayItem, TrayModel } from './tray-model';

/**
 * The tray pictures, drawn by build/tray/make-icons.mjs. macOS: template images (black and
 * alpha; the menu bar tints them); elsewhere in colour. Electron picks the @2x file beside each
 * on high-density displays.
 */
export const TRAY_ICON_FILES: Readonly<Record<'mac' | 'other', Record<TrayIconState, string>>> = {
  mac: { normal: 'trayTemplate.png', offline: 'trayOfflineTemplate.png' },
  other: { normal: 'tray.png', offline: 'tray-offline.png' },
};

/**
 * Where the tray pictures are: in the package's resources (electron-builder.yml extraResources
 * puts build/tray there as tray/), or in build/tray of the source tree in development.
 */
export function trayIconPaths(opts: {
  isMac: boolean;
  isPackaged: boolean;
  resourcesPath: string;
  /** The repository root (development). */
  sourceRoot: string;
}): Record<TrayIconState, string> {
  const dir = opts.isPackaged
    ? join(opts.resourcesPath, 'tray')
    : join(opts.sourceRoot, 'build', 'tray');
  const files = TRAY_ICON_FILES[opts.isMac ? 'mac' : 'other'];
  return { normal: join(dir, files.normal), offline: join(dir, files.offline) };
}

/** A menu item as Electron's Menu.buildFromTemplate takes it (the part used here). */
export interface TrayMenuItem {
  label?: string;
  type?: 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** The part of Electron's Tray this uses. */
export interface TrayLike<Image, Menu> {
  setToolTip(text: string): void;
  /** macOS only: the text beside the icon in the menu bar. */
  setTitle(title: string): void;
  setImage(image: Image): void;
  setContextMenu(menu: Menu): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TraySources {
  session: { view(): Pick<SessionView, 'status'>; onChange(listener: () => void): () => void };
  inventory: {
    view(): { devices: ReadonlyArray<Pick<DeviceDto, 'isCamera' | 'online'>> };
    onChange(listener: () => void): () => void;
  };
  watch: { state(): WatchState; onEvent(listener: (event: WatchEvent) => void): () => void };
}

export interface TrayTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Builds the tray and keeps it current; `destroy` removes it and stops listening. */
export function createAppTray<Image, Menu>(deps: {
  createTray: (image: Image) => TrayLike<Image, Menu>;
  buildMenu: (template: TrayMenuItem[]) => Menu;
  images: Record<TrayIconState, Image>;
  isMac: boolean;
  sources: TraySources;
  actions: Record<TrayAction, () => void>;
  now?: () => number;
  formatTime?: (epochMs: number) => string;
  timers?: TrayTimers;
  /** Told each time what the tray shows changes (the app menu's pause item follows it). */
  onModel?: (model: TrayModel) => void;
}) {
  const now = deps.now ?? Date.now;
  const formatTime =
    deps.formatTime ??
    ((ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
  const timers: TrayTimers = deps.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };

  const model = (): TrayModel =>
    trayModel({
      session: deps.sources.session.view(),
      cameras: deps.sources.inventory.view().devices,
      watch: deps.sources.watch.state(),
      now: now(),
      formatTime,
    });

  const toTemplate = (items: TrayItem[]): TrayMenuItem[] =>
    items.map((item) => {
      if (item.kind === 'separator') return { type: 'separator' };
      if (item.kind === 'status') return { label: item.label, enabled: false };
      return { label: item.label, enabled: item.enabled, click: deps.actions[item.action] };
    });

  let current = model();
  const tray = deps.createTray(deps.images[current.icon]);
  let shown = '';
  let shownIcon = current.icon;
  let pauseTimer: unknown = null;
  let destroyed = false;

  function apply(next: TrayModel): void {
    // The camera list changes on every refresh; the tray only when what it says does (a rebuilt
    // menu closes an open one on some desktops).
    const key = JSON.stringify(next);
    if (key === shown) return;
    shown = key;
    tray.setToolTip(next.tooltip);
    if (deps.isMac) tray.setTitle(next.title);
    if (next.icon !== shownIcon) {
      tray.setImage(deps.images[next.icon]);
      shownIcon = next.icon;
    }
    tray.setContextMenu(deps.buildMenu(toTemplate(next.items)));
    current = next;
    if (pauseTimer !== null) timers.clearTimeout(pauseTimer);
    pauseTimer =
      next.changesAt === null
        ? null
        : timers.setTimeout(update, Math.max(0, next.changesAt - now()));
    deps.onModel?.(next);
  }

  function update(): void {
    if (!destroyed) apply(model());
  }

  apply(current);
  // Windows and Linux: a click on the icon opens the window (macOS: it opens the menu).
  if (!deps.isMac) tray.on('click', deps.actions.open);
  const unsubscribe = [
    deps.sources.session.onChange(update),
    deps.sources.inventory.onChange(update),
    deps.sources.watch.onEvent((event) => {
      if (event.kind === 'state') update();
    }),
  ];

  return {
    /** What the tray shows now (tests, and the Electron end-to-end spec). */
    model: (): TrayModel => current,
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      for (const off of unsubscribe) off();
      if (pauseTimer !== null) timers.clearTimeout(pauseTimer);
      tray.destroy();
    },
  };
}
