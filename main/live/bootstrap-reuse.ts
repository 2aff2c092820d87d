import type { LiveBootstrap } from './bootstrap';

/** A bootstrap is reused for a camera this long (its signed URL expires; docs/protocol.md). */
export const BOOTSTRAP_REUSE_MS = 60_000;
/** A reused URL must still be valid this long after it is taken: the handshake's own timeout. */
export const EXPIRY_MARGIN_MS = 10_000;

/** X-Amz-Date's form: 20261127T152000Z. */
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * When a pre-signed signalling URL stops being valid, as far as it says: `X-Amz-Expires` seconds
 * after it was fetched (`fetchedAt`), and after its `X-Amz-Date` when that is readable, whichever
 * is sooner (the cloud may hand out a URL it signed a while ago; a clock ahead of the signer's
 * only makes the URL look older, which costs a fresh bootstrap, never a dead one). Infinity when
 * the URL carries no expiry.
 */
export function signedUrlExpiry(url: string, fetchedAt: number): number {
  const query = url.indexOf('?');
  if (query < 0) return Infinity;
  const params = new URLSearchParams(url.slice(query + 1));
  const expiresText = params.get('X-Amz-Expires');
  if (expiresText === null) return Infinity;
  const expires = /^\d{1,9}$/.test(expiresText) ? Number(expiresText) * 1000 : 0;
  let expiry = fetchedAt + expires;
  const date = AMZ_DATE.exec(params.get('X-Amz-Date') ?? '');
  if (date) {
    const [, y, mo, d, h, mi, s] = date.map(Number) as [number, ...number[]];
    const signedAt = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
    if (Number.isFinite(signedAt)) expiry = Math.min(expiry, signedAt + expires);
  }
  return expiry;
}

/**
 * Each camera's last bootstrap, reused for at most BOOTSTRAP_REUSE_MS and never once its signed
 * URL is about to expire (docs/protocol.md, "Live view"). Forgetting them all (sign-out) also
 * drops any bootstrap still on its way.
 */
export function createBootstrapReuse<Camera extends { mac: string }>(deps: {
  bootstrap: (camera: Camera) => Promise<LiveBootstrap>;
  now: () => number;
}) {
  const kept = new Map<string, { bootstrap: LiveBootstrap; until: number }>();
  /** Bumped by forgetAll, so a bootstrap that answers after it is not kept. */
  let epoch = 0;

  return {
    /** A new bootstrap for the camera, kept for reuse. */
    async fresh(camera: Camera): Promise<LiveBootstrap> {
      const started = epoch;
      const bootstrap = await deps.bootstrap(camera);
      if (started === epoch) {
        const at = deps.now();
        const expiry = signedUrlExpiry(bootstrap.signallingUrl, at);
        const until = Math.min(at + BOOTSTRAP_REUSE_MS, expiry - EXPIRY_MARGIN_MS);
        kept.set(camera.mac, { bootstrap, until });
      }
      return bootstrap;
    },
    /** The camera's kept bootstrap while it is young enough, else null. */
    reusable(mac: string): LiveBootstrap | null {
      const entry = kept.get(mac);
      if (!entry) return null;
      if (deps.now() <= entry.until) return entry.bootstrap;
      kept.delete(mac);
      return null;
    },
    /** The camera's kept bootstrap did not work (its socket would not open). */
    forget: (mac: string): boolean => kept.delete(mac),
    forgetAll(): void {
      kept.clear();
      epoch++;
    },
  };
}
