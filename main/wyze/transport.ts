import type { Logger } from '../logging/logger';
import { WyzeError, incompleteAnswer, wyzeError } from './errors';
import { DEFAULT_SERVER_WAIT_MS, parseResetBy, parseRetryAfter } from './ratelimit';
import type { Host, RateLimitTracker } from './ratelimit';

/**
 * HTTP for the Wyze client: bounded in time and size, retried only where safe, and aware of the
 * rate budget (security S18–S20). Knows nothing of Wyze's envelopes; client.ts reads those.
 */
export interface TransportOptions {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  logger: Logger;
  rateLimits: RateLimitTracker;
  userAgent: string;
  /** Per attempt, ≤10 s by default. */
  attemptTimeoutMs: number;
  /** For a whole call with its retries, ≤30 s by default. */
  deadlineMs: number;
  maxResponseBytes: number;
  maxAttempts: number;
}

export interface HttpRequest {
  host: Host;
  url: string;
  /** For logs: the path without query string. */
  path: string;
  headers?: Record<string, string>;
  body: unknown;
  /** The body already serialised, sent byte for byte instead of `body` (a signed v4 request). */
  bodyText?: string;
  /** Reads may be retried; logins, refreshes and writes never are. */
  idempotent: boolean;
  /** Essential requests (sign-in, refresh) go out even when the budget is low. */
  essential: boolean;
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The parsed body; undefined when it was empty or not JSON. */
  json: unknown;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * The server took the request and closed the connection before its answer was complete:
 * Node's fetch says "other side closed" (UND_ERR_SOCKET), Chromium's net.fetch a length or
 * chunking mismatch. Refused or unreachable connections are not this.
 */
function closedMidAnswer(err: unknown): boolean {
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  if (e?.cause?.code === 'UND_ERR_SOCKET') return true;
  const text = `${String(e?.message ?? '')} ${String(e?.cause?.message ?? '')}`;
  return /other side closed|ERR_CONTENT_LENGTH_MISMATCH|ERR_INCOMPLETE_CHUNKED_ENCODING/.test(text);
}

type Attempt =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'retry'; error: WyzeError; retryAt: number | null };

export function createTransport(opts: TransportOptions) {
  const { logger, rateLimits } = opts;

  async function readCapped(res: Response, signal: AbortSignal): Promise<string> {
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > opts.maxResponseBytes) {
      await res.body?.cancel();
      throw wyzeError('RESPONSE_TOO_LARGE');
    }
    if (!res.body) return '';
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        // Headers arrived, then the body stopped short: unless we aborted it, the answer was cut off.
        if (signal.aborted) throw err;
        throw incompleteAnswer(
          `body cut off: ${(err as { name?: string } | null)?.name ?? 'error'}`,
        );
      }
      const { done, value } = chunk;
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxResponseBytes) {
        await reader.cancel();
        throw wyzeError('RESPONSE_TOO_LARGE');
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  function parseJson(text: string): unknown {
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  function failureOf(
    err: unknown,
    signals: { call: AbortSignal; deadline: AbortSignal },
  ): WyzeError {
    if (err instanceof WyzeError) return err;
    if (signals.call.aborted) return wyzeError('CANCELLED');
    if (signals.deadline.aborted) return wyzeError('TIMEOUT');
    const name = (err as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return wyzeError('TIMEOUT');
    if (closedMidAnswer(err)) return incompleteAnswer(`connection closed: ${name ?? 'error'}`);
    return wyzeError('NETWORK', { detail: name ?? 'fetch failed' });
  }

  async function attempt(
    req: HttpRequest,
    deadline: AbortSignal,
    attemptNo: number,
  ): Promise<Attempt> {
    const started = opts.now();
    const signal = AbortSignal.any([
      req.signal,
      deadline,
      AbortSignal.timeout(opts.attemptTimeoutMs),
    ]);
    try {
      const res = await opts.fetch(req.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': opts.userAgent,
          ...req.headers,
        },
        body: req.bodyText ?? JSON.stringify(req.body),
        signal,
        redirect: 'error',
      });
      // An answer to a request cancelled by sign-out must not set the next session's budget.
      if (req.signal.aborted) throw wyzeError('CANCELLED');
      rateLimits.observe(req.host, res.headers, opts.now());
      const text = await readCapped(res, signal);
      logger.debug('wyze response', {
        path: req.path,
        status: res.status,
        attempt: attemptNo,
        ms: opts.now() - started,
      });
      if (res.status === 429) {
        const now = opts.now();
        const until =
          parseRetryAfter(res.headers.get('retry-after'), now) ??
          parseResetBy(res.headers.get('x-ratelimit-reset-by'), now) ??
          now + DEFAULT_SERVER_WAIT_MS;
        rateLimits.exhausted(req.host, until, now);
        return {
          kind: 'retry',
          error: wyzeError('RATE_LIMITED', { retryAt: until, now, host: req.host }),
          retryAt: until,
        };
      }
      if (RETRYABLE_STATUS.has(res.status)) {
        const code = res.status === 408 ? 'TIMEOUT' : 'SERVER_ERROR';
        const retryAt = parseRetryAfter(res.headers.get('retry-after'), opts.now());
        return { kind: 'retry', error: wyzeError(code, { detail: `HTTP ${res.status}` }), retryAt };
      }
      if (res.status === 403) throw wyzeError('BLOCKED', { detail: 'HTTP 403' });
      return {
        kind: 'response',
        response: { status: res.status, headers: res.headers, json: parseJson(text) },
      };
    } catch (err) {
      const error = failureOf(err, { call: req.signal, deadline });
      logger.debug('wyze request failed', { path: req.path, attempt: attemptNo, code: error.code });
      if (error.code === 'NETWORK' || (error.code === 'TIMEOUT' && !deadline.aborted)) {
        return { kind: 'retry', error, retryAt: null };
      }
      throw error;
    }
  }

  /** Sends a request, retrying idempotent ones with exponential backoff and jitter. */
  async function send(req: HttpRequest): Promise<HttpResponse> {
    if (req.signal.aborted) throw wyzeError('CANCELLED');
    if (!req.essential) {
      const now = opts.now();
      const until = rateLimits.limitedUntil(req.host, now);
      if (until !== null) throw wyzeError('RATE_LIMITED', { retryAt: until, now, host: req.host });
    }
    const deadline = AbortSignal.timeout(opts.deadlineMs);
    const callStart = opts.now();
    const attempts = req.idempotent ? opts.maxAttempts : 1;
    for (let n = 1; ; n++) {
      const result = await attempt(req, deadline, n);
      if (result.kind === 'response') return result.response;
      if (n >= attempts) throw result.error;
      const backoff = Math.min(8_000, 500 * 2 ** (n - 1));
      const jittered = backoff / 2 + opts.random() * (backoff / 2);
      // A server time in the past (or now) still waits the backoff: no immediate hammering.
      const wait =
        result.retryAt === null ? jittered : Math.max(jittered, result.retryAt - opts.now());
      if (opts.now() + wait > callStart + opts.deadlineMs) throw result.error;
      try {
        await opts.sleep(wait, AbortSignal.any([req.signal, deadline]));
      } catch {
        throw req.signal.aborted ? wyzeError('CANCELLED') : result.error;
      }
    }
  }

  return { send };
}

export type Transport = ReturnType<typeof createTransport>;
