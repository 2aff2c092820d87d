/**
 * Every failure the app can report, as a closed set of codes. The plain-language messages live
 * with the code that decides them (main/wyze/errors.ts); the renderer switches on these codes.
 */
export const ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'INVALID_API_KEY',
  'MISSING_API_KEY',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'MFA_CODE_INVALID',
  'MFA_METHOD_UNAVAILABLE',
  'SESSION_EXPIRED',
  'TOKEN_REFUSED',
  'NOT_SIGNED_IN',
  'PARAMETER_ERROR',
  'DEVICE_OFFLINE',
  'BLOCKED',
  'NETWORK',
  'TIMEOUT',
  'SERVER_ERROR',
  'RESPONSE_TOO_LARGE',
  'UNEXPECTED_RESPONSE',
  'UNKNOWN_CODE',
  'CANCELLED',
  'INVALID_BASE_URL',
  'INVALID_ARGUMENT',
  'KEYCHAIN_UNAVAILABLE',
  'PRIVACY_MODE',
  'LIVE_NOT_SUPPORTED',
  'LIVE_REFUSED',
  'LIVE_LIMIT',
  'LIVE_SESSION_UNKNOWN',
  'SIGNALLING_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
