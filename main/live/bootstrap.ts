import type { LiveIceServer } from '../../common/live';
import { isLoopbackHost } from '../thumbnails/policy';
import { WyzeError, wyzeError } from '../wyze/errors';
import type { StreamItem } from '../wyze/schemas';

/**
 * What a camera's get_streams answer means for live view (docs/protocol.md, "Live view"): a
 * stream to connect to, or a typed reason there is none.
 */
export interface LiveBootstrap {
  /** The pre-signed signalling URL, exactly as it must be opened. Never leaves main. */
  signallingUrl: string;
  /** The ICE servers for the page's RTCPeerConnection (credentials included: security S25). */
  iceServers: LiveIceServer[];
}

/**
 * Kinesis Video's signalling endpoints: `<id>.kinesisvideo.<region>.amazonaws.com` (`.com.cn` in
 * China). Any other `wss:` host (such as Wyze's own `wyze-mars-webcsrv`) speaks a protocol that
 * is not public, so live view says it cannot stream that camera instead of guessing.
 */
const KINESIS_HOST = /^[a-z0-9-]{1,63}\.kinesisvideo\.[a-z0-9-]{1,32}\.amazonaws\.com(?:\.cn)?$/;
/** Printable ASCII without space: all an HTTP request line may carry unescaped. */
const REQUEST_LINE_SAFE = /^[\x21-\x7e]+$/;
const ICE_SCHEMES = /^(?:stun|stuns|turn|turns):/i;

/**
 * The signalling URL to open, byte for byte as the cloud sent it, except that a URL holding a
 * literal `%25` (double-encoded; some models) has exactly one layer decoded. Only `wss:` to
 * Kinesis on its default port, or `ws:`/`wss:` to loopback when allowed (the emulator); null for
 * anything else.
 */
export function signallingUrlOf(raw: string, allowLoopback: boolean): string | null {
  let url = raw;
  if (url.includes('%25')) {
    try {
      url = decodeURIComponent(url);
    } catch {
      return null;
    }
  }
  if (!REQUEST_LINE_SAFE.test(url) || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.username || parsed.password || parsed.hash) return null;
  const host = parsed.hostname.toLowerCase();
  if (allowLoopback && isLoopbackHost(host)) {
    return parsed.protocol === 'ws:' || parsed.protocol === 'wss:' ? url : null;
  }
  // Kinesis listens on wss's own port (an explicit :443 parses as no port).
  return parsed.protocol === 'wss:' && KINESIS_HOST.test(host) && parsed.port === '' ? url : null;
}

/** `iot-device::iot-state` and `::iot-power` are 1 when online and on; absent means unknown. */
function isOne(property: StreamItem['property'], key: string): boolean | null {
  const value = property?.[`iot-device::${key}`];
  if (value === undefined || value === null) return null;
  return String(value) === '1';
}

/** The cloud's `{url, username, credential}` as RTCPeerConnection takes it (`urls`). */
function iceServersOf(item: StreamItem): LiveIceServer[] {
  const servers: LiveIceServer[] = [];
  for (const server of item.params?.ice_servers ?? []) {
    if (!ICE_SCHEMES.test(server.url) || !REQUEST_LINE_SAFE.test(server.url)) continue;
    const entry: LiveIceServer = { urls: [server.url] };
    if (server.username) entry.username = server.username;
    if (server.credential) entry.credential = server.credential;
    servers.push(entry);
  }
  return servers;
}

/**
 * Maps get_streams' items for one camera to a bootstrap, or throws the typed reason: offline
 * (`iot-state` not 1), privacy mode (`iot-power` not 1), not supported (no signalling URL, or
 * one that is not Kinesis), refused (no item for this camera).
 */
export function bootstrapOf(
  items: readonly StreamItem[],
  mac: string,
  allowLoopback: boolean,
): LiveBootstrap {
  // A lone item that names no camera is taken as this one's; one that names another never is.
  const lone = items.length === 1 && !items[0]?.device_id ? items[0] : null;
  const item = items.find((i) => i.device_id === mac) ?? lone;
  if (!item) throw wyzeError('LIVE_REFUSED', { detail: 'get_streams: no item for the camera' });
  if (isOne(item.property, 'iot-state') === false) throw wyzeError('DEVICE_OFFLINE');
  if (isOne(item.property, 'iot-power') === false) throw wyzeError('PRIVACY_MODE');
  const raw = item.params?.signaling_url;
  if (!raw) throw wyzeError('LIVE_NOT_SUPPORTED', { detail: 'no signalling URL' });
  const signallingUrl = signallingUrlOf(raw, allowLoopback);
  if (!signallingUrl) {
    throw wyzeError('LIVE_NOT_SUPPORTED', { detail: 'signalling URL not Kinesis wss' });
  }
  return { signallingUrl, iceServers: iceServersOf(item) };
}

/**
 * Errors of get_streams as live view names them: a business code the app does not know, or a
 * parameter error, is Wyze refusing this camera's stream (LIVE_REFUSED); offline, rate limits,
 * expired sessions and network failures keep their own codes.
 */
export function bootstrapFailure(err: unknown): unknown {
  if (err instanceof WyzeError && (err.code === 'UNKNOWN_CODE' || err.code === 'PARAMETER_ERROR')) {
    return wyzeError('LIVE_REFUSED', err.detail ? { detail: err.detail } : {});
  }
  return err;
}
