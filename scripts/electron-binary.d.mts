// Types for scripts/electron-binary.mjs (plain JavaScript so `npm start` needs no TypeScript).

/** The executable inside an Electron distribution, or null where Electron has no build. */
export function executableInDist(platform: string): string | null;

/** Where Electron's binary is, without triggering its first-launch download. */
export function electronBinaryPath(input: {
  platform: string;
  env: Record<string, string | undefined>;
  packageDir: string | null;
  exists: (file: string) => boolean;
  readText: (file: string) => string | null;
}): string | null;

/**
 * Arguments to start the unpackaged app in `appDir`: `--no-sandbox` only on Linux, as root or
 * where AppArmor restricts user namespaces and `chrome-sandbox` is not setuid root.
 */
export function electronLaunchArgs(input: {
  platform: string;
  uid: number | null;
  appDir: string;
  usernsRestricted?: boolean;
  sandboxHelperSetuidRoot?: boolean;
}): string[];

/** The sysctl Ubuntu uses to restrict unprivileged user namespaces through AppArmor. */
export const USERNS_SYSCTL: string;

/** Whether AppArmor restricts user namespaces, and whether `chrome-sandbox` is setuid root. */
export function linuxSandboxFacts(input: {
  binary: string | null;
  readText: (file: string) => string | null;
  stat: (file: string) => { uid: number; mode: number } | null;
}): { usernsRestricted: boolean; sandboxHelperSetuidRoot: boolean };

/** How to run npm from a script npm started (npm_execpath through Node; EINVAL-safe on Windows). */
export function npmCommand(input: {
  platform: string;
  env: Record<string, string | undefined>;
  execPath: string;
}): { command: string; prefixArgs: string[]; shell: boolean };

/** Electron's binary on this machine, if it is there. */
export function electronBinary(): string | null;

/** Arguments to launch the app at `appDir` on this machine. */
export function launchArgs(appDir: string): string[];
