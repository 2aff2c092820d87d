import { useMemo } from 'react';
import { formatDateTime, plural } from '../../format';
import { useStore } from '../../store';
import { isoOf } from '../activity/ActivityTable';
import { useActivityPages } from '../activity/useActivityPages';
import { groupFirmware } from './versions';
import type { FirmwareVersionUse, ModelFirmware } from './versions';

const FIRMWARE_KINDS = ['firmware'] as const;
/** How many firmware changes one "Load more" reads. */
const CHANGES_PAGE_SIZE = 50;

function VersionRow({ use }: { use: FirmwareVersionUse }) {
  return (
    <tr className={use.olderThan ? 'firmware-older' : undefined}>
      <th scope="row" className={use.version === null ? undefined : 'mono'}>
        {use.version ?? <span className="muted">Not reported</span>}
      </th>
      <td>{use.cameras.length}</td>
      <td>{use.cameras.map((c) => c.name).join(', ')}</td>
      <td>
        {use.olderThan ? (
          <span className="flag-older">
            Older than <span className="mono">{use.olderThan.version}</span> on{' '}
            {plural(use.olderThan.cameras, 'other camera')}
          </span>
        ) : (
          use.version !== null && <span className="muted">Newest in use</span>
        )}
      </td>
    </tr>
  );
}

function ModelSection({ model }: { model: ModelFirmware }) {
  const id = `firmware-model-${model.model}`;
  return (
    <section className="firmware-model" aria-labelledby={id}>
      <h3 id={id}>
        {model.modelName} <span className="muted mono">({model.model})</span>
      </h3>
      <p className="muted">
        {plural(model.cameras, 'camera')} · {plural(model.versions.length, 'version')} in use
      </p>
      <table className="firmware-table">
        <caption className="visually-hidden">Firmware versions of {model.modelName}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Cameras</th>
            <th scope="col">Which cameras</th>
            <th scope="col">Compared with the others</th>
          </tr>
        </thead>
        <tbody>
          {model.versions.map((use) => (
            <VersionRow key={use.version ?? ''} use={use} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The firmware changes main recorded, newest first (docs/protocol.md, "Status history"). */
function FirmwareChanges() {
  const pages = useActivityPages(null, FIRMWARE_KINDS, CHANGES_PAGE_SIZE);
  return (
    <section aria-labelledby="firmware-changes-title">
      <h3 id="firmware-changes-title">Firmware changes</h3>
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
        <p className="muted">No firmware changes recorded yet.</p>
      )}
      {pages.status === 'ready' && pages.records.length > 0 && (
        <>
          <table className="firmware-table">
            <caption className="visually-hidden">Firmware changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Camera</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {pages.records.map((r) => (
                <tr key={r.id}>
                  <td>
                    <time dateTime={isoOf(r.at)}>{formatDateTime(r.at)}</time>
                  </td>
                  <td>{r.cameraName || 'Unnamed camera'}</td>
                  <td className="mono">{r.from ?? '—'}</td>
                  <td className="mono">{r.to ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages.nextCursor !== null && (
            <button
              type="button"
              className="secondary"
              disabled={pages.loadingMore}
              aria-busy={pages.loadingMore}
              onClick={pages.loadMore}
            >
              Load more firmware changes
            </button>
          )}
          {pages.moreError !== null && (
            <p className="field-error" role="alert">
              More could not be read: {pages.moreError}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The Firmware view: per model, each version in use and the cameras running it, versions older
 * than the newest on the same model flagged, and the firmware changes from the history.
 */
export function FirmwareView() {
  const devices = useStore((s) => s.list.devices);
  const models = useMemo(() => groupFirmware(devices), [devices]);
  const flagged = models.reduce(
    (n, m) => n + m.versions.reduce((k, v) => k + (v.olderThan ? v.cameras.length : 0), 0),
    0,
  );
  return (
    <section className="firmware-view" aria-labelledby="firmware-title">
      <h2 id="firmware-title">Firmware</h2>
      <p className="summary">
        {plural(models.length, 'model')} ·{' '}
        {flagged === 0
          ? 'every camera runs the newest version in use on its model'
          : `${plural(flagged, 'camera')} on an older version than others of the same model`}
      </p>
      {models.length === 0 && <p className="empty">There are no cameras on this account.</p>}
      {models.map((model) => (
        <ModelSection key={model.model} model={model} />
      ))}
      <FirmwareChanges />
    </section>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default FirmwareView;
