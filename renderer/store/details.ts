/**
 * Which camera's details pane is open. Only the MAC is kept: the pane reads the camera itself from
 * the list, so it always shows what main last reported (and nothing once the camera is gone).
 */
export interface DetailsSlice {
  /** The camera whose details are shown; null when the pane is closed. */
  selectedMac: string | null;
  /** Opens the details pane on a camera (or moves it to another). */
  selectCamera(mac: string): void;
  closeDetails(): void;
}

type Set = (partial: Partial<DetailsSlice>) => void;

export function createDetailsSlice(set: Set): DetailsSlice {
  return {
    selectedMac: null,
    selectCamera: (mac) => set({ selectedMac: mac }),
    closeDetails: () => set({ selectedMac: null }),
  };
}
