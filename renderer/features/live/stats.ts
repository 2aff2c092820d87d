import { useEffect, useState } from 'react';
import { readLiveStats } from '../../store/live-sessions';

/** What the viewer shows of a connection's statistics; null where the browser reported nothing. */
export interface LiveFigures {
  framesPerSecond: number | null;
  roundTripMs: number | null;
}

/** How often the figures are read again. */
export const STATS_INTERVAL_MS = 1000;

type Stat = Record<string, unknown>;

const number = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

/**
 * Frame rate (the video's inbound-rtp `framesPerSecond`) and round-trip time (the selected
 * candidate pair's `currentRoundTripTime`, in seconds) from a getStats() report.
 */
export function figuresOf(report: ReadonlyMap<string, unknown>): LiveFigures {
  const stats = [...report.values()].filter((s): s is Stat => typeof s === 'object' && s !== null);
  const video = stats.find((s) => s.type === 'inbound-rtp' && s.kind === 'video');
  const selectedId = stats.find((s) => s.type === 'transport')?.selectedCandidatePairId;
  const pair =
    stats.find((s) => s.type === 'candidate-pair' && s.id === selectedId) ??
    stats.find(
      (s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded',
    );
  const fps = number(video?.framesPerSecond);
  const rtt = number(pair?.currentRoundTripTime);
  return {
    framesPerSecond: fps === null ? null : Math.round(fps),
    roundTripMs: rtt === null ? null : Math.round(rtt * 1000),
  };
}

const NONE: LiveFigures = { framesPerSecond: null, roundTripMs: null };

/** A camera's figures, read every second while its view is open. */
export function useLiveFigures(mac: string): LiveFigures {
  const [figures, setFigures] = useState(NONE);
  useEffect(() => {
    let gone = false;
    const read = async () => {
      const report = await readLiveStats(mac);
      if (!gone) setFigures(report ? figuresOf(report) : NONE);
    };
    const timer = setInterval(() => void read(), STATS_INTERVAL_MS);
    return () => {
      gone = true;
      clearInterval(timer);
    };
  }, [mac]);
  return figures;
}
