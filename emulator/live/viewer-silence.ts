import type { FrameClock } from './h264/frame-source';

/** How often the camera checks that its viewer is still there. */
export const SILENCE_CHECK_MS = 5_000;
/** Checks in a row without a word from the viewer before it is taken as gone (30 s). */
export const SILENT_CHECKS = 6;

/**
 * Notices a viewer that went away without a word (its page crashed, its network vanished). The
 * camera is an ICE-lite agent, which runs no consent checks of its own (RFC 7675), so without
 * this it would encode and send to a dead address for as long as the signalling socket stays
 * open. A viewer's RTCP reports (about one a second) count as it being there; SILENT_CHECKS
 * checks in a row without one (30 to 35 s, the consent timeout) call `onSilent` once.
 */
export function watchForSilence(
  setInterval: FrameClock['setInterval'],
  onSilent: () => void,
): { heard(): void; stop(): void } {
  let heard = true;
  let silentChecks = 0;
  let stopped = false;
  const cancel = setInterval(() => {
    if (stopped) return;
    if (heard) {
      heard = false;
      silentChecks = 0;
      return;
    }
    if (++silentChecks < SILENT_CHECKS) return;
    stop();
    onSilent();
  }, SILENCE_CHECK_MS);
  function stop(): void {
    if (stopped) return;
    stopped = true;
    cancel();
  }
  return {
    heard: () => {
      heard = true;
    },
    stop,
  };
}
