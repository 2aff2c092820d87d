import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorState } from './state';
import type { FaultSpec } from './world';

/** What a route answers; server.ts serialises it (and applies any body fault). */
export interface Reply {
  status: number;
  /** An object is sent as JSON, a string as it is, null as an empty body. */
  body: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  state: EmulatorState;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  fault: FaultSpec | null;
}

export type Route = (ctx: RequestContext) => Reply;

const traceId = (): string => randomBytes(16).toString('hex');

/**
 * App host success, current style: code, ts, msg, data, traceId (docs/protocol.md,
 * "Error codes").
 */
export const appOk = (ctx: RequestContext, data: unknown): Reply => ({
  status: 200,
  body: { code: '1', ts: ctx.state.now(), msg: 'SUCCESS', data, traceId: traceId() },
});

/**
 * App host business error: still HTTP 200, a string code, 2024+ form without ts
 * (docs/protocol.md, "Error codes").
 */
export const appError = (code: string, msg: string): Reply => ({
  status: 200,
  body: { code, msg, traceId: traceId(), data: {} },
});

/** Auth host success: a flat object, no envelope (docs/protocol.md, "Error codes"). */
export const authOk = (body: Record<string, unknown>): Reply => ({ status: 200, body });

/** Auth host error: HTTP 400, integer errorCode (docs/protocol.md, "Error codes"). */
export const authError = (description: string, errorCode = 1000): Reply => ({
  status: 400,
  body: { description, requestId: randomUUID(), errorCode },
});

/** The body as a plain object; anything else (arrays, strings, bad JSON) is treated as empty. */
export function bodyObject(ctx: RequestContext): Record<string, unknown> {
  const body = ctx.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const header = (ctx: RequestContext, name: string): string => {
  const value = ctx.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};
