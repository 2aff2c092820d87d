import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { enrFor, p2pIdFor } from '../devices';
import { doubleEncode } from '../live/signed-url';
import { appError, appOk, header } from '../reply';
import type { Reply, RequestContext } from '../reply';
import type { AccountSpec, DeviceSpec } from '../world';
import { APP_ERRORS } from './app';

/**
 * get_streams / get-streams, the live view bootstrap (docs/protocol.md, "Live view"): signed
 * with `signature2` over the exact body bytes, answered with one item per camera in a `data`
 * array. Where the evidence is silent the emulator's choices are in emulator/README.md,
 * "Live view".
 */

/** A route that needs the body exactly as it came (the signature is over those bytes). */
export type RawRoute = (ctx: RequestContext, rawBody: string) => Reply;

/**
 * App ids and the secrets their signatures are keyed with: the app's and the web viewer's. A Map,
 * not an object literal: an app id such as `__proto__` or `toString` must find nothing, not an
 * inherited member whose text anyone can sign with.
 */
const SIGNING_SECRETS = new Map<string, string>([
  ['9319141212m2ik', 'wyze_app_secret_key_132'],
  ['strv_e7f78e9e7738dc50', 'gbJojEBViLklgwyyDikx5ztSvKBXI5oU'],
]);

/** Emulator choice: a bad, missing or unknown-app signature answers this (never a stream). */
export const SIGNATURE_ERROR = ['1003', 'signature error'] as const;
/** Emulator choice: no `authorization` header, or one that is not the access token. */
export const AUTHORIZATION_ERROR = ['1003', 'authorization is missing'] as const;
/** Emulator choice: a camera that is offline, when its world says to answer with the code. */
export const DEVICE_OFFLINE = ['3019', 'device offline'] as const;

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** signature2: hex HMAC-MD5 over the body, keyed by hex MD5(access token + app secret). */
export function signature2(accessToken: string, secret: string, body: string): string {
  return createHmac('md5', md5(accessToken + secret))
    .update(body)
    .digest('hex');
}

const bodySchema = z.looseObject({
  device_list: z
    .array(
      z.looseObject({
        device_id: z.string().min(1),
        device_model: z.string(),
        provider: z.enum(['webrtc', 'tutk']),
        parameters: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .min(1)
    .max(50),
  nonce: z.union([z.string().min(1), z.number().int()]),
});

const sameText = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The signing checks, in the order the service would meet them; null when they pass. */
export function refuseSigning(ctx: RequestContext, rawBody: string): Reply | null {
  const token = header(ctx, 'access_token');
  const secret = SIGNING_SECRETS.get(header(ctx, 'appid'));
  if (!token || secret === undefined) return appError(...SIGNATURE_ERROR);
  // Without `authorization` the call is refused. Not HTTP 401: clients read a 401 as an expired
  // token, and a missing header is no reason to refresh or sign out.
  if (header(ctx, 'authorization') !== token) return appError(...AUTHORIZATION_ERROR);
  const given = header(ctx, 'signature2').toLowerCase();
  return sameText(given, signature2(token, secret, rawBody)) ? null : appError(...SIGNATURE_ERROR);
}

/** The account a signed request's access_token header names, or the error the service gives. */
export function signedInAccount(ctx: RequestContext): AccountSpec | Reply {
  const email = ctx.state.tokens.checkAccess(header(ctx, 'access_token'));
  const account = email ? ctx.state.account(email) : undefined;
  if (!account) return appError(...APP_ERRORS.accessToken);
  if (ctx.fault?.kind === 'accessTokenError') {
    ctx.state.tokens.expireAccess(account.email);
    return appError(...APP_ERRORS.accessToken);
  }
  return account;
}

/** ICE servers as the cloud lists them (singular `url`); credentials fresh for each bootstrap. */
function iceServers(
  ctx: RequestContext,
): { url: string; username?: string; credential?: string }[] {
  // Port 9 on loopback answers nothing: the viewer keeps its host candidates, nothing leaves.
  const expires = Math.floor(ctx.state.now() / 1000) + 300;
  return [
    {
      url: 'turn:127.0.0.1:9?transport=udp',
      username: `${expires}:${randomBytes(6).toString('hex')}`,
      credential: randomBytes(20).toString('base64'),
    },
    { url: 'stun:127.0.0.1:9' },
  ];
}

const property = (device: DeviceSpec) => ({
  'iot-device::iot-state': device.online ? 1 : 0,
  'iot-device::iot-power': device.powerOn ? 1 : 0,
});

function streamItem(ctx: RequestContext, device: DeviceSpec, provider: string): unknown {
  const spec = ctx.state.streamSpec(device);
  if (provider === 'tutk' || spec.kind === 'tutk') {
    const params = { dtls: 1, enr: enrFor(device), p2p_id: p2pIdFor(device) };
    return { property: property(device), device_id: device.mac, provider: 'tutk', params };
  }
  const base = { device_id: device.mac, provider: 'webrtc', property: property(device) };
  // Offline or privacy mode: the item says so and carries nothing to connect to.
  if (!device.online || !device.powerOn) return { ...base, params: {} };
  const authToken = randomBytes(24).toString('base64url');
  let url: string;
  if (spec.kind === 'wyze-mars') {
    url = `wss://wyze-mars-webcsrv.wyzecam.com?token=${authToken}`;
  } else {
    url = ctx.state.signalling.issue(ctx.state.origin, device.mac);
    if (spec.doubleEncodedUrl) url = doubleEncode(url);
  }
  return {
    ...base,
    params: { signaling_url: url, ice_servers: iceServers(ctx), auth_token: authToken },
  };
}

/** POST /app/v4/camera/get_streams and /app/v4/camera/get-streams. */
export const getStreams: RawRoute = (ctx, rawBody) => {
  const refused = refuseSigning(ctx, rawBody);
  if (refused) return refused;
  const account = signedInAccount(ctx);
  if ('status' in account) return account;
  const body = bodySchema.safeParse(ctx.body);
  if (!body.success) return appError(...APP_ERRORS.parameter);
  const wanted = body.data.device_list.map((entry) => ({
    entry,
    device: account.devices.find((d) => d.mac === entry.device_id),
  }));
  const items: unknown[] = [];
  for (const { entry, device } of wanted) {
    // An unknown MAC or a device that is no camera: ParameterError, as the other routes answer.
    if (!device || device.productType !== 'Camera') return appError(...APP_ERRORS.parameter);
    const spec = ctx.state.streamSpec(device);
    if (spec.faults.refuse) return appError(spec.faults.refuse.code, spec.faults.refuse.msg);
    if (!device.online && spec.offlineAnswer === 'code3019') return appError(...DEVICE_OFFLINE);
    items.push(streamItem(ctx, device, entry.provider));
  }
  return appOk(ctx, items);
};
