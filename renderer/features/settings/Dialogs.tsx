import { useStore } from '../../store';
import { ExportDialog } from '../export/ExportDialog';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

/** The one open dialog, if any (the store's `dialog`). */
export function Dialogs() {
  const dialog = useStore((s) => s.dialog);
  const closeDialog = useStore((s) => s.closeDialog);
  const signedIn = useStore((s) => s.list.fetchedAt !== null);
  switch (dialog) {
    case 'settings':
      return <SettingsDialog onClose={closeDialog} />;
    case 'shortcuts':
      return <ShortcutsDialog onClose={closeDialog} />;
    case 'export':
      return signedIn ? <ExportDialog onClose={closeDialog} /> : null;
    default:
      return null;
  }
}

/** The header's "Settings" and "Keyboard shortcuts" buttons. */
export function SettingsButtons() {
  const openDialog = useStore((s) => s.openDialog);
  return (
    <>
      <button type="button" className="secondary" onClick={() => openDialog('settings')}>
        Settings
      </button>
      <button
        type="button"
        className="secondary"
        aria-keyshortcuts="?"
        onClick={() => openDialog('shortcuts')}
      >
        Keyboard shortcuts
      </button>
    </>
  );
}
