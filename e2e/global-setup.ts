import { electronBinary, ELECTRON_SKIP_REASON } from './electron-binary';

export default function globalSetup(): void {
  if (!electronBinary()) console.log(`[e2e] electron project skipped: ${ELECTRON_SKIP_REASON}`);
}
