import { z } from 'zod';
import { MAX_SIGNALLING_TEXT } from '../../common/live';
import type { LiveCandidate } from '../../common/live';

/**
 * The Kinesis Video viewer protocol's text frames (docs/protocol.md, "Live view"): what main
 * sends for the page, and what it makes of what the service sends. Every inbound frame is
 * untrusted: checked here, never able to throw.
 */

/** The longest inbound frame read at all; the socket refuses larger ones before they are read. */
export const MAX_FRAME_CHARS = 32 * 1024;
/** A base64 payload that decodes to at most MAX_SIGNALLING_TEXT bytes. */
const MAX_PAYLOAD_BASE64 = Math.ceil(MAX_SIGNALLING_TEXT / 3) * 4;

const toBase64 = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

/** The frame that sends the page's SDP offer to the camera (the master). */
export function offerFrame(sdp: string): string {
  return JSON.stringify({
    action: 'SDP_OFFER',
    recipientClientId: 'MASTER',
    messagePayload: toBase64({ type: 'offer', sdp }),
  });
}

/** The frame that sends one of the page's ICE candidates to the camera. */
export function candidateFrame(candidate: LiveCandidate): string {
  return JSON.stringify({
    action: 'ICE_CANDIDATE',
    recipientClientId: 'MASTER',
    messagePayload: toBase64({
      candidate: candidate.candidate,
      sdpMid: candidate.sdpMid,
      sdpMLineIndex: candidate.sdpMLineIndex,
    }),
  });
}

/** What an inbound frame means. */
export type Inbound =
  | { kind: 'answer'; sdp: string }
  | { kind: 'candidate'; candidate: LiveCandidate }
  | { kind: 'go-away' }
  | { kind: 'reconnect-ice-server' }
  | { kind: 'status'; statusCode: string; errorType: string; description: string }
  /** An empty frame, or a message type this app does not act on. */
  | { kind: 'ignored' }
  /** A frame that is not what the protocol says; `why` is for the log. */
  | { kind: 'invalid'; why: string };

const shortText = z.string().max(256);
const frameSchema = z.object({
  senderClientId: shortText.nullable().optional(),
  messageType: z.string().max(64),
  messagePayload: z.string().max(MAX_PAYLOAD_BASE64).nullable().optional(),
  statusResponse: z
    .object({
      correlationId: shortText.nullable().optional(),
      errorType: shortText.nullable().optional(),
      statusCode: z.union([shortText, z.number()]).nullable().optional(),
      description: z.string().max(1024).nullable().optional(),
    })
    .nullable()
    .optional(),
});

const answerSchema = z.object({
  type: z.literal('answer').optional(),
  sdp: z.string().min(1).max(MAX_SIGNALLING_TEXT),
});

const candidateSchema = z.object({
  candidate: z.string().max(MAX_SIGNALLING_TEXT),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The JSON inside a base64 payload, or undefined when it is not base64 of JSON. */
function decodePayload(payload: string | null | undefined): unknown {
  if (!payload || !/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) return undefined;
  return parseJson(Buffer.from(payload, 'base64').toString('utf8'));
}

/** Reads one inbound text frame; whatever it holds, answers an `Inbound` and never throws. */
export function readFrame(text: string): Inbound {
  if (text.trim() === '') return { kind: 'ignored' };
  if (text.length > MAX_FRAME_CHARS) return { kind: 'invalid', why: 'frame too long' };
  const frame = frameSchema.safeParse(parseJson(text));
  if (!frame.success) return { kind: 'invalid', why: 'not a signalling message' };
  const { messageType, messagePayload, statusResponse } = frame.data;
  switch (messageType) {
    case 'SDP_ANSWER': {
      const answer = answerSchema.safeParse(decodePayload(messagePayload));
      return answer.success
        ? { kind: 'answer', sdp: answer.data.sdp }
        : { kind: 'invalid', why: 'SDP_ANSWER payload' };
    }
    case 'ICE_CANDIDATE': {
      const c = candidateSchema.safeParse(decodePayload(messagePayload));
      if (!c.success) return { kind: 'invalid', why: 'ICE_CANDIDATE payload' };
      return {
        kind: 'candidate',
        candidate: {
          candidate: c.data.candidate,
          sdpMid: c.data.sdpMid ?? null,
          sdpMLineIndex: c.data.sdpMLineIndex ?? null,
        },
      };
    }
    case 'GO_AWAY':
      return { kind: 'go-away' };
    case 'RECONNECT_ICE_SERVER':
      return { kind: 'reconnect-ice-server' };
    case 'STATUS_RESPONSE':
      return {
        kind: 'status',
        statusCode: String(statusResponse?.statusCode ?? ''),
        errorType: statusResponse?.errorType ?? '',
        description: statusResponse?.description ?? '',
      };
    default:
      return { kind: 'ignored' };
  }
}
