/**
 * Camera search: every word of a query against each device's searchable text, folded for case and
 * accents, MACs with or without separators. Pure; no zod, no DOM: the page bundles it. Re-exported
 * by common/camera-query.ts, which combines it with sort, filter and group.
 */
import type { DeviceDto } from './view';

/** Lower case without accents: "Caméra" and "CAMERA" both read "camera". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A MAC (or part of one) without separators: "2C:AA:8E" and "2c-aa-8e" read "2caa8e". */
const compactMac = (text: string): string => text.replace(/[\s:-]/g, '');
/** A search word that can only be (part of) a MAC: hex digits and separators. */
const MAC_LIKE = /^[0-9a-f:-]+$/;

interface Haystack {
  text: string;
  mac: string;
}

/** Each device object's searchable text, built once: a keystroke over 5,000 cameras is a scan. */
const haystacks = new WeakMap<DeviceDto, Haystack>();

function haystackOf(d: DeviceDto): Haystack {
  let hay = haystacks.get(d);
  if (!hay) {
    const fields = [d.name, d.model, d.modelName, d.lanIp, d.publicIp, d.mac, d.firmware, d.ssid];
    hay = {
      text: foldText(fields.filter((f) => f !== null).join('\u0000')),
      mac: compactMac(foldText(d.mac)),
    };
    haystacks.set(d, hay);
  }
  return hay;
}

/**
 * Builds the searchable text of every device not seen yet, so the first keystroke of a search
 * over thousands of cameras costs no more than the next (call it when the search box gets focus).
 */
export function prepareSearch(devices: readonly DeviceDto[]): void {
  for (const d of devices) haystackOf(d);
}

/** The words of a search, folded; empty when it has none. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** A search word, with its MAC form worked out once per search rather than once per device. */
interface Term {
  text: string;
  /** The word without MAC separators, when it can only be (part of) a MAC; null otherwise. */
  mac: string | null;
}

function termsOf(query: string): Term[] {
  return searchTerms(query).map((text) => {
    const compact = compactMac(text);
    return { text, mac: compact !== '' && MAC_LIKE.test(text) ? compact : null };
  });
}

function matchesTerms(d: DeviceDto, terms: readonly Term[]): boolean {
  const hay = haystackOf(d);
  // A MAC typed with separators ("2c:aa:8e") matches one stored without, and the reverse.
  return terms.every(
    (term) => hay.text.includes(term.text) || (term.mac !== null && hay.mac.includes(term.mac)),
  );
}

/**
 * Whether a device matches a search: every word of the query is found in its name, model code or
 * marketed name, IP, public IP, MAC (with or without separators), firmware or Wi-Fi network,
 * ignoring case and accents. An empty query matches everything.
 */
export function matchesSearch(d: DeviceDto, query: string): boolean {
  return matchesTerms(d, termsOf(query));
}

/** The devices that match a search, in the order given. */
export function searchCameras(devices: readonly DeviceDto[], query: string): DeviceDto[] {
  const terms = termsOf(query);
  return terms.length === 0 ? [...devices] : devices.filter((d) => matchesTerms(d, terms));
}

/**
 * A search word of separators only (":", "-"): it matches only text holding them, but one hex
 * digit more (":0") makes it a MAC word, which matches any MAC holding that digit. So a longer
 * search can find what it did not, and its answer is not searched for the longer one's.
 */
const SEPARATORS_ONLY = /(^| )[:-]+$/;

/** How many searches a `SearchCache` keeps (the words of a search being typed, and erased). */
const CACHED_SEARCHES = 32;

/**
 * `searchCameras` for a search box: remembers its last answers for the same device array, so
 * erasing back to an earlier search is a lookup, and a search that only adds to an earlier one
 * ("fro" → "front", "front" → "front door") scans that one's answer instead of every device
 * (what matches the longer search matches the shorter, since each word found contains the
 * shorter word's letters; not after a word of separators only, see SEPARATORS_ONLY). Same order
 * and answers as `searchCameras`; the same array for the same search, so what is computed from it
 * need not be again.
 */
export function createSearchCache(): (devices: readonly DeviceDto[], query: string) => DeviceDto[] {
  let base: readonly DeviceDto[] | null = null;
  // Keyed by the search's words, folded and joined by one space; oldest first.
  const answers = new Map<string, DeviceDto[]>();
  return (devices, query) => {
    if (devices !== base) {
      base = devices;
      answers.clear();
    }
    const key = searchTerms(query).join(' ');
    const known = answers.get(key);
    if (known) {
      // Newest last, so the oldest is the one to forget.
      answers.delete(key);
      answers.set(key, known);
      return known;
    }
    let from: readonly DeviceDto[] = devices;
    for (const [shorter, found] of answers) {
      if (key.startsWith(shorter) && !SEPARATORS_ONLY.test(shorter) && found.length < from.length) {
        from = found;
      }
    }
    const found = searchCameras(from, query);
    answers.set(key, found);
    if (answers.size > CACHED_SEARCHES) answers.delete(answers.keys().next().value as string);
    return found;
  };
}
