import type { MfaMethod, WyzeDevice } from './device';
import type { ErrorDto } from './result';

/**
 * What the renderer is shown of the session. It never carries a token, password, API key or
 * key ID (security S11): only whether a key is on file.
 */
export interface SessionView {
  status: 'starting' | 'signedOut' | 'signingIn' | 'mfa' | 'signedIn' | 'expired';
  /** The account's e-mail, kept to fill in the sign-in form again. */
  email: string | null;
  demo: boolean;
  /** 'keychain' when secrets are kept in the OS keychain; 'memory' when only for this run. */
  persistence: 'keychain' | 'memory';
  /** An API key and key ID from the last sign-in are in the keychain and can be reused. */
  hasStoredApiKey: boolean;
  mfa: {
    methods: MfaMethod[];
    preferred: MfaMethod | null;
    phoneHint: string | null;
    /** Methods for which a code was sent, and when (epoch ms). */
    sent: Partial<Record<'sms' | 'email', number>>;
  } | null;
  /** The last failure of a session action, in plain language. */
  error: ErrorDto | null;
}

/** A device as the renderer gets it: no thumbnail URL (pre-signed URLs are credentials). */
export type DeviceDto = Omit<WyzeDevice, 'thumbnail'> & { thumbnailTakenAt: number | null };

export interface CameraListView {
  devices: DeviceDto[];
  /** Epoch ms of the last successful fetch; null before the first. */
  fetchedAt: number | null;
  /** True when the list shown is from before a failure or from the last run. */
  stale: boolean;
  refreshing: boolean;
  error: ErrorDto | null;
  /** Epoch ms until which automatic refresh is held back by Wyze's rate limit. */
  rateLimitedUntil: number | null;
}

export const emptyCameraList = (): CameraListView => ({
  devices: [],
  fetchedAt: null,
  stale: false,
  refreshing: false,
  error: null,
  rateLimitedUntil: null,
});
