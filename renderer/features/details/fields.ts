import type { DeviceDto } from '../../../common/view';
import { cameraStatus, formatDateTime, isShowableTime } from '../../format';

/** One line of the details list: a plain-words label and what the cloud said. */
export interface DetailField {
  label: string;
  /** null: the cloud did not report it ("Not reported" is shown). */
  value: string | null;
  /** Shown in a monospace font (addresses, versions). */
  mono?: boolean;
}

const NOT_SINCE = (ms: number | null): string | null =>
  ms !== null && ms !== 0 && isShowableTime(ms) ? formatDateTime(ms) : null;

function statusText(d: DeviceDto): string {
  const status = cameraStatus(d);
  // The offline label already says since when; the others get it here.
  if (status.kind === 'offline' || status.kind === 'unknown') return status.label;
  const since = NOT_SINCE(d.statusChangedAt);
  return since ? `${status.label} since ${since}` : status.label;
}

function timeZoneText(tz: DeviceDto['timezone']): string | null {
  const offset = tz.gmtOffsetHours;
  const utc =
    offset === null
      ? null
      : `UTC${offset >= 0 ? '+' : '−'}${Math.floor(Math.abs(offset))}${
          Math.abs(offset) % 1
            ? `:${String(Math.round((Math.abs(offset) % 1) * 60)).padStart(2, '0')}`
            : ''
        }`;
  if (tz.name && utc) return `${tz.name} (${utc})`;
  return tz.name ?? utc;
}

/**
 * Everything the cloud reports about a camera, labelled in plain words, in the order a person
 * reads them (docs/protocol.md, "Device list"). Fields that only some cameras have (base station,
 * shared by, battery) appear only for those.
 */
export function detailFields(d: DeviceDto, parentName: string | null): DetailField[] {
  const fields: DetailField[] = [
    { label: 'Status', value: statusText(d) },
    { label: 'Model', value: d.modelName === d.model ? d.model : `${d.modelName} (${d.model})` },
    { label: 'MAC', value: d.mac, mono: true },
    { label: 'IP address', value: d.lanIp, mono: true },
    { label: 'Public IP', value: d.publicIp, mono: true },
    { label: 'Wi-Fi network', value: d.ssid },
    { label: 'Firmware', value: d.firmware, mono: true },
    { label: 'Hardware', value: d.hardware, mono: true },
    { label: 'Time zone', value: timeZoneText(d.timezone) },
  ];
  if (d.parentMac !== null) {
    fields.push({ label: 'Base station', value: parentName ?? d.parentMac });
  }
  if (d.shared) fields.push({ label: 'Shared by', value: d.owner });
  if (d.battery !== null) fields.push({ label: 'Battery', value: `${d.battery}%` });
  return fields;
}
