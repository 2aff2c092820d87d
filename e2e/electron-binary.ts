// The Electron e2e project uses the same binary lookup and launch arguments as `npm start`.
export { electronBinary, launchArgs } from '../scripts/electron-binary.mjs';

export const ELECTRON_SKIP_REASON =
  "Electron's binary is not on this machine (Electron 45+ downloads it on first launch, and this " +
  'machine cannot download); the Electron transport runs where the binary exists.';
