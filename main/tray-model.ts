/**
 * What the tray (the menu-bar item on macOS) says and offers, decided from the session, the
 * camera list and the watch state. Pure: main/tray.ts turns it into Electron's Tray and Menu and
 * rebuilds it whenever one of the three changes (docs/protocol.md, "Status history").
 */
import type { DeviceDto, SessionView } from '../common/view';
import type { WatchState } from '../common/watch';

/** What a tray menu item does when clicked; main/tray.ts maps each to a call. */
export type TrayAction = 'open' | 'refresh' | 'pause' | 'resume' | 'quit';

export type TrayItem =
  | { kind: 'status'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean };

export type TrayActionItem = Extract<TrayItem, { kind: 'action' }>;

/** The menu's Pause notifications / Resume notifications item (the app menu offers it too). */
export function pauseItem(items: readonly TrayItem[]): TrayActionItem | null {
  const found = items.find(
    (item): item is TrayActionItem =>
      item.kind === 'action' && (item.action === 'pause' || item.action === 'resume'),
  );
  return found ?? null;
}

/** Which tray picture: the plain one, or the one marked "a camera is offline". */
export type TrayIconState = 'normal' | 'offline';

export interface TrayModel {
  /** The hover text (Windows, macOS, and Linux desktops that show one). */
  tooltip: string;
  /** The text beside the icon in the macOS menu bar: the offline count, or nothing. */
  title: string;
  icon: TrayIconState;
  items: TrayItem[];
  /**
   * Epoch ms at which the model changes by itself (a pause running out), so the tray is
   * rebuilt then even if nothing else changes; null when nothing is due.
   */
  changesAt: number | null;
}

export interface TrayInput {
  session: Pick<SessionView, 'status'>;
  cameras: ReadonlyArray<Pick<DeviceDto, 'isCamera' | 'online'>>;
  watch: Pick<WatchState, 'pausedUntil' | 'prefs'>;
  now: number;
  /** The time of day a pause ends, as the user reads it ("14:05"). */
  formatTime: (epochMs: number) => string;
}

export const APP_TITLE = 'Wyzecam Desktop';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The one-line summary: how many cameras are offline, or why the app cannot tell. */
export function traySummary(
  session: TrayInput['session'],
  cameras: TrayInput['cameras'],
): { text: string; offline: number } {
  switch (session.status) {
    case 'signedIn':
      break;
    case 'starting':
      return { text: 'Starting…', offline: 0 };
    case 'expired':
      return { text: 'Signed out: sign in again to keep watching', offline: 0 };
    default:
      return { text: 'Signed out', offline: 0 };
  }
  const watched = cameras.filter((device) => device.isCamera);
  const offline = watched.filter((device) => device.online === false).length;
  if (offline > 0) return { text: `${plural(offline, 'camera', 'cameras')} offline`, offline };
  if (watched.length === 0) return { text: 'No cameras', offline };
  // A camera the cloud gave no status for is neither counted offline nor claimed online.
  const allKnown = watched.every((device) => device.online === true);
  return { text: allKnown ? 'All cameras online' : 'No cameras reported offline', offline };
}

/** The tray's tooltip, title, picture and menu for this moment. */
export function trayModel(input: TrayInput): TrayModel {
  const { text, offline } = traySummary(input.session, input.cameras);
  const signedIn = input.session.status === 'signedIn';
  const pausedUntil =
    input.watch.pausedUntil !== null && input.watch.pausedUntil > input.now
      ? input.watch.pausedUntil
      : null;
  const notificationsOn = input.watch.prefs.notifications;
  const pauseLine = !notificationsOn
    ? 'Notifications are off (Settings)'
    : pausedUntil !== null
      ? `Notifications paused until ${input.formatTime(pausedUntil)}`
      : null;
  const pauseItem: TrayItem =
    pausedUntil !== null
      ? { kind: 'action', action: 'resume', label: 'Resume notifications', enabled: true }
      : {
          kind: 'action',
          action: 'pause',
          label: 'Pause notifications for 1 hour',
          enabled: signedIn && notificationsOn,
        };
  return {
    tooltip: [`${APP_TITLE}: ${text}`, ...(pauseLine && signedIn ? [pauseLine] : [])].join('\n'),
    title: offline > 0 ? String(offline) : '',
    icon: offline > 0 ? 'offline' : 'normal',
    items: [
      // Several Linux desktops show no tooltip: the summary is also the menu's first line.
      { kind: 'status', label: text },
      ...(pauseLine && signedIn ? [{ kind: 'status' as const, label: pauseLine }] : []),
      { kind: 'separator' },
      { kind: 'action', action: 'open', label: `Open ${APP_TITLE}`, enabled: true },
      { kind: 'action', action: 'refresh', label: 'Refresh now', enabled: signedIn },
      pauseItem,
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: 'Quit', enabled: true },
    ],
    changesAt: pausedUntil,
  };
}
