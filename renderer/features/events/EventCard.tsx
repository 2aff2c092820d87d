import { memo, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CameraEvent } from '../../../common/camera-events';
import { eventCamera, eventTitle, eventWhen, isoTime } from './describe';

interface Props {
  event: CameraEvent;
  now: number;
  /** Whether this card's clip is the one playing (one at a time in a list). */
  clipOpen: boolean;
  onOpenClip(id: string): void;
  onCloseClip(): void;
  /** Show the camera's name (the account's list) or not (one camera's list). */
  showCamera: boolean;
}

/** The event's picture, or a plain box saying there is none (or that it could not be loaded). */
function EventPicture({ src, alt }: { src: string | null; alt: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (src === null || failed === src) {
    return (
      <div className="event-no-picture" role="img" aria-label={`${alt}: no picture`}>
        {src === null ? 'No picture' : 'Picture not available'}
      </div>
    );
  }
  return (
    <img
      src={src}
      alt={alt}
      width={320}
      height={180}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(src)}
    />
  );
}

/** The clip, playing in place of the picture; focus moves to it, and back when it closes. */
function EventClip({ src, title, onClose }: { src: string; title: string; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [failed, setFailed] = useState(false);
  // The video takes focus (its controls answer the keyboard); where it cannot, "Close clip" does.
  useEffect(() => {
    video.current?.focus();
    if (document.activeElement !== video.current) close.current?.focus();
  }, []);
  return (
    <div className="event-clip">
      {failed ? (
        <p className="event-no-picture" role="alert">
          The clip could not be played.
        </p>
      ) : (
        <video
          ref={video}
          src={src}
          controls
          autoPlay
          playsInline
          aria-label={`Clip: ${title}`}
          onError={() => setFailed(true)}
        />
      )}
      <button
        ref={close}
        type="button"
        className="secondary"
        onClick={onClose}
        aria-keyshortcuts="Escape"
      >
        Close clip
      </button>
    </div>
  );
}

/**
 * One event: its picture (or, once "Play clip" is pressed, its clip), what it was, which camera,
 * and when, both "4 min ago" and the date. Esc inside the card closes an open clip.
 */
export const EventCard = memo(function EventCard({
  event,
  now,
  clipOpen,
  onOpenClip,
  onCloseClip,
  showCamera,
}: Props) {
  const title = eventTitle(event, now);
  const card = useRef<HTMLLIElement>(null);
  const playButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(clipOpen);
  // Focus comes back to "Play clip" when the clip closes with focus in it (Esc, "Close clip"),
  // not when it closes while the user is elsewhere on the screen.
  useEffect(() => {
    const focus = document.activeElement;
    const lost = focus === null || focus === document.body || card.current?.contains(focus);
    if (wasOpen.current && !clipOpen && lost) playButton.current?.focus();
    wasOpen.current = clipOpen;
  }, [clipOpen]);

  function onKeyDown(e: KeyboardEvent<HTMLElement>): void {
    // The video's own keys (arrows seek and set the volume) are not the details pane's (which
    // moves to another camera on ↑ and ↓).
    if (e.target instanceof HTMLVideoElement && e.key.startsWith('Arrow')) {
      e.stopPropagation();
      return;
    }
    if (e.key === 'Escape' && clipOpen) {
      e.preventDefault();
      e.stopPropagation(); // the details pane closes on Esc: this Esc was the clip's
      onCloseClip();
    }
  }

  return (
    <li
      ref={card}
      className="event-card"
      data-event-id={event.id}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      {clipOpen && event.clip !== null ? (
        <EventClip src={event.clip} title={title} onClose={onCloseClip} />
      ) : (
        <EventPicture src={event.picture} alt={title} />
      )}
      <div className="event-text">
        <span className="event-label">{event.label}</span>
        {showCamera && <span className="event-camera">{eventCamera(event)}</span>}
        <time dateTime={isoTime(event.at)} className="event-time">
          {eventWhen(event.at, now)}
        </time>
        {event.clip !== null && !clipOpen && (
          <button
            ref={playButton}
            type="button"
            className="secondary event-play"
            aria-label={`Play clip: ${title}`}
            onClick={() => onOpenClip(event.id)}
          >
            Play clip
          </button>
        )}
      </div>
    </li>
  );
});
