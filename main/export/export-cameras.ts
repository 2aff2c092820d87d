import { exportContent, exportFileName, exportRow } from '../../common/export';
import type { ExportFormat, ExportResult } from '../../common/export';
import type { DeviceDto } from '../../common/view';

/** A file to hand to the user: the name offered, what it holds, and its format. */
export interface FileToSave {
  suggestedName: string;
  content: string;
  format: ExportFormat;
}

/** Where a file went: written by main, handed to the page to download, or nowhere. */
export type SaveOutcome =
  | { kind: 'saved'; fileName: string }
  | { kind: 'download'; fileName: string; content: string }
  | { kind: 'cancelled' };

/** Hands a file to the user (Electron: the save dialog; the browser preview: a download). */
export type SaveFile = (file: FileToSave) => Promise<SaveOutcome>;

export interface ExportRequest {
  format: ExportFormat;
  /** The cameras in the page's current view, in its order. Only their MACs are taken from it. */
  macs: readonly string[];
}

/**
 * The `cameras:export` action. The rows come from main's own list: the page names the cameras
 * (its search and filters are its own business) but supplies no value that ends up in the file.
 * A MAC that is not a camera on the list is skipped, and each camera appears once.
 */
export function createCameraExporter(deps: {
  devices: () => readonly DeviceDto[];
  saveFile: SaveFile;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return async (request: ExportRequest): Promise<ExportResult> => {
    const byMac = new Map<string, DeviceDto>();
    for (const d of deps.devices()) if (d.isCamera) byMac.set(d.mac, d);
    const rows = [];
    const seen = new Set<string>();
    for (const mac of request.macs) {
      const device = byMac.get(mac);
      if (!device || seen.has(mac)) continue;
      seen.add(mac);
      rows.push(exportRow(device));
    }
    const outcome = await deps.saveFile({
      suggestedName: exportFileName(request.format, now()),
      content: exportContent(request.format, rows),
      format: request.format,
    });
    return outcome.kind === 'cancelled' ? outcome : { ...outcome, count: rows.length };
  };
}

export type CameraExporter = ReturnType<typeof createCameraExporter>;
