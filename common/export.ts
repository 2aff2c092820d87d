/**
 * The camera export: which columns, how a device becomes a row, and the CSV and JSON files built
 * from the rows. Pure functions, shared by main (which builds the file from its own list) and the
 * tests; nothing here touches a file or the network.
 */
import type { DeviceDto } from './view';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The most cameras one export may name (an account with more is not one a person exports). */
export const MAX_EXPORT_MACS = 10_000;
/** The longest device id accepted in an export request (real ones are 12 to ~30 characters). */
export const MAX_EXPORT_MAC_LENGTH = 64;

/** One camera as exported; null where the cloud did not report the value. */
export interface ExportRow {
  name: string;
  model: string;
  modelCode: string;
  mac: string;
  ip: string | null;
  publicIp: string | null;
  wifiNetwork: string | null;
  firmware: string | null;
  hardware: string | null;
  status: string;
  /** ISO 8601 (UTC) time of the last online/offline change. */
  statusSince: string | null;
  sharedBy: string | null;
}

/** The columns, in order, with the header each has in the CSV file. */
export const EXPORT_COLUMNS: readonly { key: keyof ExportRow; header: string }[] = [
  { key: 'name', header: 'Name' },
  { key: 'model', header: 'Model' },
  { key: 'modelCode', header: 'Model code' },
  { key: 'mac', header: 'MAC' },
  { key: 'ip', header: 'IP' },
  { key: 'publicIp', header: 'Public IP' },
  { key: 'wifiNetwork', header: 'Wi-Fi network' },
  { key: 'firmware', header: 'Firmware' },
  { key: 'hardware', header: 'Hardware' },
  { key: 'status', header: 'Status' },
  { key: 'statusSince', header: 'Status since' },
  { key: 'sharedBy', header: 'Shared by' },
];

/** The farthest a JavaScript Date reaches either side of 1970, in ms (ECMAScript, "Time Values"). */
const MAX_TIME = 8.64e15;

/** An epoch-ms time as ISO 8601, or null when there is none or a Date cannot hold it. */
function isoTime(ms: number | null): string | null {
  if (ms === null || ms === 0 || !Number.isFinite(ms) || Math.abs(ms) > MAX_TIME) return null;
  return new Date(ms).toISOString();
}

/** The status in plain words, as the camera list says it (without the time). */
function statusWord(d: Pick<DeviceDto, 'online' | 'poweredOn'>): string {
  if (d.online === true) return d.poweredOn === false ? 'Privacy mode' : 'Online';
  if (d.online === false) return 'Offline';
  return 'Not reported';
}

/** One device as an export row. */
export function exportRow(d: DeviceDto): ExportRow {
  return {
    name: d.name,
    model: d.modelName,
    modelCode: d.model,
    mac: d.mac,
    ip: d.lanIp,
    publicIp: d.publicIp,
    wifiNetwork: d.ssid,
    firmware: d.firmware,
    hardware: d.hardware,
    status: statusWord(d),
    statusSince: isoTime(d.statusChangedAt),
    sharedBy: d.shared ? (d.owner ?? '') : null,
  };
}

/**
 * First characters that make a spreadsheet read a cell as a formula: = + - @, and tab, carriage
 * return, line feed and NUL, which some programs skip before looking (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;
/** Characters that oblige a CSV field to be quoted (RFC 4180, section 2, rule 6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a value a spreadsheet would run as a formula gets a leading single quote (the
 * OWASP recommendation), then a field holding a quote, comma, CR or LF is quoted with its quotes
 * doubled (RFC 4180, section 2, rules 6 and 7). null is an empty field.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The byte-order mark that makes spreadsheets read the file as UTF-8 (non-Latin names). */
export const UTF8_BOM = '\uFEFF';

/** The rows as a CSV file: BOM, a header line, one line per camera, every line ending in CRLF. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => csvField(row[c.key])).join(','));
  return `${UTF8_BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** The rows as a JSON file: an array of objects with the ExportRow keys, indented, LF-ended. */
export function toJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** The file's content in the chosen format. */
export function exportContent(format: ExportFormat, rows: readonly ExportRow[]): string {
  return format === 'csv' ? toCsv(rows) : toJson(rows);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The name offered in the save dialog: `wyze-cameras-2026-11-27.csv` (the local date). */
export function exportFileName(format: ExportFormat, now: Date): string {
  const day = Number.isNaN(now.getTime())
    ? 'export'
    : `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `wyze-cameras-${day}.${format}`;
}

/** What an export ended with: written to disk, handed to the page as a download, or cancelled. */
export type ExportResult =
  | { kind: 'saved'; fileName: string; count: number }
  | { kind: 'download'; fileName: string; content: string; count: number }
  | { kind: 'cancelled' };
