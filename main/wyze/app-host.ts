import type { Logger } from '../logging/logger';
import { appFailure, wyzeError } from './errors';
import type { WyzeError } from './errors';
import type { RateLimitTracker } from './ratelimit';
import { envelopeSchema, parseResponse, tokenPairSchema } from './schemas';
import { V4_APP_ID, canonicalJson, signature2 } from './signature';
import type { SessionTokens } from './tokens';
import type { HttpRequest, Transport } from './transport';

/** Android-app style common params, used consistently for every call (docs/protocol.md, "Common parameters"). */
const APP_NAME = 'com.hualai';
const APP_VERSION = '3.9.0.739';
const SC = 'a626948714654991afd3c0dbd7cdb901';
export const SV = {
  refresh: 'd91914dd28b7492ab9dd17f7707d35a3',
  userInfo: '6e054e04b7144c90af3b1281b6533492',
  objectList: 'c417b62d72ee44bf933054bdca183e77',
  deviceInfo: '81d1abc794ba45a39fdd21233d621e84',
  propertyList: '1df2807c63254e16a06213323fe8dec8',
  // Only the 2018 iOS capture shows the legacy list; the server does not check sv.
  legacyList: '01463873df804629b15694df13126d31',
} as const;

export interface Envelope {
  code: string;
  msg: string;
  data: unknown;
}

/** How a call may be sent: retried (reads) or not, and whether a low rate budget holds it back. */
export interface CallKind {
  idempotent: boolean;
  essential: boolean;
}

export interface AppHostOptions {
  transport: Transport;
  /** The app host's base URL (config.ts). */
  baseUrl: string;
  /** The host of signed v4 calls (config.ts); the app host when absent. */
  v4BaseUrl?: string;
  phoneId: string;
  now: () => number;
  logger: Logger;
  rateLimits: RateLimitTracker;
}

/**
 * The app host: its common parameters and its `{code, msg, data}` envelope, which carries
 * business errors inside HTTP 200 (docs/protocol.md, "Error codes").
 */
export function createAppHost(options: AppHostOptions) {
  const { transport, now, logger, rateLimits } = options;

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

  /** POSTs to the app host and returns its envelope, whatever code it carries. */
  function post(
    path: string,
    body: Record<string, unknown>,
    kind: CallKind,
    signal: AbortSignal,
  ): Promise<Envelope> {
    return envelopeOf(path, {
      host: 'app',
      url: `${options.baseUrl}${path}`,
      path,
      body,
      signal,
      ...kind,
    });
  }

  /**
   * POSTs a v4 call signed the way Wyze's Android app signs it: a `nonce` in the body, the body
   * sent exactly as signed (sorted keys, compact), `signature2` and the token in the headers
   * (docs/protocol.md, "Live view"). The same transport, limits and envelope as every other call.
   */
  function postSigned(
    path: string,
    body: Record<string, unknown>,
    accessToken: string,
    kind: CallKind,
    signal: AbortSignal,
  ): Promise<Envelope> {
    const bodyText = canonicalJson({ ...body, nonce: now() });
    return envelopeOf(path, {
      host: 'app',
      url: `${options.v4BaseUrl ?? options.baseUrl}${path}`,
      path,
      body: undefined,
      bodyText,
      headers: {
        access_token: accessToken,
        authorization: accessToken,
        appid: V4_APP_ID,
        appinfo: `wyze_android_${APP_VERSION}`,
        appversion: APP_VERSION,
        phoneid: options.phoneId,
        env: 'prod',
        signature2: signature2(accessToken, bodyText),
      },
      signal,
      ...kind,
    });
  }

  async function envelopeOf(path: string, request: HttpRequest): Promise<Envelope> {
    const res = await transport.send(request);
    // One 2021 report has an expired token answered with HTTP 401: treat it as 2001.
    if (res.status === 401) return { code: '2001', msg: 'HTTP 401', data: undefined };
    if (res.status !== 200)
      throw wyzeError('UNEXPECTED_RESPONSE', { detail: `HTTP ${res.status}` });
    const envelope = parseResponse(envelopeSchema, res.json, path);
    return { code: envelope.code, msg: envelope.msg ?? '', data: envelope.data };
  }

  /** The error for a business code; a rate limit is also recorded so reads hold back. */
  function failed(code: string, msg: string): WyzeError {
    const error = appFailure(code, logger.scrub(msg), now());
    if (error.code === 'RATE_LIMITED' && error.retryAt !== undefined) {
      rateLimits.exhausted('app', error.retryAt, now());
    }
    return error;
  }

  /** The refresh request behind the token keeper's single flight; never retried. */
  async function exchangeTokens(
    current: SessionTokens,
    signal: AbortSignal,
  ): Promise<SessionTokens | 'refused'> {
    const res = await post(
      '/app/user/refresh_token',
      { ...commonParams(current.accessToken, SV.refresh), refresh_token: current.refreshToken },
      { idempotent: false, essential: true },
      signal,
    );
    if (res.code === '2002' || res.code === '2001' || res.code === '1001') return 'refused';
    if (res.code !== '1') throw failed(res.code, res.msg);
    const pair = parseResponse(tokenPairSchema, res.data, 'refresh');
    return { accessToken: pair.access_token, refreshToken: pair.refresh_token };
  }

  return { commonParams, post, postSigned, failed, exchangeTokens };
}

export type AppHost = ReturnType<typeof createAppHost>;
