import { useStore } from '../../store';
import './pictures.css';

const MODES = [
  { mode: 'table', label: 'Table' },
  { mode: 'pictures', label: 'Pictures' },
] as const;

/** Switches the camera list between the table and the pictures grid (kept with the view prefs). */
export function ViewModeToggle() {
  const mode = useStore((s) => s.viewPrefs.mode);
  const setViewPrefs = useStore((s) => s.setViewPrefs);
  return (
    <div className="view-toggle" role="group" aria-label="Show cameras as">
      {MODES.map((m) => (
        <button
          key={m.mode}
          type="button"
          aria-pressed={mode === m.mode}
          onClick={() => setViewPrefs({ mode: m.mode })}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}
