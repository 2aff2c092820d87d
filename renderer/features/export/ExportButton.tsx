import { useStore } from '../../store';

/** The toolbar's "Export…" button: opens the export dialog. */
export function ExportButton() {
  const openDialog = useStore((s) => s.openDialog);
  const hasCameras = useStore((s) => s.list.fetchedAt !== null);
  return (
    <button
      type="button"
      className="secondary"
      disabled={!hasCameras}
      onClick={() => openDialog('export')}
    >
      Export…
    </button>
  );
}
