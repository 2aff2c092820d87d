import { lazy, Suspense } from 'react';
import { useStore } from '../../store';
import { LoadingNotice } from '../shell/Loading';

// The dialogs are loaded when first opened, not with the first screen (renderer/README.md,
// "Bundle budget").
const SettingsDialog = lazy(() => import('./SettingsDialog'));
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog'));
const ExportDialog = lazy(() => import('../export/ExportDialog'));

/** The open dialog, if any (the store's `dialog`). */
function OpenDialog() {
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

/** The one open dialog, if any, loaded on first use. */
export function Dialogs() {
  return (
    <Suspense fallback={<LoadingNotice />}>
      <OpenDialog />
    </Suspense>
  );
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
