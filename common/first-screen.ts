import type { CamerasEvent } from './camera-delta';
import type { ViewPrefs } from './prefs';
import type { SessionView } from './view';

/**
 * The first screen written into the page (docs/first-screen.md): on a relaunch main renders the
 * camera list's first screen with the app's own components and writes it into index.html, so it
 * is painted before any script runs; the app's script then takes that markup over (React
 * hydration) instead of drawing it again. What main and the page exchange about it is here.
 *
 * Besides the store's state, both must agree on the window height the rows were drawn for and the
 * moment "Updated … ago" was worked out from: the mark, written on #root.
 */
export interface FirstScreenMark {
  /** The revision of the camera list it shows (common/camera-delta.ts). */
  revision: number;
  /** The window height, in CSS pixels, its rows fill. */
  height: number;
  /** When it was rendered (epoch ms). */
  renderedAt: number;
  /**
   * The locale its dates and name order were formatted in (the default Intl locale where it was
   * rendered): main's comes from its environment, the page's from the app, and they can differ.
   */
  locale: string;
  /** `stateDigest` of the session and view preferences it was drawn with. */
  digest: string;
}

/** What main renders the first screen from: the page's own first calls' answers. */
export interface FirstScreenInput {
  session: SessionView;
  cameras: CamerasEvent;
  viewPrefs: ViewPrefs;
  height: number;
  now: number;
}

/** The attribute on #root that carries the mark, as JSON. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

/**
 * The attribute on index.html's modulepreload link of the app chunk (vite.config.ts), which a page
 * served with a first screen goes without (main/first-screen.ts, withFirstScreen).
 */
export const APP_CHUNK_ATTRIBUTE = 'data-app-chunk';

/** The least and most window height a mark may give (a hostile value draws no huge list). */
export const MIN_FIRST_SCREEN_HEIGHT = 200;
export const MAX_FIRST_SCREEN_HEIGHT = 4320;

/**
 * The mark on a page's #root, checked: null when there is none or it is not one (the page then
 * draws its first screen itself).
 */
export function readFirstScreenMark(value: string | null | undefined): FirstScreenMark | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { revision, height, renderedAt, locale, digest } = parsed as Record<string, unknown>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  if (!whole(revision) || !whole(height) || !whole(renderedAt)) return null;
  if (height < MIN_FIRST_SCREEN_HEIGHT || height > MAX_FIRST_SCREEN_HEIGHT) return null;
  if (typeof locale !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(locale)) return null;
  if (typeof digest !== 'string' || !/^[0-9a-f]{8}$/.test(digest)) return null;
  return { revision, height, renderedAt, locale, digest };
}

/** JSON with every object's keys in order: the same value gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short digest (FNV-1a, 32 bits, hex) of what the first screen shows besides the list: the
 * session and the view preferences. The page compares it with its own before taking the screen
 * over: a search typed just before a reload reaches main after the new page was rendered.
 */
export function stateDigest(session: SessionView, viewPrefs: ViewPrefs): string {
  const text = canonical({ session, viewPrefs });
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The default locale of this JavaScript engine, as Intl formats dates and sorts with it. */
export const defaultLocale = (): string => new Intl.DateTimeFormat().resolvedOptions().locale;
