// What the desktop app takes from its environment, and the options it composes the services with.
// Plain functions over the few Electron members they read, so main/desktop-options.test.ts checks
// them with fakes (Electron's binary does not run everywhere the tests do).
import type { App, Net } from 'electron';
import type { AppServicesOptions } from './services';
import { offlineAfterMsFromEnv } from './watch/dev-env';
import { baseUrlsFromEnv } from './wyze/config';

type Env = Record<string, string | undefined>;

/**
 * Development-only settings read from the environment; a packaged build ignores every one. (The
 * cloud hosts are read later, by {@link desktopServiceOptions}: a bad one is a start-up failure
 * the user is shown, not a crash before the log exists.)
 */
export interface DesktopEnvironment {
  /** WYZECAM_USER_DATA: a throwaway profile folder (the e2e suite). */
  userDataDir: string | null;
  /** WYZECAM_KEYCHAIN_SERVICE: a throwaway keychain service name (the e2e suite). */
  keychainService: string | null;
  /** VITE_DEV_SERVER_URL: the renderer from Vite's dev server. */
  devServerUrl: string | null;
  /** WYZECAM_DEMO=1 (`npm run demo`): open straight into the demo account. */
  demo: boolean;
}

/**
 * Reads the development overrides. In a packaged build anything that can set the environment
 * could otherwise point the app at another profile or keychain entry, so all of them are ignored
 * there (as the cloud hosts are: docs/security.md, S22).
 */
export function desktopEnvironment(env: Env, isPackaged: boolean): DesktopEnvironment {
  const dev = (name: string): string | null => (isPackaged ? null : env[name] || null);
  return {
    userDataDir: dev('WYZECAM_USER_DATA'),
    keychainService: dev('WYZECAM_KEYCHAIN_SERVICE'),
    devServerUrl: dev('VITE_DEV_SERVER_URL'),
    demo: dev('WYZECAM_DEMO') === '1',
  };
}

/**
 * Cloud requests through Electron's network stack: the system proxy settings and the OS
 * certificate store apply (and the fuses turn off NODE_EXTRA_CA_CERTS, so Node's fetch would
 * not see a corporate root CA). Node's fetch stays for the preview host and the tests.
 */
export function electronFetch(net: Pick<Net, 'fetch'>): typeof fetch {
  return (input, init) => {
    const target = input instanceof URL ? input.href : input;
    return net.fetch(target, init);
  };
}

/** The options the desktop app composes the services with (main/services.ts). */
export function desktopServiceOptions(deps: {
  app: Pick<App, 'isPackaged' | 'getPath' | 'getVersion'>;
  net: Pick<Net, 'fetch'>;
  env: Env;
  /** The keychain service for this build (main/identity.ts). */
  keychainService: string;
  logger: AppServicesOptions['logger'];
  isTrustedSender: AppServicesOptions['isTrustedSender'];
  openUrl: AppServicesOptions['openUrl'];
}): AppServicesOptions {
  const { isPackaged } = deps.app;
  const environment = desktopEnvironment(deps.env, isPackaged);
  return {
    userDataDir: deps.app.getPath('userData'),
    keychainService: environment.keychainService ?? deps.keychainService,
    // WYZE_AUTH_BASE_URL / WYZE_API_BASE_URL / WYZE_APP_BASE_URL in development and tests only.
    baseUrls: baseUrlsFromEnv(deps.env, { allowOverrides: !isPackaged }),
    appVersion: deps.app.getVersion(),
    logger: deps.logger,
    isTrustedSender: deps.isTrustedSender,
    openUrl: deps.openUrl,
    fetch: electronFetch(deps.net),
    offlineAfterMs: offlineAfterMsFromEnv(deps.env, { allowOverrides: !isPackaged }),
  };
}
