import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { APP_VIEWS, APP_VIEW_LABELS } from '../../store/watch';
import type { AppView } from '../../store/watch';

/** Alt+1…4 picks a view; `code` is read, so a Mac's Option+1 ("¡") still counts. */
function viewOfKey(e: KeyboardEvent): AppView | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const match = /^Digit([1-9])$/.exec(e.code);
  return match ? (APP_VIEWS[Number(match[1]) - 1] ?? null) : null;
}

/**
 * The camera screen's "Views" navigation: Cameras, Activity, Events, Firmware. Buttons with
 * aria-current="page" on the view shown; Alt+1…4 from anywhere on the screen moves to a view and
 * puts focus on its button (the control that was focused may have gone with the old view).
 */
export function ViewsNav() {
  const view = useStore((s) => s.appView);
  const showView = useStore((s) => s.showView);
  const buttons = useRef<Partial<Record<AppView, HTMLButtonElement | null>>>({});

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const next = viewOfKey(e);
      // A dialog is modal: the screen behind it does not change under it.
      if (next === null || useStore.getState().dialog !== null) return;
      e.preventDefault();
      useStore.getState().showView(next);
      buttons.current[next]?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <nav className="views-nav" aria-label="Views">
      <ul>
        {APP_VIEWS.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              ref={(el) => {
                buttons.current[id] = el;
              }}
              aria-current={view === id ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${i + 1}`}
              onClick={() => showView(id)}
            >
              {APP_VIEW_LABELS[id]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
