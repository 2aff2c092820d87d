import { afterEach, describe, expect, it } from 'vitest';
import { RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import { createEmulatedCamera, LOOPBACK_ONLY_ICE } from './camera';
import type { EmulatedCamera } from './camera-types';
import { SYSTEM_CLOCK } from './h264/frame-source';
import type { FrameClock } from './h264/frame-source';
import { SILENCE_CHECK_MS, SILENT_CHECKS, watchForSilence } from './viewer-silence';

/** Intervals of SILENCE_CHECK_MS run by hand (`check()`); any other runs on real timers. */
function handChecks() {
  const checks = new Set<() => void>();
  const setInterval: FrameClock['setInterval'] = (callback, ms) => {
    if (ms !== SILENCE_CHECK_MS) return SYSTEM_CLOCK.setInterval(callback, ms);
    checks.add(callback);
    return () => checks.delete(callback);
  };
  return {
    clock: { ...SYSTEM_CLOCK, setInterval },
    setInterval,
    check: (times = 1) => {
      for (let i = 0; i < times; i++) for (const callback of [...checks]) callback();
    },
    pending: () => checks.size,
  };
}

describe('watchForSilence', () => {
  it(`calls onSilent once after ${SILENT_CHECKS} checks in a row without a word, then stops`, () => {
    const t = handChecks();
    let silent = 0;
    watchForSilence(t.setInterval, () => silent++);
    t.check(SILENT_CHECKS); // the first check spends the start's benefit of the doubt
    expect(silent).toBe(0);
    t.check();
    expect(silent).toBe(1);
    expect(t.pending()).toBe(0);
    t.check(SILENT_CHECKS * 2);
    expect(silent).toBe(1);
  });

  it('a viewer heard between checks is never taken as gone', () => {
    const t = handChecks();
    let silent = 0;
    const watch = watchForSilence(t.setInterval, () => silent++);
    for (let i = 0; i < SILENT_CHECKS * 5; i++) {
      t.check(SILENT_CHECKS - 1);
      watch.heard();
    }
    expect(silent).toBe(0);
    watch.stop();
    expect(t.pending()).toBe(0);
  });
});

describe('an emulated camera whose viewer goes silent', () => {
  let camera: EmulatedCamera | undefined;
  let viewer: RTCPeerConnection | undefined;
  afterEach(async () => {
    await camera?.close();
    await viewer?.close();
  });

  it('closes that viewer’s session (and stops encoding for it) after the silence', async () => {
    const t = handChecks();
    camera = createEmulatedCamera(
      { width: 320, height: 240, fps: 10, label: 'Porch' },
      { loopbackOnly: true, clock: t.clock },
    );
    viewer = new RTCPeerConnection({
      codecs: {
        video: [
          new RTCRtpCodecParameters({
            mimeType: 'video/H264',
            clockRate: 90000,
            payloadType: 102,
            parameters: 'packetization-mode=1;profile-level-id=42e01f',
          }),
        ],
        audio: [],
      },
      iceServers: [{ urls: 'stun:127.0.0.1:9' }],
      iceStunGatherTimeout: 0.05,
      ...LOOPBACK_ONLY_ICE,
    });
    viewer.addTransceiver('video', { direction: 'recvonly' });
    const session = camera.openSession();
    const offer = await viewer.createOffer();
    await viewer.setLocalDescription(offer);
    await session.answer(viewer.localDescription?.sdp ?? '');
    // Still there: a second offer on the same session is refused for having one already.
    await expect(session.answer('v=0')).rejects.toThrow(/already has an offer/);
    t.check(SILENT_CHECKS + 1); // no RTCP between these checks: the viewer said nothing
    await expect(session.answer('v=0')).rejects.toThrow(/session is closed/);
  });
});
