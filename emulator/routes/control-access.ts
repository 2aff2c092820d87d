import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ControlReply } from './control';

/** The header that carries the control API's per-run secret. */
export const CONTROL_TOKEN_HEADER = 'x-emulator-token';

/** What a control request must match: the one address the emulator listens on, and its secret. */
export interface ControlAccess {
  /** e.g. "127.0.0.1:41234": the only Host a control request may name. */
  host: string;
  /** e.g. "http://127.0.0.1:41234": the only Origin a control request may come from. */
  origin: string;
  token: string;
}

/** A fresh, unguessable secret for one run of the emulator. */
export function newControlToken(): string {
  return randomBytes(32).toString('base64url');
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const refuse = (status: number, error: string): ControlReply => ({ status, body: { error } });

/**
 * Why a control request is refused, or null to let it through. Browsers let any page send
 * requests to loopback, so the control API trusts nothing a page can forge (emulator/README.md,
 * "Control endpoint"):
 *  - Host must be the address the emulator listens on (a DNS-rebound name is refused, 421);
 *  - Origin, when present, must be the emulator's own (a page on another port is refused, 403);
 *  - the per-run secret must come in `x-emulator-token` (a page cannot know it; sending the
 *    header cross-origin needs a CORS preflight the emulator never grants), 403;
 *  - a POST must be `application/json` (no "simple" form or text/plain request), 415.
 */
export function refuseControl(
  method: string,
  headers: IncomingHttpHeaders,
  access: ControlAccess,
): ControlReply | null {
  if (single(headers, 'host')?.toLowerCase() !== access.host) {
    return refuse(421, `the control API answers only requests for ${access.host}`);
  }
  const origin = single(headers, 'origin');
  if (origin !== undefined && origin !== access.origin) {
    return refuse(403, 'the control API refuses requests from web pages');
  }
  const token = single(headers, CONTROL_TOKEN_HEADER);
  if (token === undefined || !sameSecret(token, access.token)) {
    return refuse(403, `the control API needs this run's secret in ${CONTROL_TOKEN_HEADER}`);
  }
  if (method === 'POST') {
    const mediaType = single(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return refuse(415, 'control requests are application/json');
    }
  }
  return null;
}
