/**
 * The IPC contract: every channel's argument schema (validated in main before any handler runs)
 * and result type. Both the preload and the main process are typed from this file.
 */
import { z } from 'zod';
import { CHANNELS, EXTERNAL_TARGETS } from './channels';
import type { Channel, EVENTS, MenuCommand } from './channels';
import type { CamerasEvent, CamerasSnapshot } from './camera-delta';
import { EXPORT_FORMATS, MAX_EXPORT_MACS, MAX_EXPORT_MAC_LENGTH } from './export';
import type { ExportResult } from './export';
import type { CameraListView, SessionView } from './view';
import {
  COLUMN_IDS,
  GROUP_BY,
  MAX_FILTER_VALUE_LENGTH,
  MAX_REFRESH_INTERVAL_SEC,
  MAX_SEARCH_LENGTH,
  MIN_REFRESH_INTERVAL_SEC,
  SORT_DIRECTIONS,
  STATUS_FILTERS,
  THEMES,
  VIEW_MODES,
} from './prefs';
import type { ViewPrefs } from './prefs';
import { MAX_LIVE_SESSION_ID_LENGTH, MAX_SIGNALLING_TEXT, MAX_SNAPSHOT_BYTES } from './live';
import type { LiveEvent, LiveSessionStart, SnapshotResult } from './live';
import {
  ACTIVITY_KINDS,
  MAX_ACTIVITY_ID_LENGTH,
  MAX_ACTIVITY_PAGE,
  MAX_MUTED,
  MAX_OFFLINE_AFTER_MIN,
  MIN_OFFLINE_AFTER_MIN,
} from './watch';
import type { ActivityPage, WatchEvent, WatchPrefs, WatchState } from './watch';
import { MAX_EVENT_PAGE } from './camera-events';
import type { EventPage } from './camera-events';

export { CHANNELS, EVENTS, EXTERNAL_TARGETS } from './channels';
export type { Channel, EventChannel, ExternalTarget } from './channels';

const noArgs = z.undefined();

const filterValue = z.string().min(1).max(MAX_FILTER_VALUE_LENGTH).nullable();

/** The camera list's view preferences (common/prefs.ts), as kept in settings and sent over IPC. */
export const viewPrefsSchema = z
  .object({
    search: z.string().max(MAX_SEARCH_LENGTH),
    sort: z.object({ column: z.enum(COLUMN_IDS), direction: z.enum(SORT_DIRECTIONS) }).strict(),
    filters: z
      .object({
        status: z.enum(STATUS_FILTERS).nullable(),
        model: filterValue,
        firmware: filterValue,
        ssid: filterValue,
        sharedWithMe: z.boolean(),
      })
      .strict(),
    groupBy: z.enum(GROUP_BY),
    columns: z
      .array(z.enum(COLUMN_IDS))
      .max(COLUMN_IDS.length)
      .refine((columns) => new Set(columns).size === columns.length, 'a column is listed twice'),
    mode: z.enum(VIEW_MODES),
    theme: z.enum(THEMES),
    refreshIntervalSec: z
      .number()
      .int()
      .min(MIN_REFRESH_INTERVAL_SEC)
      .max(MAX_REFRESH_INTERVAL_SEC),
  })
  .strict() satisfies z.ZodType<ViewPrefs>;

const liveSessionId = z.string().min(1).max(MAX_LIVE_SESSION_ID_LENGTH);
/** A device id as the list has it (main looks the camera up in its own list). */
const liveMac = z.string().min(1).max(MAX_EXPORT_MAC_LENGTH);

/** A trickled ICE candidate from the page (RTCIceCandidateInit, bounded). */
export const liveCandidateSchema = z
  .object({
    candidate: z.string().max(MAX_SIGNALLING_TEXT),
    sdpMid: z.string().max(64).nullable(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
  })
  .strict();

/** A change to some view preferences: each one given replaces that preference whole. */
export const viewPrefsPatchSchema = viewPrefsSchema.partial().strict();

/** The watch preferences (common/watch.ts), as kept in settings and sent over IPC. */
export const watchPrefsSchema = z
  .object({
    notifications: z.boolean(),
    offlineAfterMin: z.number().int().min(MIN_OFFLINE_AFTER_MIN).max(MAX_OFFLINE_AFTER_MIN),
    mutedMacs: z
      .array(liveMac)
      .max(MAX_MUTED)
      .refine((macs) => new Set(macs).size === macs.length, 'a camera is listed twice'),
    keepWatchingWhenClosed: z.boolean().nullable(),
    startAtLogin: z.boolean(),
  })
  .strict() satisfies z.ZodType<WatchPrefs>;

/** A change to some watch preferences: each one given replaces that preference whole. */
export const watchPrefsPatchSchema = watchPrefsSchema.partial().strict();

const activityKinds = z
  .array(z.enum(ACTIVITY_KINDS))
  .max(ACTIVITY_KINDS.length)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'a kind is listed twice');

/** The Activity view's question (common/watch.ts ActivityQuery). */
export const activityQuerySchema = z
  .object({
    mac: liveMac.nullable(),
    kinds: activityKinds,
    before: z.string().min(1).max(MAX_ACTIVITY_ID_LENGTH).nullable(),
    limit: z.number().int().min(1).max(MAX_ACTIVITY_PAGE),
  })
  .strict();

/** Which camera events (common/camera-events.ts EventQuery). */
export const eventQuerySchema = z
  .object({
    mac: liveMac.nullable(),
    before: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    limit: z.number().int().min(1).max(MAX_EVENT_PAGE),
  })
  .strict();

export const schemas = {
  [CHANNELS.getSession]: noArgs,
  [CHANNELS.signIn]: z
    .object({
      email: z.string().max(320),
      password: z.string().max(1024),
      /** Omitted to reuse the key kept in the keychain from the last sign-in. */
      keyId: z.string().max(256).optional(),
      apiKey: z.string().max(512).optional(),
    })
    .strict(),
  [CHANNELS.sendMfaCode]: z.object({ method: z.enum(['sms', 'email']) }).strict(),
  [CHANNELS.verifyMfa]: z
    .object({ method: z.enum(['totp', 'sms', 'email']), code: z.string().max(32) })
    .strict(),
  [CHANNELS.cancelSignIn]: noArgs,
  [CHANNELS.signOut]: noArgs,
  [CHANNELS.startDemo]: noArgs,
  [CHANNELS.getCameras]: noArgs,
  [CHANNELS.refreshCameras]: noArgs,
  [CHANNELS.resetCache]: noArgs,
  [CHANNELS.exportCameras]: z
    .object({
      format: z.enum(EXPORT_FORMATS),
      /** The cameras of the page's current view; main takes every value from its own list. */
      macs: z.array(z.string().min(1).max(MAX_EXPORT_MAC_LENGTH)).max(MAX_EXPORT_MACS),
    })
    .strict(),
  [CHANNELS.reportVisibility]: z.object({ visible: z.boolean() }).strict(),
  /** What the error boundary caught, for the log file (the page shows none of it). */
  [CHANNELS.reportRenderError]: z
    .object({ message: z.string().max(500), componentStack: z.string().max(4000) })
    .strict(),
  [CHANNELS.openExternal]: z.object({ target: z.enum(EXTERNAL_TARGETS) }).strict(),
  [CHANNELS.getViewPrefs]: noArgs,
  [CHANNELS.setViewPrefs]: viewPrefsPatchSchema,
  [CHANNELS.startLive]: z.object({ mac: liveMac }).strict(),
  [CHANNELS.sendLiveOffer]: z
    .object({ sessionId: liveSessionId, sdp: z.string().min(1).max(MAX_SIGNALLING_TEXT) })
    .strict(),
  [CHANNELS.sendLiveCandidate]: z
    .object({ sessionId: liveSessionId, candidate: liveCandidateSchema })
    .strict(),
  /** The page's connection failed (ICE): main gets a fresh bootstrap and says `ready` again. */
  [CHANNELS.restartLive]: z.object({ sessionId: liveSessionId }).strict(),
  [CHANNELS.stopLive]: z.object({ sessionId: liveSessionId }).strict(),
  [CHANNELS.saveSnapshot]: z
    .object({
      mac: liveMac,
      /** The frame as PNG, base64 (main checks the signature and the size). */
      pngBase64: z
        .string()
        .min(1)
        .max(Math.ceil(MAX_SNAPSHOT_BYTES / 3) * 4),
    })
    .strict(),
  [CHANNELS.getWatch]: noArgs,
  [CHANNELS.setWatchPrefs]: watchPrefsPatchSchema,
  [CHANNELS.listActivity]: activityQuerySchema,
  /** The Activity view as shown (camera and kinds), every page of it, as CSV. */
  [CHANNELS.exportActivity]: z.object({ mac: liveMac.nullable(), kinds: activityKinds }).strict(),
  [CHANNELS.markActivitySeen]: noArgs,
  [CHANNELS.listEvents]: eventQuerySchema,
} satisfies Record<Channel, z.ZodType>;

/** What each channel answers with (inside a Result). */
export interface Responses {
  [CHANNELS.getSession]: SessionView;
  [CHANNELS.signIn]: SessionView;
  [CHANNELS.sendMfaCode]: SessionView;
  [CHANNELS.verifyMfa]: SessionView;
  [CHANNELS.cancelSignIn]: SessionView;
  [CHANNELS.signOut]: SessionView;
  [CHANNELS.startDemo]: SessionView;
  /** The whole list and its revision, the base for the deltas that follow on the event stream. */
  [CHANNELS.getCameras]: CamerasSnapshot;
  [CHANNELS.refreshCameras]: CameraListView;
  /** Forgets the cached list (disk and memory) and fetches it again when signed in. */
  [CHANNELS.resetCache]: CameraListView;
  /** Saved by main (desktop), handed back to download (browser preview), or cancelled. */
  [CHANNELS.exportCameras]: ExportResult;
  [CHANNELS.reportVisibility]: null;
  [CHANNELS.reportRenderError]: null;
  [CHANNELS.openExternal]: null;
  [CHANNELS.getViewPrefs]: ViewPrefs;
  /** The preferences after the change. */
  [CHANNELS.setViewPrefs]: ViewPrefs;
  /** Answers once the bootstrap is done and the signalling socket is open. */
  [CHANNELS.startLive]: LiveSessionStart;
  [CHANNELS.sendLiveOffer]: null;
  [CHANNELS.sendLiveCandidate]: null;
  [CHANNELS.restartLive]: null;
  [CHANNELS.stopLive]: null;
  [CHANNELS.saveSnapshot]: SnapshotResult;
  [CHANNELS.getWatch]: WatchState;
  /** The state after the change. */
  [CHANNELS.setWatchPrefs]: WatchState;
  [CHANNELS.listActivity]: ActivityPage;
  [CHANNELS.exportActivity]: ExportResult;
  /** The state after "now" became the last look (the unseen summary is empty). */
  [CHANNELS.markActivitySeen]: WatchState;
  [CHANNELS.listEvents]: EventPage;
}

export type Request<C extends Channel> = z.infer<(typeof schemas)[C]>;

export interface EventPayloads {
  [EVENTS.sessionChanged]: SessionView;
  /** A snapshot first, then only what changed (common/camera-delta.ts). */
  [EVENTS.camerasChanged]: CamerasEvent;
  /** A menu item for the page: open the keyboard shortcuts or the settings. */
  [EVENTS.menuCommand]: { command: MenuCommand };
  /** One live session's signalling and state (common/live.ts). */
  [EVENTS.live]: LiveEvent;
  /** Keeping watch: the new state, or a clicked notification's camera (common/watch.ts). */
  [EVENTS.watch]: WatchEvent;
}
