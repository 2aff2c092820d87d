/** Longer than this, a value may be cut off by its column: it becomes focusable to read it whole. */
export const CLIP_AT = 32;

/** A label for controls that names a device (its name can be 10 kB long). */
export const shortLabel = (text: string): string =>
  text.length > 60 ? `${text.slice(0, 60)}…` : text;

/**
 * A value from the cloud, cut to its column's width with an ellipsis (a 10 kB nickname must not
 * push every other column off screen). The whole text is in the title (hover), stays in the
 * accessibility tree, and a long one can take keyboard focus, which unfolds it in place.
 */
export function Clipped({ text, className }: { text: string; className?: string }) {
  const long = text.length > CLIP_AT;
  return (
    <span
      className={className ? `clip ${className}` : 'clip'}
      title={long ? text : undefined}
      tabIndex={long ? 0 : undefined}
    >
      {text}
    </span>
  );
}
