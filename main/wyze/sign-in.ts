import type { MfaMethod } from '../../common/device';
import type { Logger } from '../logging/logger';
import { WyzeError, authFailure, wyzeError } from './errors';
import { hashPassword } from './hash';
import {
  authErrorSchema,
  loginResponseSchema,
  parseResponse,
  sendCodeResponseSchema,
} from './schemas';
import type { LoginResponse } from './schemas';
import type { TokenKeeper } from './tokens';
import type { HttpResponse, Transport } from './transport';

export interface WyzeCredentials {
  email: string;
  password: string;
  keyId: string;
  apiKey: string;
}

/** What the user is asked to choose from; the session ids behind it stay in the client. */
export interface MfaChallenge {
  methods: MfaMethod[];
  preferred: MfaMethod | null;
  /** The last digits of the phone number codes go to, e.g. "•••• 0142". */
  phoneHint: string | null;
}

export type SignInOutcome = { kind: 'signedIn' } | { kind: 'mfaRequired'; challenge: MfaChallenge };

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

export interface SignInOptions {
  transport: Transport;
  /** The auth host's base URL (config.ts). */
  baseUrl: string;
  now: () => number;
  logger: Logger;
  tokens: TokenKeeper;
}

const methodsOf = (offered: string[]): MfaMethod[] =>
  (Object.keys(MFA_TYPES) as MfaMethod[]).filter((m) => offered.includes(MFA_TYPES[m]));

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Sign-in on the auth host: e-mail, password hash and API key, then (when the account has it)
 * the second step by authenticator, text or e-mail. Logins are never retried
 * (docs/protocol.md, "Sign-in and API keys", "Two-step verification").
 */
export function createSignIn(options: SignInOptions) {
  const { transport, now, logger, tokens } = options;
  let pending: PendingMfa | null = null;

  async function authPost(
    path: string,
    body: unknown,
    creds: { keyId: string; apiKey: string },
  ): Promise<HttpResponse> {
    return transport.send({
      host: 'auth',
      url: `${options.baseUrl}${path}`,
      path: path.split('?')[0] ?? path,
      headers: { keyid: creds.keyId, apikey: creds.apiKey },
      body,
      idempotent: false,
      essential: true,
      signal: tokens.signal(),
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
    return parseResponse(loginResponseSchema, res.json, 'login');
  }

  async function signIn(creds: WyzeCredentials): Promise<SignInOutcome> {
    const email = text(creds.email).trim();
    const password = text(creds.password);
    const keyId = text(creds.keyId).trim();
    const apiKey = text(creds.apiKey).trim();
    if (!email || !password) {
      throw new WyzeError(
        'INVALID_ARGUMENT',
        'Enter the e-mail and password of your Wyze account.',
      );
    }
    if (!keyId || !apiKey) throw wyzeError('MISSING_API_KEY');
    const passwordHash = hashPassword(password);
    for (const secret of [password, passwordHash, keyId, apiKey]) logger.addSecret(secret);
    const at = tokens.epoch();
    pending = null;
    const res = await authPost(
      '/api/user/login',
      { email, password: passwordHash, nonce: String(now()) },
      { keyId, apiKey },
    );
    const body = authResult(res, false);
    if (body.access_token && body.refresh_token) {
      await tokens.adopt({ accessToken: body.access_token, refreshToken: body.refresh_token }, at);
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
    p.sent[method] = parseResponse(sendCodeResponseSchema, res.json, 'send code').session_id;
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
    const at = tokens.epoch();
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
    await tokens.adopt({ accessToken: body.access_token, refreshToken: body.refresh_token }, at);
    pending = null;
    logger.info('signed in with a second step', { method });
  }

  return {
    signIn,
    sendMfaCode,
    verifyMfa,
    /** Drops a second step in progress (sign-out). */
    forget: (): void => {
      pending = null;
    },
  };
}
