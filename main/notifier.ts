/**
 * Native notifications for keeping watch (main/watch/types.ts `Notifier`): Electron's
 * Notification, handed in by main/desktop-services.ts so this file runs, and is tested, in plain
 * Node.
 * A click brings the window up (creating it if it was closed to the tray) and then runs the
 * watch service's onClick, which tells the page which camera to show (docs/protocol.md,
 * "Status history").
 */
import type { Logger } from './logging/logger';
import type { Notice, Notifier } from './watch/types';

/** The part of Electron's Notification this uses. */
export interface NativeNotification {
  on(event: 'click' | 'failed', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export type NativeNotificationClass = new (options: {
  title: string;
  body: string;
  silent: boolean;
}) => NativeNotification;

/** How many shown notifications are held for their click at most (the oldest goes first). */
export const MAX_HELD_NOTIFICATIONS = 20;

/**
 * A Notifier over Electron's Notification. Every shown notification is held until it is clicked
 * or fails: Electron keeps only a weak reference to it, and one garbage-collected before the
 * click never reports the click (electron/electron issue 16922). Not released on `close`: on
 * Windows a toast that times out closes but can still be clicked in the notification centre; the
 * cap keeps the set small instead.
 */
export function createNotifier(deps: {
  Notification: NativeNotificationClass;
  /** Electron's Notification.isSupported(); false: nothing is shown. */
  isSupported: () => boolean;
  /** Shows, restores and focuses the main window, opening it when there is none. */
  showWindow: () => Promise<void>;
  logger: Pick<Logger, 'warn'>;
}): Required<Notifier> & { /** How many notifications are held (tests). */ held(): number } {
  const held = new Set<NativeNotification>();

  return {
    show(notice: Notice, onClick: () => void): void {
      if (!deps.isSupported()) return;
      let notification: NativeNotification;
      try {
        notification = new deps.Notification({
          title: notice.title,
          body: notice.body,
          silent: false,
        });
      } catch (err) {
        deps.logger.warn('could not create a notification', { err });
        return;
      }
      const release = () => held.delete(notification);
      notification.on('click', () => {
        release();
        // The window first, so the page is there to hear which camera to show.
        void deps
          .showWindow()
          .then(onClick)
          .catch((err: unknown) => deps.logger.warn('notification click failed', { err }));
      });
      notification.on('failed', () => {
        release();
        deps.logger.warn('a notification could not be shown');
      });
      held.add(notification);
      if (held.size > MAX_HELD_NOTIFICATIONS) {
        const [oldest] = held;
        if (oldest) held.delete(oldest);
      }
      notification.show();
    },
    dismissAll(): void {
      for (const notification of held) {
        try {
          notification.close();
        } catch (err) {
          deps.logger.warn('could not dismiss a notification', { err });
        }
      }
      held.clear();
    },
    held: () => held.size,
  };
}
