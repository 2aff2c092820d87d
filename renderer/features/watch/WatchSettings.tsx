import { useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_OFFLINE_AFTER_MIN, MIN_OFFLINE_AFTER_MIN } from '../../../common/watch';
import type { WatchPrefsPatch } from '../../../common/watch';
import { useStore } from '../../store';
import { setWatchPrefs } from '../../store/watch-actions';

/** The whole minutes typed, or null when it is not a delay the setting accepts. */
export function parseOfflineAfter(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const minutes = Number(text);
  return minutes >= MIN_OFFLINE_AFTER_MIN && minutes <= MAX_OFFLINE_AFTER_MIN ? minutes : null;
}

function Switch({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="choice">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        {label}
        <span className="hint"> {hint}</span>
      </span>
    </label>
  );
}

function OfflineAfter({ apply }: { apply: (patch: WatchPrefsPatch) => void }) {
  const saved = useStore((s) => s.watch.prefs.offlineAfterMin);
  const enabled = useStore((s) => s.watch.prefs.notifications);
  const [text, setText] = useState(String(saved));
  const [invalid, setInvalid] = useState(false);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const minutes = parseOfflineAfter(text);
    setInvalid(minutes === null);
    if (minutes !== null && minutes !== saved) apply({ offlineAfterMin: minutes });
  };
  return (
    // noValidate: the browser's own range check would block Enter without saying why here.
    <form noValidate onSubmit={submit}>
      <label htmlFor="offline-after" className="field-label">
        Notify when a camera stays offline for (minutes)
      </label>
      <div className="field-input">
        <input
          id="offline-after"
          type="number"
          inputMode="numeric"
          min={MIN_OFFLINE_AFTER_MIN}
          max={MAX_OFFLINE_AFTER_MIN}
          step={1}
          value={text}
          disabled={!enabled}
          aria-invalid={invalid}
          aria-describedby="offline-after-hint"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => submit()}
        />
      </div>
      <p id="offline-after-hint" className={invalid ? 'field-error' : 'hint'}>
        {invalid
          ? `Enter a whole number of minutes from ${MIN_OFFLINE_AFTER_MIN} to ${MAX_OFFLINE_AFTER_MIN}.`
          : 'Wi-Fi that drops for a moment is common: a camera back before then is not notified.'}
      </p>
    </form>
  );
}

/**
 * Settings → "Notifications and background": applied at once through main (watch:set-prefs),
 * with main's refusal shown here.
 */
export function WatchSettings() {
  const prefs = useStore((s) => s.watch.prefs);
  const error = useStore((s) => s.watchPrefsError);
  const apply = (patch: WatchPrefsPatch) => void setWatchPrefs(patch);
  return (
    <fieldset className="settings-group">
      <legend>Notifications and background</legend>
      <Switch
        label="Notify me when cameras change"
        hint="(offline, back online, new firmware; every notification is also in Activity)"
        checked={prefs.notifications}
        onChange={(notifications) => apply({ notifications })}
      />
      {/* Keyed by the kept value, so the field shows main's value once it is read. */}
      <OfflineAfter key={prefs.offlineAfterMin} apply={apply} />
      <Switch
        label="Keep watching when the window is closed"
        hint="(from the tray icon; Quit in its menu ends the app)"
        checked={prefs.keepWatchingWhenClosed === true}
        onChange={(keepWatchingWhenClosed) => apply({ keepWatchingWhenClosed })}
      />
      <Switch
        label="Start at login"
        hint="(opens in the tray, without a window)"
        checked={prefs.startAtLogin}
        onChange={(startAtLogin) => apply({ startAtLogin })}
      />
      {error !== null && (
        <p className="field-error" role="alert">
          The setting was not changed: {error.message}
        </p>
      )}
    </fieldset>
  );
}
