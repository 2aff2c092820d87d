import { z } from 'zod';
import { wyzeError } from './errors';

/**
 * Shapes of what the cloud sends, checked before anything is used (security S21). Only fields the
 * app reads are required; extra fields are allowed, as the service adds them over time.
 */

/**
 * Auth host, HTTP 200: tokens, or null tokens and an MFA challenge (docs/protocol.md, "Sign-in
 * and API keys", "Two-step verification").
 */
export const loginResponseSchema = z.object({
  access_token: z.string().min(1).nullable().optional(),
  refresh_token: z.string().min(1).nullable().optional(),
  user_id: z.string().nullable().optional(),
  mfa_options: z.array(z.string()).nullable().optional(),
  mfa_details: z
    .object({
      totp_apps: z
        .array(z.object({ app_id: z.string() }).loose())
        .nullable()
        .optional(),
      phone_numbers: z
        .object({
          primary_phone: z
            .object({ country_code: z.string().optional(), number: z.string().optional() })
            .loose()
            .optional(),
        })
        .loose()
        .nullable()
        .optional(),
      primary_option: z.string().nullable().optional(),
    })
    .loose()
    .nullable()
    .optional(),
  sms_session_id: z.string().nullable().optional(),
  email_session_id: z.string().nullable().optional(),
});

export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Auth host, HTTP 400 (docs/protocol.md, "Error codes"). */
export const authErrorSchema = z.object({
  description: z.string(),
  errorCode: z.union([z.number(), z.string()]).optional(),
});

/** sendSmsCode / sendEmailCode (docs/protocol.md, "Two-step verification"). */
export const sendCodeResponseSchema = z.object({ session_id: z.string().min(1) });

/**
 * App host envelope (docs/protocol.md, "Error codes"); `code` is a string in every trace, a
 * number is tolerated.
 */
export const envelopeSchema = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  msg: z.string().nullable().optional(),
  data: z.unknown().optional(),
});

export const tokenPairSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
});

export const userInfoSchema = z.object({
  email: z.string().nullable().optional(),
  nickname: z.string().nullable().optional(),
  open_user_id: z.string().nullable().optional(),
  user_center_id: z.string().nullable().optional(),
});

/** Device entries are checked one by one in normalise.ts, so one odd device cannot sink the list. */
export const objectListSchema = z.object({ device_list: z.array(z.unknown()) });
export const legacyListSchema = z.object({ device_info_list: z.array(z.unknown()) });
export const deviceInfoSchema = z.record(z.string(), z.unknown());

export const propertyListSchema = z.object({
  property_list: z.array(
    z.object({
      pid: z.string(),
      value: z.union([z.string(), z.number()]).transform(String),
      ts: z.number().nullable().optional(),
    }),
  ),
});

export type Property = z.infer<typeof propertyListSchema>['property_list'][number];

/** A bounded string from the cloud: anything longer is not a value this app can use. */
const capped = (max: number) => z.string().max(max);

/** One ICE server as get_streams lists it (singular `url`; docs/protocol.md, "Live view"). */
const iceServerSchema = z.object({
  url: capped(1024),
  username: capped(1024).nullable().optional(),
  credential: capped(1024).nullable().optional(),
});

/**
 * One camera's answer in get_streams' `data` array: its cloud state (`iot-state`, `iot-power`,
 * 1 or not) and, when it can stream, the signalling URL and ICE servers. Extra fields are allowed;
 * the lists and strings are bounded (security S21).
 */
export const streamItemSchema = z.object({
  device_id: capped(128).nullable().optional(),
  provider: capped(64).nullable().optional(),
  property: z.record(z.string(), z.unknown()).nullable().optional(),
  params: z
    .object({
      signaling_url: capped(16 * 1024)
        .nullable()
        .optional(),
      ice_servers: z.array(iceServerSchema).max(16).nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const streamsSchema = z.array(streamItemSchema).max(64);

export type StreamItem = z.infer<typeof streamItemSchema>;

/**
 * get_event_list's `data` (docs/protocol.md, "Events"): the items are checked one by one in
 * main/events/normalise.ts, so one hostile event is dropped and never sinks the page.
 */
export const eventListSchema = z.object({ event_list: z.array(z.unknown()) });

/** Checks a response against its schema; anything else is UNEXPECTED_RESPONSE, naming `what`. */
export function parseResponse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw wyzeError('UNEXPECTED_RESPONSE', {
      detail: `${what}: ${parsed.error.issues[0]?.message}`,
    });
  }
  return parsed.data;
}
