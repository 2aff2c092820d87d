import { setTimeout as sleepFor } from 'node:timers/promises';
import type { MfaMethod, WyzeAccount, WyzeDevice } from '../../common/device';
import { createLogger } from '../logging/logger';
import type { Logger } from '../logging/logger';
import type { BaseUrls } from './config';
import { WyzeError, appFailure, authFailure, wyzeError } from './errors';
import { hashPassword } from './hash';
import { jwtExpiry } from './jwt';
import { normaliseDeviceInfo, normaliseDeviceList, normaliseLegacyDevice } from './normalise';
import type { DeviceList } from './normalise';
import { RateLimitTracker } from './ratelimit';
import type { RateLimitStatus } from './ratelimit';
import {
  authErrorSchema,
  deviceInfoSchema,
  envelopeSchema,
  legacyListSchema,
  loginResponseSchema,
  objectListSchema,
  propertyListSchema,
  sendCodeResponseSchema,
  tokenPairSchema,
  userInfoSchema,
} from './schemas';
import type { LoginResponse, Property } from './schemas';
import { createTransport } from './transport';
import type { HttpResponse } from './transport';
import type { z } from 'zod';

export interface WyzeCredentials {
  email: string;
  password: string;
  keyId: string;
  apiKey: string;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/** What the user is asked to choose from; the session ids behind it stay in the client. */
export interface MfaChallenge {
  methods: MfaMethod[];
  preferred: MfaMethod | null;
  /** The last digits of the phone number codes go to, e.g. "•••• 0142". */
  phoneHint: string | null;
}

export type SignInOutcome = { kind: 'signedIn' } | { kind: 'mfaRequired'; challenge: MfaChallenge };

export interface WyzeClientOptions {
  baseUrls: BaseUrls;
  /** A UUIDv4 made once per installation and kept (Part A, common params). */
  phoneId: string;
  /** Our version, sent in an honest User-Agent. */
  appVersion: string;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  logger?: Logger;
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  maxResponseBytes?: number;
  rateLimitThreshold?: number;
  /** Refresh a JWT access token this long before its exp. */
  refreshAheadMs?: number;
  /** Receives every new token pair and is awaited before anything uses it: persist here. */
  onTokens?: (tokens: SessionTokens) => Promise<void> | void;
  /** Called once when Wyze refuses the refresh token and a new sign-in is needed. */
  onSessionExpired?: () => void;
}

/** Android-app style common params (§3.3, §5.1), used consistently for every call. */
const APP_NAME = 'com.hualai';
const APP_VERSION = '3.9.0.739';
const SC = 'a626948714654991afd3c0dbd7cdb901';
const SV = {
  refresh: 'd91914dd28b7492ab9dd17f7707d35a3',
  userInfo: '6e054e04b7144c90af3b1281b6533492',
  objectList: 'c417b62d72ee44bf933054bdca183e77',
  deviceInfo: '81d1abc794ba45a39fdd21233d621e84',
  propertyList: '1df2807c63254e16a06213323fe8dec8',
  // Only the 2018 iOS capture shows the legacy list; the server does not check sv (§5.1).
  legacyList: '01463873df804629b15694df13126d31',
} as const;

const MFA_TYPES: Record<MfaMethod, string> = {
  totp: 'TotpVerificationCode',
  sms: 'PrimaryPhone',
  email: 'Email',
};

interface PendingMfa {
  email: string;
  passwordHash: string;
  keyId: string;
  apiKey: string;
  userId: string;
  methods: MfaMethod[];
  totpAppId: string | null;
  smsSessionId: string | null;
  emailSessionId: string | null;
  /** verification_id for a sent text or e-mail code. */
  sent: Partial<Record<'sms' | 'email', string>>;
}

const MAX_ID = 128;
const idArg = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || !value.trim() || value.length > MAX_ID) {
    throw new WyzeError('INVALID_ARGUMENT', `The ${what} is missing or not valid.`);
  }
  return value.trim();
};

/**
 * The Wyze cloud client: sign-in with API key and MFA, tokens with single-flight refresh, and
 * the account's devices. No Electron here: it runs in plain Node against the emulator.
 */
export function createWyzeClient(options: WyzeClientOptions) {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? createLogger({ level: 'warn' });
  const rateLimits = new RateLimitTracker(options.rateLimitThreshold ?? 10);
  const refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;
  const transport = createTransport({
    fetch: options.fetch ?? globalThis.fetch,
    now,
    sleep: options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal })),
    random: options.random ?? Math.random,
    logger,
    rateLimits,
    userAgent: `wyzecam-desktop/${options.appVersion}`,
    attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
    deadlineMs: options.deadlineMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? 20 * 1024 * 1024,
    maxAttempts: 4,
  });

  let tokens: SessionTokens | null = null;
  let pending: PendingMfa | null = null;
  let refreshing: Promise<string> | null = null;
  /** Set when Wyze refused the refresh token, until the next sign-in or sign-out. */
  let sessionEnded = false;
  /** Bumped on sign-out so late answers from before it are dropped. */
  let epoch = 0;
  let lifecycle = new AbortController();

  const authUrl = (path: string): string => `${options.baseUrls.auth}${path}`;
  const apiUrl = (path: string): string => `${options.baseUrls.api}${path}`;

  function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw wyzeError('UNEXPECTED_RESPONSE', {
        detail: `${what}: ${parsed.error.issues[0]?.message}`,
      });
    }
    return parsed.data;
  }

  async function adoptTokens(pair: SessionTokens, at: number): Promise<void> {
    if (at !== epoch) throw wyzeError('CANCELLED');
    logger.addSecret(pair.accessToken);
    logger.addSecret(pair.refreshToken);
    await options.onTokens?.(pair);
    if (at !== epoch) throw wyzeError('CANCELLED');
    tokens = pair;
    sessionEnded = false;
  }

  // ---------------------------------------------------------------- auth host

  async function authPost(
    path: string,
    body: unknown,
    creds: { keyId: string; apiKey: string },
  ): Promise<HttpResponse> {
    return transport.send({
      host: 'auth',
      url: authUrl(path),
      path: path.split('?')[0] ?? path,
      headers: { keyid: creds.keyId, apikey: creds.apiKey },
      body,
      idempotent: false,
      essential: true,
      signal: lifecycle.signal,
    });
  }

  function authResult(res: HttpResponse, mfaStep: boolean): LoginResponse {
    if (res.status === 400) {
      const err = authErrorSchema.safeParse(res.json);
      if (!err.success)
        throw wyzeError('UNEXPECTED_RESPONSE', { detail: 'HTTP 400 without description' });
      throw authFailure(logger.scrub(err.data.description), mfaStep);
    }
    if (res.status !== 200)
      throw wyzeError('UNEXPECTED_RESPONSE', { detail: `HTTP ${res.status}` });
    return parse(loginResponseSchema, res.json, 'login');
  }

  function methodsOf(options: string[]): MfaMethod[] {
    return (Object.keys(MFA_TYPES) as MfaMethod[]).filter((m) => options.includes(MFA_TYPES[m]));
  }

  async function signIn(creds: WyzeCredentials): Promise<SignInOutcome> {
    const email = typeof creds.email === 'string' ? creds.email.trim() : '';
    const password = typeof creds.password === 'string' ? creds.password : '';
    const keyId = typeof creds.keyId === 'string' ? creds.keyId.trim() : '';
    const apiKey = typeof creds.apiKey === 'string' ? creds.apiKey.trim() : '';
    if (!email || !password) {
      throw new WyzeError(
        'INVALID_ARGUMENT',
        'Enter the e-mail and password of your Wyze account.',
      );
    }
    if (!keyId || !apiKey) throw wyzeError('MISSING_API_KEY');
    const passwordHash = hashPassword(password);
    for (const secret of [password, passwordHash, keyId, apiKey]) logger.addSecret(secret);
    const at = epoch;
    pending = null;
    const res = await authPost(
      '/api/user/login',
      { email, password: passwordHash, nonce: String(now()) },
      { keyId, apiKey },
    );
    const body = authResult(res, false);
    if (body.access_token && body.refresh_token) {
      await adoptTokens({ accessToken: body.access_token, refreshToken: body.refresh_token }, at);
      logger.info('signed in');
      return { kind: 'signedIn' };
    }
    const methods = methodsOf(body.mfa_options ?? []);
    if (!body.mfa_options?.length || !body.user_id) {
      throw wyzeError('UNEXPECTED_RESPONSE', { detail: 'login without tokens or MFA options' });
    }
    if (methods.length === 0) throw wyzeError('MFA_METHOD_UNAVAILABLE');
    const details = body.mfa_details;
    pending = {
      email,
      passwordHash,
      keyId,
      apiKey,
      userId: body.user_id,
      methods,
      totpAppId: details?.totp_apps?.[0]?.app_id ?? null,
      smsSessionId: body.sms_session_id ?? null,
      emailSessionId: body.email_session_id ?? null,
      sent: {},
    };
    const primary = methodsOf(details?.primary_option ? [details.primary_option] : [])[0];
    const number = details?.phone_numbers?.primary_phone?.number ?? '';
    logger.info('sign-in needs a second step', { methods });
    return {
      kind: 'mfaRequired',
      challenge: {
        methods,
        preferred: primary ?? methods[0] ?? null,
        phoneHint: number.length >= 2 ? `•••• ${number.slice(-4)}` : null,
      },
    };
  }

  function pendingFor(method: MfaMethod): PendingMfa {
    if (!pending)
      throw new WyzeError(
        'NOT_SIGNED_IN',
        'Start signing in again: the verification step has ended.',
      );
    if (!pending.methods.includes(method)) throw wyzeError('MFA_METHOD_UNAVAILABLE');
    return pending;
  }

  /** Asks Wyze to text or e-mail a code (again); each call replaces the previous code. */
  async function sendMfaCode(method: 'sms' | 'email'): Promise<void> {
    const p = pendingFor(method);
    const session = method === 'sms' ? p.smsSessionId : p.emailSessionId;
    if (!session) throw wyzeError('MFA_METHOD_UNAVAILABLE');
    const query =
      method === 'sms'
        ? `/user/login/sendSmsCode?mfaPhoneType=Primary&sessionId=${encodeURIComponent(session)}&userId=${encodeURIComponent(p.userId)}`
        : `/v2/user/login/sendEmailCode?userId=${encodeURIComponent(p.userId)}&sessionId=${encodeURIComponent(session)}`;
    const res = await authPost(query, {}, p);
    if (res.status !== 200) authResult(res, false);
    p.sent[method] = parse(sendCodeResponseSchema, res.json, 'send code').session_id;
  }

  /** Completes an MFA sign-in with the code from an authenticator app, a text or an e-mail. */
  async function verifyMfa(method: MfaMethod, code: string): Promise<void> {
    const p = pendingFor(method);
    const digits = typeof code === 'string' ? code.replace(/[\s-]/g, '') : '';
    if (!/^\d{4,10}$/.test(digits)) {
      throw new WyzeError('MFA_CODE_INVALID', 'Enter the numeric code: usually six digits.');
    }
    const verificationId = method === 'totp' ? p.totpAppId : (p.sent[method] ?? null);
    if (!verificationId) {
      throw new WyzeError('MFA_CODE_INVALID', 'Ask Wyze to send a code first, then enter it here.');
    }
    const at = epoch;
    const res = await authPost(
      '/user/login',
      {
        email: p.email,
        password: p.passwordHash,
        mfa_type: MFA_TYPES[method],
        verification_id: verificationId,
        verification_code: digits,
      },
      p,
    );
    const body = authResult(res, true);
    if (!body.access_token || !body.refresh_token) {
      throw wyzeError('UNEXPECTED_RESPONSE', { detail: 'MFA step without tokens' });
    }
    await adoptTokens({ accessToken: body.access_token, refreshToken: body.refresh_token }, at);
    pending = null;
    logger.info('signed in with a second step', { method });
  }

  // ---------------------------------------------------------------- app host

  function commonParams(accessToken: string, sv: string): Record<string, unknown> {
    return {
      access_token: accessToken,
      phone_id: options.phoneId,
      app_name: APP_NAME,
      app_ver: `${APP_NAME}___${APP_VERSION}`,
      app_version: APP_VERSION,
      phone_system_type: '2',
      sc: SC,
      sv,
      ts: now(),
    };
  }

  async function appPost(
    path: string,
    body: Record<string, unknown>,
    kind: { idempotent: boolean; essential: boolean },
  ): Promise<{ code: string; msg: string; data: unknown }> {
    const res = await transport.send({
      host: 'app',
      url: apiUrl(path),
      path,
      body,
      signal: lifecycle.signal,
      ...kind,
    });
    // One 2021 report has an expired token answered with HTTP 401 (§10.4): treat it as 2001.
    if (res.status === 401) return { code: '2001', msg: 'HTTP 401', data: undefined };
    if (res.status !== 200)
      throw wyzeError('UNEXPECTED_RESPONSE', { detail: `HTTP ${res.status}` });
    const envelope = parse(envelopeSchema, res.json, path);
    return { code: envelope.code, msg: envelope.msg ?? '', data: envelope.data };
  }

  function failed(code: string, msg: string): WyzeError {
    const error = appFailure(code, logger.scrub(msg), now());
    if (error.code === 'RATE_LIMITED' && error.retryAt) rateLimits.exhausted('app', error.retryAt);
    return error;
  }

  function expireSession(at: number): void {
    if (at !== epoch || tokens === null) return;
    tokens = null;
    sessionEnded = true;
    logger.warn('Wyze refused the refresh token; a new sign-in is needed');
    options.onSessionExpired?.();
  }

  /** Exchanges the refresh token once, however many callers meet an expired token together. */
  const signedOutError = (): WyzeError =>
    wyzeError(sessionEnded ? 'SESSION_EXPIRED' : 'NOT_SIGNED_IN');

  function refreshAfter(staleAccessToken: string): Promise<string> {
    if (!tokens) return Promise.reject(signedOutError());
    if (tokens.accessToken !== staleAccessToken) return Promise.resolve(tokens.accessToken);
    if (refreshing) return refreshing;
    const at = epoch;
    const current = tokens;
    refreshing = (async () => {
      const res = await appPost(
        '/app/user/refresh_token',
        { ...commonParams(current.accessToken, SV.refresh), refresh_token: current.refreshToken },
        { idempotent: false, essential: true },
      );
      if (res.code === '2002' || res.code === '2001' || res.code === '1001') {
        expireSession(at);
        throw wyzeError('SESSION_EXPIRED');
      }
      if (res.code !== '1') throw failed(res.code, res.msg);
      const pair = parse(tokenPairSchema, res.data, 'refresh');
      await adoptTokens({ accessToken: pair.access_token, refreshToken: pair.refresh_token }, at);
      logger.info('tokens refreshed');
      return pair.access_token;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** The access token to use now, refreshed ahead of time when a JWT is about to expire. */
  async function accessToken(): Promise<string> {
    if (refreshing) return refreshing;
    if (!tokens) throw signedOutError();
    const token = tokens.accessToken;
    const exp = jwtExpiry(token);
    if (exp === null || exp - now() > refreshAheadMs) return token;
    try {
      return await refreshAfter(token);
    } catch (err) {
      // A failed early refresh is harmless while the token still works.
      if (err instanceof WyzeError && err.code !== 'SESSION_EXPIRED' && exp > now()) return token;
      throw err;
    }
  }

  /** An authenticated read: refreshes once on 2001 and repeats the call with the new token. */
  async function read<T>(
    path: string,
    sv: string,
    extra: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    let token = await accessToken();
    for (let tries = 0; ; tries++) {
      const res = await appPost(
        path,
        { ...commonParams(token, sv), ...extra },
        { idempotent: true, essential: false },
      );
      if (res.code === '1') return parse(schema, res.data, path);
      if (res.code !== '2001' || tries >= 1) {
        if (res.code === '2001') expireSession(epoch);
        throw failed(res.code, res.msg);
      }
      token = await refreshAfter(token);
    }
  }

  async function getAccount(): Promise<WyzeAccount> {
    const info = await read('/app/user/get_user_info', SV.userInfo, {}, userInfoSchema);
    return {
      email: info.email ?? null,
      nickname: info.nickname ?? null,
      userId: info.open_user_id ?? null,
    };
  }

  async function listDevices(): Promise<DeviceList> {
    const data = await read(
      '/app/v2/home_page/get_object_list',
      SV.objectList,
      {},
      objectListSchema,
    );
    return normaliseDeviceList(data.device_list);
  }

  async function listDevicesLegacy(): Promise<DeviceList> {
    const data = await read('/app/device/get_device_list', SV.legacyList, {}, legacyListSchema);
    return normaliseDeviceList(data.device_info_list, normaliseLegacyDevice);
  }

  async function getDeviceInfo(mac: string, model: string): Promise<WyzeDevice> {
    const extra = {
      device_mac: idArg(mac, 'device MAC'),
      device_model: idArg(model, 'device model'),
    };
    const data = await read(
      '/app/v2/device/get_device_Info',
      SV.deviceInfo,
      extra,
      deviceInfoSchema,
    );
    const device = normaliseDeviceInfo(data);
    if (!device) throw wyzeError('UNEXPECTED_RESPONSE', { detail: 'device info without a MAC' });
    return device;
  }

  async function getPropertyList(
    mac: string,
    model: string,
    pids: string[] = [],
  ): Promise<Property[]> {
    if (!Array.isArray(pids) || pids.some((p) => typeof p !== 'string' || p.length > 16)) {
      throw new WyzeError('INVALID_ARGUMENT', 'The property list request is not valid.');
    }
    const extra = {
      device_mac: idArg(mac, 'device MAC'),
      device_model: idArg(model, 'device model'),
      target_pid_list: pids,
    };
    const data = await read(
      '/app/v2/device/get_property_list',
      SV.propertyList,
      extra,
      propertyListSchema,
    );
    return data.property_list;
  }

  /** Forgets the session in memory and cancels everything in flight (sign-out and quit). */
  function signOut(): void {
    epoch++;
    lifecycle.abort();
    lifecycle = new AbortController();
    tokens = null;
    pending = null;
    refreshing = null;
    sessionEnded = false;
    logger.forgetSecrets();
  }

  /** Resumes a session from stored tokens (e.g. the keychain at launch). */
  function restore(stored: SessionTokens): void {
    signOut();
    logger.addSecret(stored.accessToken);
    logger.addSecret(stored.refreshToken);
    tokens = { ...stored };
  }

  return {
    signIn,
    sendMfaCode,
    verifyMfa,
    restore,
    signOut,
    refreshSession: () =>
      tokens
        ? refreshAfter(tokens.accessToken).then(() => undefined)
        : Promise.reject(wyzeError('NOT_SIGNED_IN')),
    isSignedIn: () => tokens !== null,
    getAccount,
    listDevices,
    listDevicesLegacy,
    getDeviceInfo,
    getPropertyList,
    rateLimitStatus: (): RateLimitStatus[] => [
      rateLimits.status('auth', now()),
      rateLimits.status('app', now()),
    ],
  };
}

export type WyzeClient = ReturnType<typeof createWyzeClient>;
