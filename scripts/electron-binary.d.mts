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

/** Arguments to start the app in `appDir`: `--no-sandbox` only for root on Linux. */
export function electronLaunchArgs(input: {
  platform: string;
  uid: number | null;
  appDir: string;
}): string[];

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
