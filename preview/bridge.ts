// The browser preview's stand-in for the preload: the same domain verbs (buildWyzeApi) over
// loopback HTTP to the preview host, guarded by the per-launch secret in the page's URL hash.
import type { EventChannel } from '../common/channels';
import { buildWyzeApi } from '../preload/api';

const launch = new URLSearchParams(window.location.hash.slice(1)).get('launch') ?? '';
const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureStream(): void {
  if (source) return;
  source = new EventSource(`./__events?launch=${encodeURIComponent(launch)}`);
  for (const event of ['event:session-changed', 'event:cameras-changed'] as const) {
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  }
}

const api = buildWyzeApi({
  async invoke(channel, arg) {
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
  },
  on(event, listener) {
    ensureStream();
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
});

Object.defineProperty(window, 'wyze', {
  value: api,
  enumerable: true,
  configurable: false,
  writable: false,
});
