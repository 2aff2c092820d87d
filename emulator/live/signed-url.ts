import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Pre-signed signalling URLs shaped like Kinesis Video's (emulator/README.md, "Live view"): the
 * emulator's own `ws://127.0.0.1:<port>/kvs/?X-Amz-…` with an HMAC-SHA256 over the exact path and
 * query before the signature, keyed by a secret made fresh for every emulator run. The values are
 * percent-encoded the way AWS encodes them (the ARN's `:` and `/` become `%3A` and `%2F`), so a
 * client that decodes or re-encodes the URL breaks the signature, as it would with the real one.
 */

/** Where the signalling socket listens on the emulator's port. */
export const SIGNALLING_PATH = '/kvs/';

const REGION = 'us-west-2';
const ACCOUNT = '000000000000';
const SIGNATURE = 'X-Amz-Signature';

/** The signed parameters, in the order they are written (the signature comes last). */
export const SIGNED_PARAMS = [
  'X-Amz-ChannelARN',
  'X-Amz-ClientId',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-Security-Token',
  'X-Amz-SignedHeaders',
] as const;

/** What a verified URL grants: a viewer's connection to one camera's channel. */
export interface SignalGrant {
  mac: string;
  clientId: string;
}

export type SignalVerdict = { ok: true; grant: SignalGrant } | { ok: false; reason: string };

/** AWS's URI encoding: everything but A–Z a–z 0–9 - _ . ~ is %XX. */
export const awsEncode = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** 20261127T152000Z, as X-Amz-Date has it. */
export const amzDate = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function parseAmzDate(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  return Number.isFinite(ms) && amzDate(ms) === text ? ms : null;
}

const CHANNEL_ARN = /^arn:aws:kinesisvideo:[a-z0-9-]+:\d{12}:channel\/wyze-([^/]+)\/\d+$/;

/** Signs and checks this run's signalling URLs. */
export class SignalUrlSigner {
  private readonly key = randomBytes(32);

  constructor(
    private readonly now: () => number,
    /** How long a URL stays valid, in seconds (Kinesis' pre-signed URLs say 300). */
    private readonly expiresSeconds = 300,
  ) {}

  private sign(pathAndQuery: string): string {
    return createHmac('sha256', this.key).update(pathAndQuery).digest('hex');
  }

  /** A fresh viewer URL for a camera, on the emulator's origin (http → ws). */
  issue(origin: string, mac: string): string {
    const now = this.now();
    const date = amzDate(now);
    const values: Record<(typeof SIGNED_PARAMS)[number], string> = {
      'X-Amz-ChannelARN': `arn:aws:kinesisvideo:${REGION}:${ACCOUNT}:channel/wyze-${mac}/${now}`,
      'X-Amz-ClientId': `viewer-${randomUUID()}`,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `ASIA${randomBytes(8).toString('hex').toUpperCase()}/${date.slice(0, 8)}/${REGION}/kinesisvideo/aws4_request`,
      'X-Amz-Date': date,
      'X-Amz-Expires': String(this.expiresSeconds),
      'X-Amz-Security-Token': randomBytes(96).toString('base64'),
      'X-Amz-SignedHeaders': 'host',
    };
    const query = SIGNED_PARAMS.map((name) => `${name}=${awsEncode(values[name])}`).join('&');
    const signed = `${SIGNALLING_PATH}?${query}`;
    return `${origin.replace(/^http/, 'ws')}${signed}&${SIGNATURE}=${this.sign(signed)}`;
  }

  /**
   * Checks a request target (`/kvs/?…`, exactly as the request line carries it): the signature
   * over the bytes before it, every parameter present once and nothing else, and the expiry
   * against the emulator's clock.
   */
  verify(target: string): SignalVerdict {
    const marker = `&${SIGNATURE}=`;
    const at = target.lastIndexOf(marker);
    if (!target.startsWith(`${SIGNALLING_PATH}?`) || at < 0) {
      return { ok: false, reason: 'not a signed signalling URL' };
    }
    const signed = target.slice(0, at);
    const given = Buffer.from(target.slice(at + marker.length));
    const expected = Buffer.from(this.sign(signed));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'signature does not match' };
    }
    const values = new Map<string, string>();
    for (const pair of signed.slice(SIGNALLING_PATH.length + 1).split('&')) {
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (eq < 0 || values.has(name)) return { ok: false, reason: `bad parameter ${name}` };
      try {
        values.set(name, decodeURIComponent(pair.slice(eq + 1)));
      } catch {
        return { ok: false, reason: `bad encoding in ${name}` };
      }
    }
    if (values.size !== SIGNED_PARAMS.length || SIGNED_PARAMS.some((n) => !values.has(n))) {
      return { ok: false, reason: 'missing parameter' };
    }
    const date = parseAmzDate(values.get('X-Amz-Date') ?? '');
    const expires = Number(values.get('X-Amz-Expires'));
    if (date === null || !Number.isInteger(expires) || expires <= 0) {
      return { ok: false, reason: 'bad date or expiry' };
    }
    if (this.now() > date + expires * 1000) return { ok: false, reason: 'expired' };
    const arn = CHANNEL_ARN.exec(values.get('X-Amz-ChannelARN') ?? '');
    if (!arn?.[1]) return { ok: false, reason: 'bad channel' };
    return { ok: true, grant: { mac: arn[1], clientId: values.get('X-Amz-ClientId') ?? '' } };
  }
}

/**
 * The URL as some models' bootstrap lists it (LD_CFP): every `%` encoded once more as `%25`, so
 * exactly one decoding layer gives the signed URL back (docs/protocol.md, "Live view").
 */
export const doubleEncode = (url: string): string => url.replace(/%/g, '%25');
