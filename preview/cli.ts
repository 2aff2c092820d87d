import { homedir } from 'node:os';
import { join } from 'node:path';
import { startDemoCloud } from '../main/demo';
import { createLogger } from '../main/logging/logger';
import { offlineAfterMsFromEnv } from '../main/watch/dev-env';
import { baseUrlsFromEnv } from '../main/wyze/config';
import { WyzeError } from '../main/wyze/errors';
import { startPreviewHost } from './host';

/**
 * `npm run preview`: the app in a browser, against the demo cloud unless WYZE_AUTH_BASE_URL and
 * WYZE_API_BASE_URL point elsewhere. Prints `Preview: <url>`.
 */
async function main(): Promise<void> {
  const env = process.env;
  const logger = createLogger({ level: env.WYZECAM_LOG_LEVEL === 'debug' ? 'debug' : 'warn' });
  const useCloud = Boolean(env.WYZE_AUTH_BASE_URL || env.WYZE_API_BASE_URL);
  const demo = useCloud ? null : await startDemoCloud();
  const baseUrls = demo
    ? { auth: demo.url, api: demo.url }
    : baseUrlsFromEnv(env, { allowOverrides: true });
  const host = await startPreviewHost({
    baseUrls,
    userDataDir: env.WYZECAM_USER_DATA || join(homedir(), '.config', 'Wyzecam Desktop Preview'),
    keychainService: env.WYZECAM_KEYCHAIN_SERVICE || 'Wyzecam Desktop Preview',
    keytar: env.WYZECAM_KEYCHAIN === 'off' ? null : undefined,
    logger,
    appVersion: env.npm_package_version ?? '0.0.0',
    port: Number(env.PORT ?? 0),
    offlineAfterMs: offlineAfterMsFromEnv(env, { allowOverrides: true }),
  });
  if (demo)
    console.log(
      `Demo cloud: ${demo.url} (sign in as ${demo.credentials.email} / ${demo.credentials.password}, key ID ${demo.credentials.keyId}, API key ${demo.credentials.apiKey})`,
    );
  console.log(`Preview: ${host.url}`);
  let stopping = false;
  const stop = () => {
    // A second signal while closing (Ctrl+C twice) ends the process at once.
    if (stopping) process.exit(1);
    stopping = true;
    void host
      .close()
      .then(() => demo?.close())
      .finally(() => process.exit(0));
  };
  // `on`, not `once`: while a listener of ours is registered, signal-exit (write-file-atomic's
  // clean-up of its temporary files) counts the signal as handled. With `once` ours was gone by
  // the time it looked, so it re-raised the signal and the process died before close() had
  // written the last camera list, and the next launch had none to show (e2e/session.spec.ts).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

main().catch((err: unknown) => {
  console.error(
    `preview: ${err instanceof WyzeError || err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
