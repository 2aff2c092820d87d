import { tripleMd5 } from '../hash';
import { verifyTotp } from '../totp';
import { authError, authOk, bodyObject, header, str } from '../reply';
import type { Reply, RequestContext, Route } from '../reply';
import type { AccountSpec } from '../world';

/** Messages the auth host is seen to send with errorCode 1000 (docs/protocol.md, "Error codes"). */
export const AUTH_MESSAGES = {
  badPassword: 'Invalid User Name or Password.',
  badKey: 'Invalid credentials, please check username, password, keyid or apikey',
  locked: 'Too many failed attempts. Please try again later.',
  // The body of a rejected MFA code is not in any source: this text is ours (docs/protocol.md,
  // "Emulator choices").
  badCode: 'Invalid verification code.',
  badSession: 'Invalid session.',
} as const;

const MFA_TOTP = 'TotpVerificationCode';
const MFA_SMS = 'PrimaryPhone';
const MFA_EMAIL = 'Email';

function mfaOptions(account: AccountSpec): string[] {
  const mfa = account.mfa;
  if (!mfa) return [];
  const options: string[] = [];
  if (mfa.phone) options.push(MFA_SMS);
  if (mfa.totp) options.push(MFA_TOTP);
  if (mfa.email) options.push(MFA_EMAIL);
  return options;
}

function signedIn(ctx: RequestContext, account: AccountSpec): Reply {
  ctx.state.clearFailures(account.email);
  ctx.state.finishMfa(account);
  return authOk({
    ...ctx.state.tokens.issue(account.email, account.userId),
    user_id: account.userId,
    mfa_options: null,
    mfa_details: null,
    sms_session_id: null,
    email_session_id: null,
  });
}

function challenge(ctx: RequestContext, account: AccountSpec): Reply {
  const mfa = account.mfa;
  const pending = ctx.state.startMfa(account);
  const options = mfaOptions(account);
  return authOk({
    access_token: null,
    refresh_token: null,
    user_id: account.userId,
    mfa_options: options,
    mfa_details: {
      totp_apps: mfa?.totp ? [{ app_id: mfa.totp.appId, app_name: 'Authenticator' }] : [],
      phone_numbers: mfa?.phone
        ? { primary_phone: { country_code: mfa.phone.countryCode, number: mfa.phone.number } }
        : {},
      primary_option: mfa?.primaryOption ?? options[0] ?? '',
    },
    sms_session_id: mfa?.phone ? pending.smsSessionId : null,
    email_session_id: mfa?.email ? pending.emailSessionId : null,
  });
}

function verifySecondFactor(
  ctx: RequestContext,
  account: AccountSpec,
  body: Record<string, unknown>,
): boolean {
  const type = str(body.mfa_type);
  const id = str(body.verification_id);
  const code = str(body.verification_code);
  if (!mfaOptions(account).includes(type) || !code) return false;
  if (type === MFA_TOTP) {
    const app = account.mfa?.totp;
    return !!app && id === app.appId && verifyTotp(app.secret, code, ctx.state.now());
  }
  const channel = type === MFA_SMS ? 'sms' : 'email';
  return ctx.state.redeemCode(channel, account.email, id, code);
}

/**
 * `/api/user/login` (E1) and `/user/login` (E2, the MFA second step): the developer-key login
 * and, when the request carries mfa_type and a code, its second step.
 */
export const login: Route = (ctx) => {
  const { state } = ctx;
  if (state.world.requireUserAgent && !header(ctx, 'user-agent')) {
    return {
      status: 403,
      body: { message: 'Forbidden' },
      headers: { 'x-amzn-errortype': 'ForbiddenException' },
    };
  }
  const body = bodyObject(ctx);
  const email = str(body.email);
  if (state.lockedUntil(email)) return authError(AUTH_MESSAGES.locked);

  const keyOwner = state.accountByKey(header(ctx, 'keyid'), header(ctx, 'apikey'));
  const account = state.account(email);
  const fail = (message: string): Reply => {
    state.recordFailure(email);
    return authError(message);
  };
  if (!keyOwner || !account || keyOwner !== account) {
    return fail(account ? AUTH_MESSAGES.badKey : AUTH_MESSAGES.badPassword);
  }
  // Accounts made with Google/Apple sign-in have no Wyze password: nothing can match
  // (docs/protocol.md, "Sign-in and API keys").
  if (account.password === null || str(body.password) !== tripleMd5(account.password)) {
    return fail(AUTH_MESSAGES.badPassword);
  }
  if (!account.mfa) return signedIn(ctx, account);
  if (body.verification_code === undefined && body.mfa_type === undefined) {
    return challenge(ctx, account);
  }
  return verifySecondFactor(ctx, account, body)
    ? signedIn(ctx, account)
    : fail(AUTH_MESSAGES.badCode);
};

function sendCode(channel: 'sms' | 'email'): Route {
  return (ctx) => {
    const userId = ctx.query.get('userId') ?? '';
    const sessionId = ctx.query.get('sessionId') ?? '';
    const message = ctx.state.sendCode(channel, userId, sessionId);
    return message
      ? authOk({ session_id: message.sessionId })
      : authError(AUTH_MESSAGES.badSession);
  };
}

/** `/user/login/sendSmsCode` (E5) and `/v2/user/login/sendEmailCode` (E6). */
export const sendSmsCode = sendCode('sms');
export const sendEmailCode = sendCode('email');
