import { useState } from 'react';
import type { ExportFormat } from '../../../common/export';
import { plural } from '../../format';
import { useStore } from '../../store';
import { selectCameraOrder } from '../../store/selectors';
import { Dialog } from '../settings/Dialog';
import { downloadFile } from './download';

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'csv', label: 'CSV', hint: 'for spreadsheets (Excel, Numbers, LibreOffice)' },
  { value: 'json', label: 'JSON', hint: 'for scripts and other tools' },
];

/**
 * "Export cameras": the cameras of the current view (after search and filters, in its order) as
 * CSV or JSON. Main builds the file from its own list and asks where to save it; in the browser
 * preview the page downloads it.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const macs = useStore(selectCameraOrder);
  const total = useStore((s) => s.list.devices.filter((d) => d.isCamera).length);
  const exporting = useStore((s) => s.pending.exportCameras);
  const error = useStore((s) => s.actionError);
  const exportCameras = useStore((s) => s.exportCameras);
  const announce = useStore((s) => s.announce);
  const [format, setFormat] = useState<ExportFormat>('csv');
  /** Whether this dialog's last export failed (an older error elsewhere is not shown here). */
  const [failed, setFailed] = useState(false);

  const run = async () => {
    const result = await exportCameras(format, macs);
    setFailed(result === null);
    if (!result || result.kind === 'cancelled') return;
    if (result.kind === 'download') downloadFile(result.fileName, result.content);
    announce(`Exported ${plural(result.count, 'camera')} to ${result.fileName}`);
    onClose();
  };

  return (
    <Dialog
      title="Export cameras"
      onClose={onClose}
      actions={
        <button
          type="button"
          className="primary"
          disabled={exporting}
          aria-busy={exporting}
          onClick={() => void run()}
        >
          Export
        </button>
      }
    >
      <p>
        {macs.length === total
          ? `All ${plural(total, 'camera')} on this account.`
          : `The ${plural(macs.length, 'camera')} in the current view (of ${total}), as searched and filtered.`}
      </p>
      <fieldset className="settings-group">
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.value} className="choice">
            <input
              type="radio"
              name="export-format"
              value={f.value}
              checked={format === f.value}
              onChange={() => setFormat(f.value)}
            />
            {f.label} <span className="muted">— {f.hint}</span>
          </label>
        ))}
      </fieldset>
      {failed && error && (
        <p className="banner banner-error" role="alert">
          {error.message}
        </p>
      )}
    </Dialog>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default ExportDialog;
