import type { Logger } from '../logging/logger';
import type { WyzeClient, WyzeCredentials } from '../wyze/client';
import type { BaseUrls } from '../wyze/config';
import { wyzeError } from '../wyze/errors';

/** A Wyze cloud running on loopback for the demo account (see main/demo.ts). */
export interface DemoCloud {
  url: string;
  credentials: WyzeCredentials;
  close(): Promise<void>;
}

export interface DemoSessionDeps {
  startDemoCloud(): Promise<DemoCloud>;
  /** A client for the demo cloud; its tokens stay in the client, never in the keychain. */
  createClient(baseUrls: BaseUrls): WyzeClient;
  logger: Logger;
}

/**
 * The demo account's lifecycle: start the in-process cloud, sign in to it with its own
 * credentials, end it. Whatever happens (a failed sign-in, a cancel, an end), no cloud is left
 * running: each one started is closed exactly once.
 */
export function createDemoSession(deps: DemoSessionDeps) {
  let running: { cloud: DemoCloud; client: WyzeClient } | null = null;
  /** The start in progress, so `cancel()` can reach it. */
  let starting: { cancelled: boolean; client: WyzeClient | null } | null = null;

  async function close(cloud: DemoCloud): Promise<void> {
    try {
      await cloud.close();
    } catch (err) {
      deps.logger.warn('could not close the demo cloud', { err });
    }
  }

  /** Signs the demo client out and closes its cloud; nothing when no demo runs. */
  async function end(): Promise<void> {
    if (!running) return;
    const { cloud, client } = running;
    running = null;
    client.signOut();
    await close(cloud);
  }

  /**
   * Ends any running demo, then starts a cloud and signs in to it.
   * @throws WyzeError CANCELLED when `cancel()` was called meanwhile, or the sign-in's error; in
   * both cases the cloud it started is already closed.
   */
  async function start(): Promise<{ client: WyzeClient; email: string }> {
    await end();
    const attempt: { cancelled: boolean; client: WyzeClient | null } = {
      cancelled: false,
      client: null,
    };
    starting = attempt;
    let cloud: DemoCloud | null = null;
    try {
      cloud = await deps.startDemoCloud();
      if (attempt.cancelled) throw wyzeError('CANCELLED');
      const client = deps.createClient({ auth: cloud.url, api: cloud.url });
      attempt.client = client;
      const outcome = await client.signIn(cloud.credentials);
      if (attempt.cancelled) throw wyzeError('CANCELLED');
      if (outcome.kind !== 'signedIn') {
        throw wyzeError('UNEXPECTED_RESPONSE', {
          detail: 'the demo account asked for two-step verification',
        });
      }
      running = { cloud, client };
      return { client, email: cloud.credentials.email };
    } catch (err) {
      attempt.client?.signOut();
      if (cloud) await close(cloud);
      throw err;
    } finally {
      if (starting === attempt) starting = null;
    }
  }

  return {
    start,
    end,
    /** Stops a start in progress: its requests are cancelled and its cloud closed. */
    cancel(): void {
      if (!starting) return;
      starting.cancelled = true;
      starting.client?.signOut();
    },
    /** The running demo's client, or null. */
    client: (): WyzeClient | null => running?.client ?? null,
  };
}

export type DemoSession = ReturnType<typeof createDemoSession>;
