import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useStore } from '../../store';
import { LoadingNotice } from '../shell/Loading';
import { ViewModeToggle } from './ViewModeToggle';
// The lazily loaded parts' styles come with the list, so their chunks are plain scripts (see
// modulePreload in vite.config.ts).
import '../details/details.css';
import './pictures.css';

// Loaded when first shown, not with the first screen (renderer/README.md, "Bundle budget").
const DetailsPane = lazy(() => import('../details/DetailsPane'));
const PicturesView = lazy(() => import('./PicturesView'));

/**
 * The camera list as the user chose to see it (the table, or the pictures grid), the switch
 * between the two, and the selected camera's details pane beside it.
 */
export function CameraViews({ table }: { table: ReactNode }) {
  const mode = useStore((s) => s.viewPrefs.mode);
  const open = useStore((s) => s.selectedMac !== null);
  return (
    <>
      <div className="view-bar">
        <ViewModeToggle />
      </div>
      <div className={open ? 'with-details open' : 'with-details'}>
        {mode === 'pictures' ? (
          <Suspense fallback={<LoadingNotice />}>
            <PicturesView />
          </Suspense>
        ) : (
          table
        )}
        {open && (
          <Suspense fallback={<LoadingNotice />}>
            <DetailsPane />
          </Suspense>
        )}
      </div>
    </>
  );
}
