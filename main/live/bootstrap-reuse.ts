import type { LiveBootstrap } from './bootstrap';

/** A bootstrap is reused for a camera this long (its signed URL expires; docs/protocol.md). */
export const BOOTSTRAP_REUSE_MS = 60_000;

/**
 * Each camera's last bootstrap, reused for at most BOOTSTRAP_REUSE_MS (docs/protocol.md, "Live
 * view"). Forgetting them all (sign-out) also drops any bootstrap still on its way.
 */
export function createBootstrapReuse<Camera extends { mac: string }>(deps: {
  bootstrap: (camera: Camera) => Promise<LiveBootstrap>;
  now: () => number;
}) {
  const kept = new Map<string, { bootstrap: LiveBootstrap; at: number }>();
  /** Bumped by forgetAll, so a bootstrap that answers after it is not kept. */
  let epoch = 0;

  return {
    /** A new bootstrap for the camera, kept for reuse. */
    async fresh(camera: Camera): Promise<LiveBootstrap> {
      const started = epoch;
      const bootstrap = await deps.bootstrap(camera);
      if (started === epoch) kept.set(camera.mac, { bootstrap, at: deps.now() });
      return bootstrap;
    },
    /** The camera's kept bootstrap while it is young enough, else null. */
    reusable(mac: string): LiveBootstrap | null {
      const entry = kept.get(mac);
      if (!entry) return null;
      if (deps.now() - entry.at <= BOOTSTRAP_REUSE_MS) return entry.bootstrap;
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
