/**
 * The preview host as a process of its own (`preview/cli.ts`, through tsx), as live view's figures
 * and the relaunch in a fresh process run it: nothing it computes shares the bench's process.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface HostProcess {
  child: ChildProcess;
  /** The URL it printed (`Preview: <url>`), with its launch secret. */
  url: string;
}

/** Where the host finds its cloud, profile and keychain entry. */
export interface HostSetup {
  /** The emulator's URL, for both the auth and the API cloud. */
  cloudUrl: string;
  userDataDir: string;
  keychainService: string;
}

/**
 * Starts `preview/cli.ts` in `root` against `setup`, on a port of its own; resolves once it prints
 * its URL.
 */
export function spawnHost(root: string, setup: HostSetup): Promise<HostProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WYZE_AUTH_BASE_URL: setup.cloudUrl,
    WYZE_API_BASE_URL: setup.cloudUrl,
    WYZECAM_USER_DATA: setup.userDataDir,
    WYZECAM_KEYCHAIN_SERVICE: setup.keychainService,
    PORT: '0',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'preview/cli.ts'], { cwd: root, env });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Preview: (\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) =>
      reject(new Error(`bench: preview host exited (${code}):\n${err}`)),
    );
  });
}

/** Stops a host started by spawnHost (SIGTERM: it saves what it holds) and waits for its exit. */
export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
