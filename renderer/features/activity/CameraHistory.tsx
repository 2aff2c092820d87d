import { ACTIVITY_KIND_LABELS } from '../../../common/watch';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import { isoOf } from './ActivityTable';
import { useActivityPages } from './useActivityPages';

/** How many of a camera's records the details pane shows. */
export const HISTORY_IN_DETAILS = 20;
const ALL_KINDS = [] as const;

/**
 * The details pane's "History": the camera's newest records (docs/protocol.md, "Status history"),
 * and a way to all of them in the Activity view.
 */
export function CameraHistory({ mac, name }: { mac: string; name: string }) {
  const pages = useActivityPages(mac, ALL_KINDS, HISTORY_IN_DETAILS);
  const showView = useStore((s) => s.showView);
  const setActivityFilter = useStore((s) => s.setActivityFilter);
  return (
    <section className="details-section" aria-labelledby="details-history-title">
      <h3 id="details-history-title">History</h3>
      {pages.status === 'loading' && (
        <p className="muted" role="status">
          Reading the history…
        </p>
      )}
      {pages.status === 'error' && (
        <p className="field-error" role="alert">
          The history could not be read: {pages.error}{' '}
          <button type="button" className="secondary" onClick={pages.retry}>
            Try again
          </button>
        </p>
      )}
      {pages.status === 'ready' && pages.records.length === 0 && (
        <p className="muted">No changes recorded for this camera yet.</p>
      )}
      {pages.status === 'ready' && pages.records.length > 0 && (
        <ol className="history-list" aria-label={`${name} history, newest first`}>
          {pages.records.map((r) => (
            <li key={r.id}>
              <time dateTime={isoOf(r.at)}>{formatDateTime(r.at)}</time>{' '}
              <span>
                {r.kind === 'notification' && r.title !== null
                  ? `${ACTIVITY_KIND_LABELS.notification}: ${r.title}`
                  : ACTIVITY_KIND_LABELS[r.kind]}
              </span>
              {(r.from !== null || r.to !== null) && (
                <span className="muted mono">
                  {' '}
                  {r.from ?? '—'} → {r.to ?? '—'}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="link"
        onClick={() => {
          setActivityFilter({ mac, kinds: [] });
          showView('activity');
        }}
      >
        Show all in Activity
      </button>
    </section>
  );
}
