import { formatDateTime } from '../../format';
import { ACTIVITY_KIND_LABELS } from '../../../common/watch';
import type { ActivityRecord } from '../../../common/watch';

/** A machine-readable time for `<time>`, or nothing when it cannot be shown. */
export const isoOf = (ms: number): string | undefined => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** What a record says, in plain words: the kind, and a notification's title and text. */
function What({ record }: { record: ActivityRecord }) {
  if (record.kind !== 'notification') return <>{ACTIVITY_KIND_LABELS[record.kind]}</>;
  return (
    <>
      {ACTIVITY_KIND_LABELS.notification}
      {record.title !== null && (
        <>
          : <strong>{record.title}</strong>
        </>
      )}
      {record.body !== null && <span className="activity-body">{record.body}</span>}
    </>
  );
}

const Value = ({ value }: { value: string | null }) =>
  value === null ? <span className="muted">—</span> : <span className="mono">{value}</span>;

/** The Activity table: When, Camera, What, From, To, newest first. */
export function ActivityTable({
  records,
  caption,
}: {
  records: readonly ActivityRecord[];
  caption: string;
}) {
  return (
    <table className="activity-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Camera</th>
          <th scope="col">What</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => (
          <tr key={record.id} className={`activity-${record.kind}`}>
            <td>
              <time dateTime={isoOf(record.at)}>{formatDateTime(record.at)}</time>
              {record.cloudAt !== null && record.cloudAt !== record.at && (
                <span className="activity-body muted">
                  Wyze:{' '}
                  <time dateTime={isoOf(record.cloudAt)}>{formatDateTime(record.cloudAt)}</time>
                </span>
              )}
            </td>
            <td>{record.cameraName || 'Unnamed camera'}</td>
            <td>
              <What record={record} />
            </td>
            <td>
              <Value value={record.from} />
            </td>
            <td>
              <Value value={record.to} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
