// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { FakeEventSource, loadBridge, withFirstScreenPage } from './bridge-fakes';

/**
 * The bridge on a page holding a first screen that loads hidden (a preview opened in a background
 * tab): it paints nothing yet, and the app starts at once (renderer/main.ts), so the bridge sends
 * at once too (bridge.ts, `firstScreenPainted`). One import a file: the bridge installs window.wyze
 * for good.
 */

withFirstScreenPage('hidden');

describe('preview bridge, on a hidden page with a first screen', () => {
  it('opens its stream at once', async () => {
    await loadBridge();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(FakeEventSource.made).toHaveLength(1);
  });
});
