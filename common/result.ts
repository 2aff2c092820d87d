import type { ErrorCode } from './errors';

/** What a failed operation tells its caller: a stable code and a message a person can act on. */
export interface ErrorDto {
  code: ErrorCode;
  message: string;
  /** Epoch ms when a rate limit or lockout is expected to lift, when the service said so. */
  retryAt?: number;
}

/** The result object every cross-boundary call returns instead of throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDto };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ErrorDto): Result<T> => ({ ok: false, error });
