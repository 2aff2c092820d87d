import type { ReactNode } from 'react';
import { useStore } from '../../store';
import { DetailsPane } from '../details/DetailsPane';
import { PicturesView } from './PicturesView';
import { ViewModeToggle } from './ViewModeToggle';

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
        {mode === 'pictures' ? <PicturesView /> : table}
        <DetailsPane />
      </div>
    </>
  );
}
