import { electronBinary, ELECTRON_SKIP_REASON } from './electron-binary';
import { liveSkipReason } from './netns';

export default function globalSetup(): void {
  if (!electronBinary()) console.log(`[e2e] electron project skipped: ${ELECTRON_SKIP_REASON}`);
  const liveSkip = liveSkipReason();
  if (liveSkip) console.log(`[e2e] live-view specs skipped: ${liveSkip}`);
}
