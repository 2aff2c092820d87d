// The browser preview's stand-in for the preload: the same domain verbs (buildWyzeApi) over
// loopback HTTP to the preview host, guarded by the per-launch secret in the page's URL hash.
import { CHANNELS, EVENTS } from '../common/channels';
import type { Channel, EventChannel } from '../common/channels';
import { buildWyzeApi } from '../preload/api';
import { withFirstCalls } from '../preload/first-calls';

const launch = new URLSearchParams(window.location.hash.slice(1)).get('launch') ?? '';
const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;
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

function ensureStream(): void {
  if (source) return;
  const stream = new EventSource(`./__events?launch=${encodeURIComponent(launch)}`);
  source = stream;
  let opened = false;
  streamReady = new Promise((resolve) => {
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
}

// The page start's calls go out now, while the app's script loads (preload/first-calls.ts).
const api = buildWyzeApi(
  withFirstCalls({
    async invoke(channel, arg) {
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
