/**
 * The Activity view's reads of the history: one page, newest first, narrowed by camera and kind;
 * and the same selection as a CSV file. Pure functions over the records.
 */
import { csvField, UTF8_BOM } from '../../common/export';
import { ACTIVITY_KIND_LABELS } from '../../common/watch';
import type { ActivityKind, ActivityPage, ActivityQuery, ActivityRecord } from '../../common/watch';

/** Whether a record is in the selection (camera and kinds; empty kinds is every kind). */
function matcher(mac: string | null, kinds: readonly ActivityKind[]) {
  const wanted = new Set(kinds);
  return (r: ActivityRecord): boolean =>
    (wanted.size === 0 || wanted.has(r.kind)) && (mac === null || r.macs.includes(mac));
}

/** One page of `records` (oldest first, as stored) for the query, newest first. */
export function pageOf(records: readonly ActivityRecord[], query: ActivityQuery): ActivityPage {
  const matches = matcher(query.mac, query.kinds);
  const limit = Math.max(1, query.limit);
  const page: ActivityRecord[] = [];
  let total = 0;
  let more = false;
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (!r || !matches(r)) continue;
    total++;
    if (query.before !== null && r.id >= query.before) continue;
    if (page.length < limit) page.push(r);
    else more = true;
  }
  return { records: page, nextCursor: more ? (page.at(-1)?.id ?? null) : null, total };
}

/** The selected records, newest first. */
export function selectionOf(
  records: readonly ActivityRecord[],
  mac: string | null,
  kinds: readonly ActivityKind[],
): ActivityRecord[] {
  const matches = matcher(mac, kinds);
  const out: ActivityRecord[] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r && matches(r)) out.push(r);
  }
  return out;
}

const iso = (ms: number | null): string | null =>
  ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();

const COLUMNS: readonly [string, (r: ActivityRecord) => string | null][] = [
  ['Time', (r) => iso(r.at)],
  ['What', (r) => ACTIVITY_KIND_LABELS[r.kind]],
  ['Camera', (r) => r.cameraName],
  ['MAC', (r) => r.macs.join(' ')],
  ['From', (r) => r.from],
  ['To', (r) => r.to],
  ['Cloud time', (r) => iso(r.cloudAt)],
  ['Title', (r) => r.title],
  ['Text', (r) => r.body],
];

/**
 * The records as a CSV file, as the camera export writes one (common/export.ts): BOM, a header
 * line, CRLF line ends, and a value a spreadsheet would run as a formula neutralised.
 */
export function activityCsv(records: readonly ActivityRecord[]): string {
  const lines = [COLUMNS.map(([header]) => csvField(header)).join(',')];
  for (const r of records) lines.push(COLUMNS.map(([, value]) => csvField(value(r))).join(','));
  return `${UTF8_BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `wyze-activity-2026-11-27.csv` (the local date). */
export function activityFileName(now: Date): string {
  const day = Number.isNaN(now.getTime())
    ? 'export'
    : `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `wyze-activity-${day}.csv`;
}
