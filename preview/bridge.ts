// The browser preview's stand-in for the preload: the same domain verbs (buildWyzeApi) over
// loopback HTTP to the preview host, guarded by the per-launch secret in the page's URL hash.
import { CHANNELS, EVENTS } from '../common/channels';
import type { Channel, EventChannel } from '../common/channels';
import { FIRST_SCREEN_ATTRIBUTE } from '../common/first-screen';
import { buildWyzeApi } from '../preload/api';
import { withFirstCalls } from '../preload/first-calls';

const launch = new URLSearchParams(window.location.hash.slice(1)).get('launch') ?? '';

/**
 * The longest the bridge waits for a first screen's paint (a page that reports none, say): the
 * app's own wait (renderer/after-first-paint.ts; bridge-first-paint-wait.test.ts keeps them equal).
 */
const FIRST_PAINT_WAIT_MS = 300;

/**
 * Resolves once the first screen main wrote into the page has been painted (docs/first-screen.md),
 * or at once for a page without one, or hidden. Until then the bridge sends nothing: the app runs
 * only after that paint (renderer/main.ts), and its event stream and first calls, four requests
 * whose answers the page parses, only competed with it on the same cores (scripts/README.md,
 * "The fourteenth pass"). The preload's calls go over Electron's IPC instead, and are sent at once.
 */
function firstScreenPainted(): Promise<void> {
  const hasFirstScreen = document.getElementById('root')?.hasAttribute(FIRST_SCREEN_ATTRIBUTE);
  if (!hasFirstScreen || document.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    let observer: PerformanceObserver | null = null;
    const done = (): void => {
      observer?.disconnect();
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    // A page hidden meanwhile paints nothing, and its timers may be slowed: send now.
    document.addEventListener('visibilitychange', done);
    const timer = window.setTimeout(done, FIRST_PAINT_WAIT_MS);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      done(); // no Paint Timing here: no reason to wait
    }
  });
}
const painted = firstScreenPainted();
const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
/** Resolves once the event stream is connected, so no change can slip between a call and it. */
let streamReady: Promise<void> = Promise.resolve();

function deliver(event: EventChannel, payload: unknown): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

async function post(channel: Channel, arg: unknown): Promise<unknown> {
  try {
    const res = await fetch(`./__ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wyze-launch': launch },
      body: JSON.stringify({ arg }),
    });
    return (await res.json()) as unknown;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The preview host stopped answering. Restart it and reload.',
      },
    };
  }
}

/** After a reconnect, events sent while disconnected are gone: fetch the current state instead. */
async function resync(): Promise<void> {
  const pairs = [
    [CHANNELS.getSession, EVENTS.sessionChanged],
    [CHANNELS.getCameras, EVENTS.camerasChanged],
  ] as const;
  for (const [channel, event] of pairs) {
    const result = (await post(channel, undefined)) as { ok: boolean; value?: unknown };
    if (result.ok) deliver(event, result.value);
  }
}

let streamAsked = false;

function ensureStream(): void {
  if (streamAsked) return;
  streamAsked = true;
  streamReady = painted.then(openStream);
}

function openStream(): Promise<void> {
  const stream = new EventSource(`./__events?launch=${encodeURIComponent(launch)}`);
  let opened = false;
  const ready = new Promise<void>((resolve) => {
    // Never block calls for long if the stream cannot connect.
    const timer = window.setTimeout(resolve, 3000);
    stream.addEventListener('open', () => {
      window.clearTimeout(timer);
      if (opened) void resync();
      opened = true;
      resolve();
    });
  });
  for (const event of Object.values(EVENTS)) {
    stream.addEventListener(event, (message) => {
      deliver(event, JSON.parse((message as MessageEvent<string>).data) as unknown);
    });
  }
  return ready;
}

// The page start's calls are made now, while the app's script loads (preload/first-calls.ts), and
// sent once a first screen has been painted (`painted`).
const api = buildWyzeApi(
  withFirstCalls({
    async invoke(channel, arg) {
      await painted;
      await streamReady;
      return post(channel, arg);
    },
    on(event, listener) {
      ensureStream();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  }),
);

Object.defineProperty(window, 'wyze', {
  value: api,
  enumerable: true,
  configurable: false,
  writable: false,
});
