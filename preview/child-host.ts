/**
 * Test and bench support: the preview host as a process of its own (`cli.ts` through tsx), as the
 * e2e tests and the bench's relaunch in a fresh process and live view start it. Not part of the
 * app.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** Where the host finds its cloud, profile and keychain entry. */
export interface ChildHostSetup {
  /** The cloud's URL (the emulator's), for both the auth and the API host. */
  cloudUrl: string;
  userDataDir: string;
  keychainService: string;
}

/** A started host: its process and the URL it printed (`Preview: <url>`, launch secret and all). */
export interface ChildHost {
  child: ChildProcess;
  url: string;
}

/** The environment `cli.ts` reads (preview/README.md), on a port of its own, over `base`. */
export function childHostEnv(
  setup: ChildHostSetup,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...base,
    WYZE_AUTH_BASE_URL: setup.cloudUrl,
    WYZE_API_BASE_URL: setup.cloudUrl,
    WYZECAM_USER_DATA: setup.userDataDir,
    WYZECAM_KEYCHAIN_SERVICE: setup.keychainService,
    PORT: '0',
  };
}

/**
 * Starts `preview/cli.ts` in the repository `root` with `env`; resolves once it prints its URL,
 * rejects (with what it printed) when it exits first or has not printed it within `timeoutMs`.
 */
export function spawnChildHost(
  root: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 20_000,
): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'preview/cli.ts'], { cwd: root, env });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`preview host did not start within ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Preview: (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview host exited (${code}):\n${out}\n${err}`));
    });
  });
}

/** Stops a host (SIGTERM: it saves what it holds, as a desktop quit does) and waits for its exit. */
export async function stopChildHost(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
