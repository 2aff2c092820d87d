import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  COLUMN_IDS,
  COLUMN_LABELS,
  MAX_REFRESH_INTERVAL_SEC,
  MIN_REFRESH_INTERVAL_SEC,
  THEMES,
} from '../../../common/prefs';
import type { ColumnId, Theme } from '../../../common/prefs';
import { useStore } from '../../store';
import { WatchSettings } from '../watch/WatchSettings';
import { Dialog } from './Dialog';

const THEME_LABELS: Record<Theme, string> = {
  system: 'System (follow this computer)',
  light: 'Light',
  dark: 'Dark',
};

/** The whole seconds typed, or null when it is not a number the setting accepts. */
export function parseInterval(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const seconds = Number(text);
  return seconds >= MIN_REFRESH_INTERVAL_SEC && seconds <= MAX_REFRESH_INTERVAL_SEC
    ? seconds
    : null;
}

function ThemeChoice() {
  const theme = useStore((s) => s.viewPrefs.theme);
  const setViewPrefs = useStore((s) => s.setViewPrefs);
  return (
    <fieldset className="settings-group">
      <legend>Theme</legend>
      {THEMES.map((value) => (
        <label key={value} className="choice">
          <input
            type="radio"
            name="theme"
            value={value}
            checked={theme === value}
            onChange={() => setViewPrefs({ theme: value })}
          />
          {THEME_LABELS[value]}
        </label>
      ))}
    </fieldset>
  );
}

function RefreshInterval() {
  const saved = useStore((s) => s.viewPrefs.refreshIntervalSec);
  const setViewPrefs = useStore((s) => s.setViewPrefs);
  const [text, setText] = useState(String(saved));
  const [invalid, setInvalid] = useState(false);
  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    const seconds = parseInterval(text);
    setInvalid(seconds === null);
    if (seconds !== null && seconds !== saved) setViewPrefs({ refreshIntervalSec: seconds });
  };
  return (
    // noValidate: the browser's own range check would block Enter without saying why here.
    <form className="settings-group" noValidate onSubmit={apply}>
      <label htmlFor="refresh-interval" className="field-label">
        Refresh every (seconds)
      </label>
      <div className="field-input">
        <input
          id="refresh-interval"
          type="number"
          inputMode="numeric"
          min={MIN_REFRESH_INTERVAL_SEC}
          max={MAX_REFRESH_INTERVAL_SEC}
          step={1}
          value={text}
          aria-invalid={invalid}
          aria-describedby="refresh-interval-hint"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => apply()}
        />
      </div>
      <p id="refresh-interval-hint" className={invalid ? 'field-error' : 'hint'}>
        {invalid
          ? `Enter a whole number of seconds from ${MIN_REFRESH_INTERVAL_SEC} to ${MAX_REFRESH_INTERVAL_SEC}.`
          : `While the window is open. At least ${MIN_REFRESH_INTERVAL_SEC} seconds, so Wyze does not limit this computer.`}
      </p>
    </form>
  );
}

function ColumnChoice() {
  const columns = useStore((s) => s.viewPrefs.columns);
  const setViewPrefs = useStore((s) => s.setViewPrefs);
  const toggle = (column: ColumnId, shown: boolean) => {
    const next = new Set(columns);
    if (shown) next.add(column);
    else next.delete(column);
    setViewPrefs({ columns: COLUMN_IDS.filter((c) => next.has(c)) });
  };
  return (
    <fieldset className="settings-group">
      <legend>Columns shown</legend>
      {COLUMN_IDS.map((column) => {
        // The name identifies each row: it is always shown.
        const always = column === 'name';
        return (
          <label key={column} className="choice">
            <input
              type="checkbox"
              checked={always || columns.includes(column)}
              disabled={always}
              onChange={(e) => toggle(column, e.target.checked)}
            />
            {COLUMN_LABELS[column]}
            {always && <span className="muted"> (always shown)</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

/**
 * The "Settings" dialog: theme, refresh interval, the columns shown, and notifications and
 * background, kept by main.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Settings" onClose={onClose}>
      <ThemeChoice />
      <RefreshInterval />
      <ColumnChoice />
      <WatchSettings />
    </Dialog>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default SettingsDialog;
