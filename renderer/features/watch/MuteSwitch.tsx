import { useStore } from '../../store';
import { setCameraMuted } from '../../store/watch-actions';

/** "Mute notifications for this camera": its changes are still recorded, never notified. */
export function MuteSwitch({ mac }: { mac: string }) {
  const muted = useStore((s) => s.watch.prefs.mutedMacs.includes(mac));
  const saving = useStore((s) => s.savingWatchPrefs);
  const error = useStore((s) => s.watchPrefsError);
  return (
    <div className="details-section">
      <label className="choice">
        <input
          type="checkbox"
          role="switch"
          checked={muted}
          aria-busy={saving}
          onChange={(e) => void setCameraMuted(mac, e.target.checked)}
        />
        Mute notifications for this camera
      </label>
      {error !== null && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
