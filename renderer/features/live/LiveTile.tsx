import { useEffect, useRef, useState } from 'react';
import type { Ref } from 'react';
import { MAX_SNAPSHOT_BYTES } from '../../../common/live';
import { useStore } from '../../store';
import { markLiveFrame, retryLive, saveLiveSnapshot } from '../../store/live-sessions';
import { downloadBlob } from '../../download';
import { captureFrame, toBase64 } from './snapshot';
import { useLiveFigures } from './stats';

/** The video's own size once it has a decoded frame. */
function useVideoFrames(mac: string, stream: MediaStream | null) {
  const video = useRef<HTMLVideoElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    // A new stream (after a reconnect) replaces the old one; none yet keeps the last frame.
    if (stream && element.srcObject !== stream) element.srcObject = stream;
    const onFrame = () => {
      if (element.videoWidth <= 0) return;
      setSize({ width: element.videoWidth, height: element.videoHeight });
      markLiveFrame(mac, element.srcObject);
    };
    element.addEventListener('loadeddata', onFrame);
    element.addEventListener('resize', onFrame);
    return () => {
      element.removeEventListener('loadeddata', onFrame);
      element.removeEventListener('resize', onFrame);
    };
  }, [mac, stream]);
  return { video, size };
}

/** Saves the frame shown: main's save dialog in the app, a download in the browser preview. */
function useSnapshot(mac: string, video: { current: HTMLVideoElement | null }) {
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const announce = useStore((s) => s.announce);
  const say = (text: string) => {
    setNote(text);
    announce(text);
  };
  async function save(): Promise<void> {
    setSaving(true);
    try {
      const blob = video.current ? await captureFrame(video.current) : null;
      if (!blob) return say('There is no picture to save yet.');
      if (blob.size > MAX_SNAPSHOT_BYTES) return say('This picture is too large to save.');
      const result = await saveLiveSnapshot(mac, await toBase64(blob));
      if (!result.ok) return say(result.error.message);
      const outcome = result.value;
      if (outcome.kind === 'download') {
        downloadBlob(outcome.fileName, blob);
        say(`Downloaded ${outcome.fileName}`);
      } else if (outcome.kind === 'saved') {
        say(`Saved ${outcome.fileName}`);
      } else {
        setNote('');
      }
    } catch {
      say('The snapshot could not be made.');
    } finally {
      setSaving(false);
    }
  }
  return { note, saving, save };
}

function Figures({ mac, size }: { mac: string; size: { width: number; height: number } | null }) {
  const { framesPerSecond, roundTripMs } = useLiveFigures(mac);
  const dash = <span className="muted">—</span>;
  return (
    <dl className="live-figures">
      <div>
        <dt>Resolution</dt>
        <dd>{size ? `${size.width}×${size.height}` : dash}</dd>
      </div>
      <div>
        <dt>Frame rate</dt>
        <dd>{framesPerSecond === null ? dash : `${framesPerSecond} fps`}</dd>
      </div>
      <div>
        <dt>Round trip</dt>
        <dd>{roundTripMs === null ? dash : `${roundTripMs} ms`}</dd>
      </div>
    </dl>
  );
}

/**
 * One camera's live view: a region named "<camera> live" with the video (muted at first), its
 * status line, the figures from getStats(), and its buttons. The viewer and each wall tile are one.
 */
export function LiveTile({
  mac,
  name,
  onClose,
  heading,
  level = 2,
}: {
  mac: string;
  name: string;
  onClose: () => void;
  /** Where focus goes when the view opens. */
  heading?: Ref<HTMLHeadingElement>;
  level?: 2 | 3;
}) {
  const entry = useStore((s) => s.liveEntries[mac]);
  const stream = entry?.stream ?? null;
  const { video, size } = useVideoFrames(mac, stream);
  const frame = useRef<HTMLDivElement>(null);
  const [muted, setMuted] = useState(true);
  const snapshot = useSnapshot(mac, video);
  const Heading = level === 2 ? 'h2' : 'h3';
  const phase = entry?.phase ?? 'connecting';

  return (
    <section className="live-tile" aria-label={`${name} live`} data-phase={phase}>
      <header className="live-header">
        <Heading ref={heading} tabIndex={-1}>
          {name}
        </Heading>
        <button type="button" className="secondary" onClick={onClose}>
          Close live view
        </button>
      </header>
      <div className="live-frame" ref={frame}>
        <video ref={video} autoPlay playsInline muted={muted} aria-label={`${name} video`} />
        <p className={`live-status live-${phase}`} role="status" aria-live="polite">
          {entry?.status ?? 'Connecting…'}
        </p>
      </div>
      <Figures mac={mac} size={size} />
      <div className="live-actions">
        {entry?.hasAudio && (
          <button type="button" onClick={() => setMuted(!muted)}>
            {muted ? 'Unmute' : 'Mute'}
          </button>
        )}
        <button
          type="button"
          onClick={() => void frame.current?.requestFullscreen?.().catch(() => undefined)}
        >
          Full screen
        </button>
        <button
          type="button"
          disabled={size === null || snapshot.saving}
          onClick={() => void snapshot.save()}
        >
          Save snapshot
        </button>
        {entry?.canRetry && (
          <button type="button" onClick={() => retryLive(mac)}>
            Retry
          </button>
        )}
      </div>
      {snapshot.note && <p className="live-note">{snapshot.note}</p>}
    </section>
  );
}
