import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * What the signalling socket does wrong for one camera (emulator/README.md, "Live view"); all
 * off by default. Set in the world or at run time through the control API.
 */
export const liveFaultsSchema = z
  .object({
    /** Close the signalling socket abruptly (no close frame) this many seconds after it opens. */
    dropAfterSeconds: z.number().positive().optional(),
    /** Send GO_AWAY, then close, this many seconds after the socket opens. */
    goAwayAfterSeconds: z.number().positive().optional(),
    /** Send RECONNECT_ICE_SERVER (the ICE servers' credentials ran out) this many seconds in. */
    reconnectIceServerAfterSeconds: z.number().positive().optional(),
    /** Take offers and never answer them. */
    neverAnswer: z.boolean().default(false),
    /** Answer offers with a STATUS_RESPONSE error instead of an SDP answer. */
    statusError: z.boolean().default(false),
    /** get_streams for this camera answers this style-A error instead of a stream. */
    refuse: z
      .object({ code: z.string().min(1), msg: z.string().default('') })
      .strict()
      .optional(),
  })
  .strict();

export type LiveFaults = z.infer<typeof liveFaultsSchema>;

/**
 * How a camera answers get_streams and what it streams (emulator/README.md, "Live view"):
 * - `kvs`: a signed signalling URL on the emulator and an emulated camera behind it;
 * - `wyze-mars`: a URL on Wyze's own signalling host, whose protocol is not public (not supported);
 * - `tutk`: the old peer-to-peer provider's parameters instead of WebRTC (not supported).
 */
export const streamSpecSchema = z
  .object({
    kind: z.enum(['kvs', 'wyze-mars', 'tutk']).default('kvs'),
    /** Picture size: whole 16×16 macroblocks, as the H.264 encoder needs. */
    width: z.number().int().min(16).max(1920).multipleOf(16).default(320),
    height: z.number().int().min(16).max(1088).multipleOf(16).default(240),
    fps: z.number().int().min(1).max(30).default(10),
    /** List the signalling URL with every `%` encoded again as `%25`, as LD_CFP bootstraps do. */
    doubleEncodedUrl: z.boolean().default(false),
    /** When the camera is offline: answer code "3019" or an item with iot-state 0. */
    offlineAnswer: z.enum(['code3019', 'iotState']).default('iotState'),
    faults: liveFaultsSchema.default({ neverAnswer: false, statusError: false }),
  })
  .strict();

export type StreamSpec = z.infer<typeof streamSpecSchema>;

/** A device as a world file describes it; devices.ts renders it in the cloud's exact shapes. */
export const deviceSpecSchema = z
  .object({
    mac: z.string().min(1),
    nickname: z.string(),
    model: z.string().min(1),
    productType: z.string().min(1).default('Camera'),
    firmware: z.string().default('4.36.11.7095'),
    hardware: z.string().default('0.0.0.0'),
    online: z.boolean().default(true),
    /** Epoch ms of the last online/offline change. */
    connStateTs: z.number().int().nonnegative().default(1_764_000_000_000),
    /** false = privacy mode. */
    powerOn: z.boolean().default(true),
    /** LAN IP; null for models that report none (GW_*). */
    ip: z.string().nullable().default(null),
    publicIp: z.string().nullable().default(null),
    ssid: z.string().nullable().default(null),
    battery: z.number().int().min(0).max(100).nullable().default(null),
    parentMac: z.string().default(''),
    /** E-mail of the owning account when the device is shared with this one. */
    sharedBy: z.string().nullable().default(null),
    timezone: z.string().default('America/New_York'),
    gmtOffset: z.number().default(-5),
    /**
     * The latest picture: `ts` when it was taken; `url` as the cloud would list it, or absent to
     * have the emulator serve a picture of its own at a pre-signed-looking loopback URL.
     */
    thumbnail: z
      .object({ url: z.string().optional(), ts: z.number().int() })
      .strict()
      .nullable()
      .default(null),
    /** Extra device_params (plugs, sensors …), merged after the camera defaults. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Raw top-level fields merged over the rendered record: lets a world carry odd data. */
    raw: z.record(z.string(), z.unknown()).default({}),
    /** Top-level keys removed from the rendered record (e.g. "device_params"). */
    omit: z.array(z.string()).default([]),
    /** Live view settings (cameras only); defaults when absent. */
    stream: streamSpecSchema.optional(),
  })
  .strict();

export type DeviceSpec = z.infer<typeof deviceSpecSchema>;

const mfaSchema = z
  .object({
    totp: z
      .object({ secret: z.string().min(16), appId: z.string().min(1) })
      .strict()
      .optional(),
    phone: z.object({ countryCode: z.string(), number: z.string() }).strict().optional(),
    email: z.boolean().default(false),
    primaryOption: z.string().optional(),
  })
  .strict()
  .refine((m) => m.totp || m.phone || m.email, 'an MFA block needs at least one method');

export const accountSchema = z
  .object({
    email: z.string().min(3),
    /** null for accounts created with Google/Apple sign-in: they have no Wyze password. */
    password: z.string().nullable(),
    signInProvider: z.enum(['wyze', 'google', 'apple']).default('wyze'),
    keyId: z.string().min(1),
    apiKey: z.string().min(1),
    userId: z.string().regex(/^[0-9a-f]{32}$/, 'userId is 32 lowercase hex digits'),
    nickname: z.string().default(''),
    openUserId: z.string().default(''),
    userCenterId: z.string().default(''),
    mfa: mfaSchema.nullable().default(null),
    devices: z.array(deviceSpecSchema).default([]),
    groups: z
      .array(
        z
          .object({
            id: z.number().int(),
            typeId: z.number().int(),
            name: z.string(),
            macs: z.array(z.string()),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type AccountSpec = z.infer<typeof accountSchema>;

export const faultSchema = z
  .object({
    kind: z.enum([
      'latency',
      'status',
      'hang',
      'malformed',
      'truncated',
      'trickle',
      'huge',
      'accessTokenError',
      'rateLimit1011',
      'appCode',
      'authError',
    ]),
    /** Request path the fault applies to; every path when absent. */
    path: z.string().optional(),
    /** Matching requests let through before the fault fires. */
    after: z.number().int().nonnegative().default(0),
    /** How many times it fires; forever when absent. */
    times: z.number().int().positive().optional(),
    /** latency: delay; trickle: pause between chunks. */
    ms: z.number().int().nonnegative().default(0),
    /** status: the HTTP status to answer with. */
    status: z.number().int().min(400).max(599).default(503),
    /** huge: body size in bytes. */
    bytes: z
      .number()
      .int()
      .positive()
      .default(32 * 1024 * 1024),
    /** appCode: the business code and msg to answer with (HTTP 200, style A). */
    code: z.string().default('9999'),
    msg: z.string().default(''),
    /** authError: the description of an HTTP 400 from the auth host. */
    description: z.string().default('Unexpected error.'),
  })
  .strict();

export type FaultSpec = z.infer<typeof faultSchema>;

const budgetSchema = z
  .object({
    limit: z.number().int().positive(),
    windowSeconds: z.number().int().positive(),
    whenExhausted: z.enum(['http429', 'code1011']).default('http429'),
  })
  .strict();

export const worldSchema = z
  .object({
    $comment: z.string().optional(),
    name: z.string().min(1),
    tokens: z
      .object({
        accessTtlSeconds: z.number().int().positive().default(172_800),
        refreshTtlSeconds: z.number().int().positive().default(2_592_000),
        style: z.enum(['jwt', 'lvtx']).default('jwt'),
      })
      .strict()
      .default({ accessTtlSeconds: 172_800, refreshTtlSeconds: 2_592_000, style: 'jwt' }),
    rateLimits: z
      .object({
        app: budgetSchema.default({ limit: 300, windowSeconds: 300, whenExhausted: 'http429' }),
        auth: budgetSchema.default({ limit: 20, windowSeconds: 480, whenExhausted: 'http429' }),
      })
      .strict()
      .default({
        app: { limit: 300, windowSeconds: 300, whenExhausted: 'http429' },
        auth: { limit: 20, windowSeconds: 480, whenExhausted: 'http429' },
      }),
    lockout: z
      .object({
        maxFailures: z.number().int().positive().default(5),
        lockSeconds: z
          .number()
          .int()
          .positive()
          .default(3 * 3600),
      })
      .strict()
      .default({ maxFailures: 5, lockSeconds: 3 * 3600 }),
    /** Answer 403 like Wyze's API gateway when a login carries no User-Agent. */
    requireUserAgent: z.boolean().default(true),
    faults: z.array(faultSchema).default([]),
    accounts: z.array(accountSchema).min(1),
  })
  .strict()
  .superRefine((world, ctx) => {
    const emails = new Set<string>();
    world.accounts.forEach((account, i) => {
      const key = account.email.toLowerCase();
      if (emails.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['accounts', i, 'email'],
          message: 'duplicate e-mail',
        });
      }
      emails.add(key);
      const macs = new Set<string>();
      account.devices.forEach((d, j) => {
        if (macs.has(d.mac)) {
          ctx.addIssue({
            code: 'custom',
            path: ['accounts', i, 'devices', j, 'mac'],
            message: `duplicate MAC ${d.mac}`,
          });
        }
        macs.add(d.mac);
      });
    });
  });

export type World = z.infer<typeof worldSchema>;
export type WorldInput = z.input<typeof worldSchema>;

/** Thrown when a world file cannot be used; the message names the file and each problem. */
export class WorldError extends Error {
  override name = 'WorldError';
}

/** Validates a parsed world document, with every problem listed by its JSON path. */
export function parseWorld(input: unknown, source = 'world'): World {
  const parsed = worldSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    throw new WorldError(`${source} is not a valid emulator world:\n${problems}`);
  }
  return parsed.data;
}

/** Reads and validates a world file. */
export function loadWorld(file: string): World {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new WorldError(`cannot read world file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new WorldError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  return parseWorld(json, file);
}
