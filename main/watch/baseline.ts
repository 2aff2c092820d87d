/**
 * The list each fresh list is compared with: the account's last list, kept in
 * `watch-baseline.json` so the first list after a launch is compared with the last one before it
 * (changes while the app was closed are recorded), and the demo's, in memory only. A list of
 * another account is never compared (a new account starts with no changes).
 */
import type { Logger } from '../logging/logger';
import { detectChanges } from './changes';
import type { CameraSighting, Change } from './changes';
import type { Baseline } from './watch-file';

interface BaselineFile {
  read(): Promise<Baseline | null>;
  write(value: Baseline): Promise<void>;
  remove(): Promise<void>;
}

export function createBaselines(file: BaselineFile, logger: Logger) {
  /** The account's baseline as last read or written; undefined until first read. */
  let account: Baseline | null | undefined;
  /** What was last written, to skip writing a list that did not change (1 MB at 5,000 cameras). */
  let written = '';
  let demo: CameraSighting[] | null = null;

  return {
    /** The changes from the baseline to `cameras`, which become the baseline. */
    async compare(
      cameras: CameraSighting[],
      at: number,
      who: { email: string; demo: boolean },
    ): Promise<Change[]> {
      if (who.demo) {
        const { changes, baseline } = demo
          ? detectChanges(demo, cameras, at)
          : { changes: [], baseline: cameras };
        demo = baseline;
        return changes;
      }
      if (account === undefined) account = await file.read();
      const same = account && account.email.toLowerCase() === who.email.toLowerCase();
      const { changes, baseline } = same
        ? detectChanges(account?.cameras ?? [], cameras, at)
        : { changes: [], baseline: cameras };
      account = { email: who.email, cameras: baseline };
      const text = JSON.stringify(account);
      if (text !== written) {
        written = text;
        await file.write(account).catch((err: unknown) => {
          written = '';
          logger.warn('could not save the last camera list compared', { err });
        });
      }
      return changes;
    },
    /** Whose list the account's baseline is (null when there is none). */
    async accountEmail(): Promise<string | null> {
      if (account === undefined) account = await file.read();
      return account?.email ?? null;
    },
    /** The demo ended: its baseline goes. */
    forgetDemo(): void {
      demo = null;
    },
    /** Sign-out: the account's baseline goes, from disk too. */
    async clear(): Promise<void> {
      account = null;
      written = '';
      await file.remove();
    },
  };
}
