import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { FaultBook } from './faults';
import { RateBudget } from './ratelimit';
import { TokenBook } from './tokens';
import { z } from 'zod';
import { faultSchema, liveFaultsSchema, streamSpecSchema } from './world';
import type { AccountSpec, DeviceSpec, FaultSpec, LiveFaults, StreamSpec, World } from './world';
import { EventBook } from './events/store';
import { SignalUrlSigner } from './live/signed-url';
import type { LiveSockets } from './live/signalling';

/** A code the emulator "sent" by text message or e-mail; tests read them like a phone would. */
export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  code: string;
  sessionId: string;
  at: number;
}

interface PendingLogin {
  email: string;
  smsSessionId: string;
  emailSessionId: string;
}

interface IssuedCode {
  email: string;
  channel: 'sms' | 'email';
  code: string;
  expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;
/** Wyze's pre-signed thumbnail URLs say X-Amz-Expires=1200. */
const PICTURE_TTL_SECONDS = 1200;

/** Fields a running world's device may be changed in through the control API (no defaults). */
export const devicePatchSchema = z
  .object({
    nickname: z.string(),
    firmware: z.string(),
    hardware: z.string(),
    online: z.boolean(),
    connStateTs: z.number().int().nonnegative(),
    powerOn: z.boolean(),
    ip: z.string().nullable(),
    publicIp: z.string().nullable(),
    ssid: z.string().nullable(),
    battery: z.number().int().min(0).max(100).nullable(),
  })
  .partial()
  .strict();

export type DevicePatch = z.infer<typeof devicePatchSchema>;

/** Everything that changes while the emulator runs. */
export class EmulatorState {
  readonly tokens: TokenBook;
  readonly faults: FaultBook;
  readonly budgets: { app: RateBudget; auth: RateBudget };
  readonly outbox: OutboxMessage[] = [];
  readonly requestCounts = new Map<string, number>();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  private readonly pending = new Map<string, PendingLogin>();
  private readonly codes = new Map<string, IssuedCode>();
  /** This run's key for signing picture URLs, as S3 signs its pre-signed ones. */
  private readonly pictureKey = randomBytes(32);
  /** The address the server listens on (set by startEmulator); picture URLs point at it. */
  origin = '';
  /** This run's signer of signalling URLs (emulator/README.md, "Live view"). */
  readonly signalling: SignalUrlSigner;
  /** The open signalling sockets, once startEmulator has attached them. */
  liveSockets: LiveSockets | null = null;
  /** Events added at run time (the control API), besides the ones the world generates. */
  readonly events = new EventBook();
  /** Live faults set at run time, by MAC; they replace the world's for that camera. */
  private readonly liveFaults = new Map<string, LiveFaults>();

  constructor(
    readonly world: World,
    readonly now: () => number,
  ) {
    this.tokens = new TokenBook({ ...world.tokens, now });
    this.signalling = new SignalUrlSigner(now);
    this.faults = new FaultBook(world.faults);
    this.budgets = {
      app: new RateBudget(
        world.rateLimits.app.limit,
        world.rateLimits.app.windowSeconds * 1000,
        now,
      ),
      auth: new RateBudget(
        world.rateLimits.auth.limit,
        world.rateLimits.auth.windowSeconds * 1000,
        now,
      ),
    };
  }

  account(email: string): AccountSpec | undefined {
    const key = email.toLowerCase();
    return this.world.accounts.find((a) => a.email.toLowerCase() === key);
  }

  accountByKey(keyId: string, apiKey: string): AccountSpec | undefined {
    return this.world.accounts.find((a) => a.keyId === keyId && a.apiKey === apiKey);
  }

  countRequest(path: string): void {
    this.requestCounts.set(path, (this.requestCounts.get(path) ?? 0) + 1);
  }

  /** Every request counted so far, whatever its path. */
  requestTotal(): number {
    let total = 0;
    for (const n of this.requestCounts.values()) total += n;
    return total;
  }

  /** Epoch ms until which sign-in is refused for this e-mail, or 0. */
  lockedUntil(email: string): number {
    const entry = this.failures.get(email.toLowerCase());
    return entry && entry.lockedUntil > this.now() ? entry.lockedUntil : 0;
  }

  recordFailure(email: string): void {
    const key = email.toLowerCase();
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count++;
    if (entry.count >= this.world.lockout.maxFailures) {
      entry.lockedUntil = this.now() + this.world.lockout.lockSeconds * 1000;
      entry.count = 0;
    }
    this.failures.set(key, entry);
  }

  clearFailures(email: string): void {
    this.failures.delete(email.toLowerCase());
  }

  startMfa(account: AccountSpec): PendingLogin {
    const login = {
      email: account.email,
      smsSessionId: randomUUID(),
      emailSessionId: randomUUID(),
    };
    this.pending.set(account.userId, login);
    return login;
  }

  /** Issues a code for a pending MFA login; null when the user/session pair is unknown. */
  sendCode(channel: 'sms' | 'email', userId: string, sessionId: string): OutboxMessage | null {
    const login = this.pending.get(userId);
    const expected = channel === 'sms' ? login?.smsSessionId : login?.emailSessionId;
    if (!login || !sessionId || sessionId !== expected) return null;
    const account = this.account(login.email);
    const to =
      channel === 'sms'
        ? `${account?.mfa?.phone?.countryCode ?? ''}${account?.mfa?.phone?.number ?? ''}`
        : login.email;
    const message: OutboxMessage = {
      channel,
      to,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      sessionId: randomUUID(),
      at: this.now(),
    };
    this.codes.set(message.sessionId, {
      email: login.email,
      channel,
      code: message.code,
      expiresAt: this.now() + CODE_TTL_MS,
    });
    this.outbox.push(message);
    return message;
  }

  /** Checks (and spends) a text or e-mail code issued for this verification id. */
  redeemCode(channel: 'sms' | 'email', email: string, sessionId: string, code: string): boolean {
    const issued = this.codes.get(sessionId);
    if (!issued || issued.channel !== channel) return false;
    if (issued.email.toLowerCase() !== email.toLowerCase()) return false;
    if (issued.expiresAt <= this.now() || issued.code !== code) return false;
    this.codes.delete(sessionId);
    return true;
  }

  finishMfa(account: AccountSpec): void {
    this.pending.delete(account.userId);
  }

  // ---- pictures: pre-signed-looking URLs that expire like Wyze's (20 minutes) ----

  private signPicture(path: string, date: number): string {
    return createHmac('sha256', this.pictureKey).update(`${path}\n${date}`).digest('hex');
  }

  /**
   * The loopback URL of a device's own picture, shaped like a pre-signed S3 URL
   * (docs/protocol.md, "Thumbnails"): a path per MAC and time taken, a date, an expiry of
   * 1,200 seconds and a signature over both.
   */
  pictureUrl(device: DeviceSpec): string {
    return this.signedUrl(
      `/thumbnails/camplus-emu/${encodeURIComponent(device.mac)}/${device.thumbnail?.ts ?? 0}.jpg`,
    );
  }

  /**
   * A loopback URL for a path the emulator serves (a picture, an event's file), signed and
   * expiring like Wyze's pre-signed S3 URLs; `pictureSigned` checks it.
   */
  signedUrl(path: string): string {
    const date = Math.floor(this.now() / 1000);
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Date': String(date),
      'X-Amz-Expires': String(PICTURE_TTL_SECONDS),
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': this.signPicture(path, date),
    });
    return `${this.origin}${path}?${query}`;
  }

  /** True when a picture URL carries this run's signature and has not expired. */
  pictureSigned(path: string, query: URLSearchParams): boolean {
    const date = Number(query.get('X-Amz-Date'));
    if (!Number.isInteger(date) || date * 1000 + PICTURE_TTL_SECONDS * 1000 < this.now()) {
      return false;
    }
    const expected = Buffer.from(this.signPicture(path, date));
    const given = Buffer.from(query.get('X-Amz-Signature') ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The device a picture path names, when it has a picture served by the emulator. */
  pictureDevice(mac: string, ts: number): DeviceSpec | undefined {
    for (const account of this.world.accounts) {
      const device = account.devices.find((d) => d.mac === mac);
      if (device?.thumbnail && device.thumbnail.url === undefined && device.thumbnail.ts === ts) {
        return device;
      }
    }
    return undefined;
  }

  // ---- control: what tests and the demo change in a running world ----

  /** Changes a device; a change of online state moves conn_state_ts to now. */
  updateDevice(mac: string, patch: DevicePatch, email?: string): DeviceSpec {
    const accounts = email ? [this.account(email)] : this.world.accounts;
    for (const account of accounts) {
      const device = account?.devices.find((d) => d.mac === mac);
      if (!device) continue;
      const checked = devicePatchSchema.parse(patch);
      if (checked.online !== undefined && checked.online !== device.online) {
        device.connStateTs = checked.connStateTs ?? this.now();
      }
      Object.assign(device, checked);
      return device;
    }
    throw new Error(`no device ${mac}`);
  }

  // ---- live view: per-camera stream settings and faults ----

  /** The first device with this MAC in any account. */
  findDevice(mac: string): DeviceSpec | undefined {
    for (const account of this.world.accounts) {
      const device = account.devices.find((d) => d.mac === mac);
      if (device) return device;
    }
    return undefined;
  }

  /** A device's live view settings, defaults filled in and run-time faults applied. */
  streamSpec(device: DeviceSpec): StreamSpec {
    const spec = device.stream ?? streamSpecSchema.parse({});
    return { ...spec, faults: this.liveFaults.get(device.mac) ?? spec.faults };
  }

  /** Replaces a camera's live faults until the emulator stops. */
  setLiveFaults(mac: string, faults: unknown): LiveFaults {
    if (!this.findDevice(mac)) throw new Error(`no device ${mac}`);
    const parsed = liveFaultsSchema.parse(faults);
    this.liveFaults.set(mac, parsed);
    return parsed;
  }

  setFaults(faults: unknown): FaultSpec[] {
    const parsed = faultSchema.array().parse(faults);
    this.faults.replace(parsed);
    return parsed;
  }
}
