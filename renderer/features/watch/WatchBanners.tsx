import { useMemo } from 'react';
import { plural } from '../../format';
import { useStore } from '../../store';
import type { Store } from '../../store';
import { markActivitySeen } from '../../store/watch-actions';
import { API_KEY_LIFETIME_DAYS } from '../../../common/watch';

/** The names of the cameras in `macs` (a MAC the list does not know is shown as it came). */
export function namesOf(macs: readonly string[], state: Pick<Store, 'list'>): string[] {
  const byMac = new Map(state.list.devices.map((d) => [d.mac, d.name || 'Unnamed camera']));
  return macs.map((mac) => byMac.get(mac) ?? mac);
}

/** "Porch, Garage and 3 more": at most `shown` names, so a long banner stays one line. */
export function listNames(names: readonly string[], shown = 5): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/**
 * "While you were away": what changed since the user last looked (`watch.unseen`). Both buttons
 * make now the last look; "Show in Activity" also opens the Activity view.
 */
export function AwayBanner() {
  const unseen = useStore((s) => s.watch.unseen);
  const list = useStore((s) => s.list);
  const showView = useStore((s) => s.showView);
  const names = useMemo(() => namesOf(unseen.wentOffline, { list }), [unseen.wentOffline, list]);
  const offline = names.length;
  const others = Math.max(0, unseen.changes - offline);
  if (offline === 0 && others === 0) return null;
  const parts: string[] = [];
  if (offline > 0) {
    parts.push(
      `${offline === 1 ? '1 camera' : `${offline} cameras`} went offline while you were away: ${listNames(names)}`,
    );
  }
  if (others > 0) {
    parts.push(
      offline > 0
        ? `${plural(others, 'other change')}`
        : `${plural(others, 'change')} while you were away`,
    );
  }
  return (
    <section className="banner banner-warn" role="status" aria-label="While you were away">
      <p>{parts.join(' · ')}</p>
      <div className="banner-actions">
        <button
          type="button"
          onClick={() => {
            showView('activity');
            void markActivitySeen();
          }}
        >
          Show in Activity
        </button>
        <button type="button" className="secondary" onClick={() => void markActivitySeen()}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

/** From day 330 of a key's use here: Wyze keys last a year (docs/security.md, S26). */
export function ApiKeyBanner() {
  const apiKey = useStore((s) => s.watch.apiKey);
  const dismiss = useStore((s) => s.dismissApiKeyReminder);
  const openExternal = useStore((s) => s.openExternal);
  if (!apiKey) return null;
  const left = API_KEY_LIFETIME_DAYS - apiKey.ageDays;
  return (
    <section className="banner banner-info" role="status" aria-label="API key reminder">
      <p>
        Your Wyze API key was first used here {plural(apiKey.ageDays, 'day')} ago; Wyze keys last a
        year{left > 0 ? ` (about ${plural(left, 'day')} left)` : ', so it may have stopped working'}
        . Create a new one at the Wyze developer console.
      </p>
      <div className="banner-actions">
        <button type="button" onClick={() => void openExternal('apiKeyConsole')}>
          Open the Wyze developer console
        </button>
        <button type="button" className="secondary" onClick={dismiss}>
          Remind me later
        </button>
      </div>
    </section>
  );
}

/** The banners WatchNotices found something for (loaded with the first one shown). */
export default function WatchBanners({ away, remind }: { away: boolean; remind: boolean }) {
  return (
    <>
      {remind && <ApiKeyBanner />}
      {away && <AwayBanner />}
    </>
  );
}
