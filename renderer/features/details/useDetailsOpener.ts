import { useCallback } from 'react';
import type { KeyboardEvent } from 'react';
import { useStore } from '../../store';
import { DETAILS_OPENER_ATTRIBUTE, DETAILS_ROW_ATTRIBUTE } from './focusRow';

/**
 * What a camera row needs to open the details pane: props for the camera's name (a button), and a
 * key handler for the row itself (Enter opens the details when the row has focus).
 */
export function useDetailsOpener(mac: string) {
  const selectCamera = useStore((s) => s.selectCamera);
  const selected = useStore((s) => s.selectedMac === mac);
  const open = useCallback(() => selectCamera(mac), [selectCamera, mac]);
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Enter' && event.target === event.currentTarget) {
        event.preventDefault();
        open();
      }
    },
    [open],
  );
  return {
    selected,
    onRowKeyDown,
    /** For the camera's focusable row: Enter opens the details, Esc in the pane comes back here. */
    rowProps: { onKeyDown: onRowKeyDown, [DETAILS_ROW_ATTRIBUTE]: mac },
    nameProps: {
      type: 'button' as const,
      className: 'details-opener',
      onClick: open,
      'aria-expanded': selected,
      [DETAILS_OPENER_ATTRIBUTE]: mac,
    },
  };
}
