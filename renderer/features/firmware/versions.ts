import type { DeviceDto } from '../../../common/view';

const DIGITS = /^\d+$/;

/**
 * Orders two firmware versions by their dotted parts, each compared as a number ("4.36.11.8391"
 * is newer than "4.36.9.9999"); a part that is not a number is compared as text after the
 * numbers, and missing or empty parts count as 0 ("4.36" equals "4.36.0"). Negative when `a` is older.
 */
export function compareFirmware(a: string, b: string): number {
  const left = a.trim().split('.');
  const right = b.trim().split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] || '0';
    const y = right[i] || '0';
    const xNum = DIGITS.test(x);
    const yNum = DIGITS.test(y);
    if (xNum && yNum) {
      // BigInt: a part longer than a double holds still compares exactly.
      const dx = BigInt(x);
      const dy = BigInt(y);
      if (dx !== dy) return dx < dy ? -1 : 1;
    } else if (xNum !== yNum) {
      return xNum ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

export interface FirmwareCamera {
  mac: string;
  name: string;
}

/** One version in use on a model, and the cameras running it. */
export interface FirmwareVersionUse {
  /** null: the cloud reported no version for these cameras. */
  version: string | null;
  cameras: FirmwareCamera[];
  /** Set when other cameras of the model run a newer version: the newest, and how many run it. */
  olderThan: { version: string; cameras: number } | null;
}

export interface ModelFirmware {
  model: string;
  modelName: string;
  /** Newest first; "not reported" last. */
  versions: FirmwareVersionUse[];
  cameras: number;
}

/**
 * The account's cameras by model, each model's versions in use (newest first) with the cameras
 * on each, and the versions older than the newest one on the same model flagged. Models are in
 * name order, those with a camera on an older version first; cameras within a version by name.
 */
export function groupFirmware(devices: readonly DeviceDto[]): ModelFirmware[] {
  const models = new Map<
    string,
    { modelName: string; byVersion: Map<string | null, FirmwareCamera[]> }
  >();
  for (const d of devices) {
    if (!d.isCamera) continue;
    const entry = models.get(d.model) ?? { modelName: d.modelName, byVersion: new Map() };
    models.set(d.model, entry);
    const version = d.firmware?.trim() || null;
    const cameras = entry.byVersion.get(version) ?? [];
    entry.byVersion.set(version, cameras);
    cameras.push({ mac: d.mac, name: d.name || 'Unnamed camera' });
  }
  const byName = (a: FirmwareCamera, b: FirmwareCamera) =>
    a.name.localeCompare(b.name) || a.mac.localeCompare(b.mac);
  const result: ModelFirmware[] = [];
  for (const [model, { modelName, byVersion }] of models) {
    const known = [...byVersion.keys()]
      .filter((v): v is string => v !== null)
      .sort((a, b) => compareFirmware(b, a) || a.localeCompare(b));
    const newest = known[0];
    const newestCount = newest === undefined ? 0 : (byVersion.get(newest)?.length ?? 0);
    const versions: FirmwareVersionUse[] = known.map((version) => ({
      version,
      cameras: [...(byVersion.get(version) ?? [])].sort(byName),
      olderThan:
        newest !== undefined && compareFirmware(version, newest) < 0
          ? { version: newest, cameras: newestCount }
          : null,
    }));
    const unknown = byVersion.get(null);
    if (unknown)
      versions.push({ version: null, cameras: [...unknown].sort(byName), olderThan: null });
    const cameras = versions.reduce((n, v) => n + v.cameras.length, 0);
    result.push({ model, modelName: modelName || model, versions, cameras });
  }
  // Models with a camera behind the others first: that is what this view is for.
  const behind = (m: ModelFirmware) => (m.versions.some((v) => v.olderThan) ? 0 : 1);
  return result.sort(
    (a, b) =>
      behind(a) - behind(b) ||
      a.modelName.localeCompare(b.modelName) ||
      a.model.localeCompare(b.model),
  );
}
