import { useEffect, useMemo, useState } from 'react';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS } from '../../../common/watch';
import type { ActivityKind } from '../../../common/watch';
import { plural } from '../../format';
import { useStore } from '../../store';
import type { ActivityFilter } from '../../store/watch';
import { exportActivity, markActivitySeen } from '../../store/watch-actions';
import { downloadFile } from '../export/download';
import { ActivityTable } from './ActivityTable';
import { useActivityPages } from './useActivityPages';

/** How many records one "Load more" reads. */
export const ACTIVITY_PAGE_SIZE = 50;

function CameraFilter({ filter }: { filter: ActivityFilter }) {
  const setFilter = useStore((s) => s.setActivityFilter);
  const devices = useStore((s) => s.list.devices);
  const cameras = useMemo(() => {
    const byMac = new Map(devices.map((d) => [d.mac, d]));
    // Every camera on the account, by name (the list's search and filters do not narrow it).
    const all = devices.filter((d) => d.isCamera);
    const named = all.map((d) => ({ mac: d.mac, name: d.name || 'Unnamed camera' }));
    named.sort((a, b) => a.name.localeCompare(b.name) || a.mac.localeCompare(b.mac));
    // A filtered camera no longer on the account stays choosable, so the filter stays visible.
    if (filter.mac !== null && !byMac.has(filter.mac)) {
      named.push({ mac: filter.mac, name: filter.mac });
    }
    return named;
  }, [devices, filter.mac]);
  return (
    <label className="activity-camera">
      Camera
      <select
        value={filter.mac ?? ''}
        onChange={(e) =>
          setFilter({ ...filter, mac: e.target.value === '' ? null : e.target.value })
        }
      >
        <option value="">All cameras</option>
        {cameras.map((c) => (
          <option key={c.mac} value={c.mac}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function KindFilter({ filter }: { filter: ActivityFilter }) {
  const setFilter = useStore((s) => s.setActivityFilter);
  const toggle = (kind: ActivityKind, on: boolean) => {
    const next = new Set(filter.kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setFilter({ ...filter, kinds: ACTIVITY_KINDS.filter((k) => next.has(k)) });
  };
  return (
    <fieldset className="activity-kinds">
      <legend>What (none ticked: everything)</legend>
      {ACTIVITY_KINDS.map((kind) => (
        <label key={kind} className="choice">
          <input
            type="checkbox"
            checked={filter.kinds.includes(kind)}
            onChange={(e) => toggle(kind, e.target.checked)}
          />
          {ACTIVITY_KIND_LABELS[kind]}
        </label>
      ))}
    </fieldset>
  );
}

function ExportActivity({ filter, count }: { filter: ActivityFilter; count: number }) {
  const announce = useStore((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await exportActivity(filter);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const outcome = result.value;
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'download') downloadFile(outcome.fileName, outcome.content);
    announce(`Exported ${plural(outcome.count, 'change')} to ${outcome.fileName}`);
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy || count === 0}
        aria-busy={busy}
        onClick={() => void run()}
      >
        Export CSV…
      </button>
      {error !== null && (
        <p className="field-error" role="alert">
          The export failed: {error}
        </p>
      )}
    </>
  );
}

/**
 * The Activity view: every change main recorded and every notification it showed, newest first,
 * by camera and kind, a page at a time (docs/protocol.md, "Status history"). Visiting it is the
 * user's look: the "while you were away" summary empties.
 */
export function ActivityView() {
  const filter = useStore((s) => s.activityFilter);
  const revision = useStore((s) => s.watch.historyRevision);
  const pages = useActivityPages(filter.mac, filter.kinds, ACTIVITY_PAGE_SIZE);
  const filtered = filter.mac !== null || filter.kinds.length > 0;

  // What is on the screen has been seen, also what arrives while it is open; but not while the
  // window is hidden (in the tray, minimised): that is what "while you were away" is for.
  useEffect(() => {
    const markIfShown = () => {
      if (document.visibilityState === 'visible') void markActivitySeen();
    };
    markIfShown();
    document.addEventListener('visibilitychange', markIfShown);
    return () => document.removeEventListener('visibilitychange', markIfShown);
  }, [revision]);

  return (
    <section className="activity-view" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <div className="activity-bar">
        <CameraFilter filter={filter} />
        <KindFilter filter={filter} />
      </div>
      <div className="toolbar">
        <p className="summary" role="status">
          {pages.status === 'ready' &&
            `${plural(pages.total, 'change')}${filtered ? (pages.total === 1 ? ' matches' : ' match') + ' these filters' : ''}`}
        </p>
        <ExportActivity filter={filter} count={pages.total} />
      </div>
      {pages.status === 'loading' && (
        <p className="empty" role="status" aria-busy="true">
          Reading the history…
        </p>
      )}
      {pages.status === 'error' && (
        <div className="banner banner-error" role="alert">
          <p>The history could not be read: {pages.error}</p>
          <div className="banner-actions">
            <button type="button" onClick={pages.retry}>
              Try again
            </button>
          </div>
        </div>
      )}
      {pages.status === 'ready' && pages.records.length === 0 && (
        <p className="empty">
          {filtered
            ? 'No changes match these filters.'
            : 'No changes yet. The app records each change it sees between two refreshes of the camera list.'}
        </p>
      )}
      {pages.status === 'ready' && pages.records.length > 0 && (
        <>
          <ActivityTable records={pages.records} caption="Activity, newest first" />
          <div className="load-more">
            {pages.nextCursor !== null && (
              <button
                type="button"
                className="secondary"
                disabled={pages.loadingMore}
                aria-busy={pages.loadingMore}
                onClick={pages.loadMore}
              >
                Load more
              </button>
            )}
            <span className="muted">
              {pages.records.length} of {pages.total} shown
            </span>
            {pages.moreError !== null && (
              <p className="field-error" role="alert">
                More could not be read: {pages.moreError}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default ActivityView;
