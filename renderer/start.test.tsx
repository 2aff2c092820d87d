import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../common/channels';
import { FIRST_SCREEN_ATTRIBUTE } from '../common/first-screen';
import type { CamerasSnapshot } from '../common/camera-delta';
import { defaultViewPrefs } from '../common/prefs';
import { renderFirstScreen } from './server';
import { initialState, useStore } from './store';
import { start } from './start';
import { device, installFakeBridge, list, session, snapshot } from './test-support';

/**
 * `start` on a page where main wrote a first screen (docs/first-screen.md): the mark on #root, which
 * hides the screen's controls (styles.css), goes only once the app's own screen is in the page.
 */

const cameras = (n: number, first = 'Camera 1') =>
  Array.from({ length: n }, (_, i) =>
    device({ mac: `M${String(i).padStart(5, '0')}`, name: i === 0 ? first : `Camera ${i + 1}` }),
  );

let root: HTMLDivElement;
beforeEach(() => {
  useStore.setState(initialState());
  root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
});
afterEach(() => {
  root.remove();
  cleanup();
  vi.restoreAllMocks();
});

/** Main's first screen of `cams` in #root, marked as main marks it (main/first-screen.ts). */
async function mainWrote(cams: CamerasSnapshot, mark?: string): Promise<Element> {
  const screen = await renderFirstScreen({
    session: session(),
    cameras: cams,
    viewPrefs: defaultViewPrefs(),
    height: 800,
    now: Date.now(),
  });
  if (!screen) throw new Error('no first screen');
  root.innerHTML = screen.html;
  root.setAttribute(FIRST_SCREEN_ATTRIBUTE, mark ?? JSON.stringify(screen.mark));
  const search = root.querySelector('[role="search"]');
  if (!search) throw new Error('no search bar in the first screen');
  return search;
}

/** At each removal of the mark: whether main's element was still in the page, and the page's text. */
function watchHandOver(mainElement: Element): { mainShown: boolean; text: string }[] {
  const seen: { mainShown: boolean; text: string }[] = [];
  const remove = root.removeAttribute.bind(root);
  vi.spyOn(root, 'removeAttribute').mockImplementation((name: string) => {
    if (name === FIRST_SCREEN_ATTRIBUTE) {
      seen.push({ mainShown: mainElement.isConnected, text: root.textContent });
    }
    remove(name);
  });
  return seen;
}

/** The page's first calls answered with `cams`. */
function mainAnswers(cams: CamerasSnapshot) {
  installFakeBridge({
    [CHANNELS.getSession]: { ok: true, value: session() },
    [CHANNELS.getCameras]: { ok: true, value: cams },
    [CHANNELS.getViewPrefs]: { ok: true, value: defaultViewPrefs() },
  });
}

async function started(): Promise<void> {
  await act(async () => {
    start();
    await vi.waitFor(() => expect(root.hasAttribute(FIRST_SCREEN_ATTRIBUTE)).toBe(false));
  });
}

describe('start: the first screen handed over to the app', () => {
  it('is taken over as it is, and the mark goes with it', async () => {
    const cams = snapshot(list(cameras(20)));
    const mainSearch = await mainWrote(cams);
    const seen = watchHandOver(mainSearch);
    mainAnswers(cams);
    await started();
    // Taken over: the very elements main wrote are the app's now.
    expect(seen.map((s) => s.mainShown)).toEqual([true]);
    expect(mainSearch.isConnected).toBe(true);
  });

  it('drawn over (the list changed meanwhile): the mark goes only once main’s screen is gone', async () => {
    const mainSearch = await mainWrote(snapshot(list(cameras(20))));
    const seen = watchHandOver(mainSearch);
    mainAnswers(snapshot(list(cameras(20, 'Aardvark'))));
    await started();
    expect(seen.map((s) => s.mainShown)).toEqual([false]);
    expect(seen[0]?.text).toContain('Aardvark');
    expect(root.querySelector('[role="search"]')).not.toBeNull();
  });

  it('with a mark the page cannot read: drawn over once main answers, and the mark goes', async () => {
    const mainSearch = await mainWrote(snapshot(list(cameras(5))), '{"revision":"x"}');
    const seen = watchHandOver(mainSearch);
    mainAnswers(snapshot(list(cameras(5, 'Aardvark'))));
    await started();
    expect(seen.map((s) => s.mainShown)).toEqual([false]);
    // Main's list gave way to the app's, not to the "Starting…" splash drawn before any answer.
    expect(seen[0]?.text).toContain('Aardvark');
  });

  it('when main cannot be reached: the mark goes with main’s screen, for the message', async () => {
    const mainSearch = await mainWrote(snapshot(list(cameras(5))));
    const seen = watchHandOver(mainSearch);
    Object.defineProperty(window, 'wyze', { value: undefined, configurable: true });
    await started();
    expect(seen.map((s) => s.mainShown)).toEqual([false]);
    expect(root.textContent).toBe('The app could not reach its main process. Restart the app.');
  });
});
