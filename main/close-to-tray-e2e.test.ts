import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerKeepWatching } from '../e2e/keep-watching-answer';
import { closeAction } from './close-to-tray';
import { watchFiles } from './watch/watch-file';

// The Electron e2e runs close windows and relaunch while signed in: the "keep watching?" modal
// must never be what they meet (it would wait for ever for an answer no spec gives).
describe('the e2e profile answers "keep watching?" before the app starts', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a watch.json the app reads as "do not keep watching", so a close closes', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'wyzecam-answer-'));
    dirs.push(profile);
    answerKeepWatching(profile);
    const file = await watchFiles(profile).watch.read();
    expect(file?.prefs.keepWatchingWhenClosed).toBe(false);
    // Everything else keeps its default: notifications stay on, nothing muted.
    expect(file?.prefs.notifications).toBe(true);
    expect(file?.prefs.mutedMacs).toEqual([]);
    const action = closeAction({
      quitting: false,
      closeAllowed: false,
      asking: false,
      keepWatchingWhenClosed: file?.prefs.keepWatchingWhenClosed ?? null,
      signedIn: true,
    });
    expect(action).toBe('close');
  });

  it('is done by the launch fixture for the Electron transport only', () => {
    const fixtures = readFileSync(new URL('../e2e/fixtures.ts', import.meta.url), 'utf8');
    expect(fixtures).toContain("if (transport === 'electron') answerKeepWatching(profile);");
  });
});
