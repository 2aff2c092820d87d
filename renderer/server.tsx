import { prerender } from 'react-dom/static';
import { beginFirstScreen, endFirstScreen } from './first-screen';
import { defaultLocale, stateDigest } from '../common/first-screen';
import type { FirstScreenInput, FirstScreenMark } from '../common/first-screen';
import { keepFirstScreenState, useStore } from './store';
import { app } from './app-element';

/**
 * The first screen, rendered in main (docs/first-screen.md): the app's own components over the
 * store as the page will have it once its first calls are answered, as HTML for #root. Built on
 * its own (`vite.server.config.ts`, into dist/server/) and loaded by main/first-screen.ts.
 *
 * One render at a time: the store is this module's, and a render waits for its lazy parts.
 */
let queue: Promise<unknown> = Promise.resolve();

/** The markup for #root and the mark the page takes it over with; null when it cannot be drawn. */
export function renderFirstScreen(
  input: FirstScreenInput,
  signal?: AbortSignal,
): Promise<{ html: string; mark: FirstScreenMark } | null> {
  const run = queue.then(() => render(input, signal));
  queue = run.catch(() => undefined);
  return run;
}

async function render(
  input: FirstScreenInput,
  signal?: AbortSignal,
): Promise<{ html: string; mark: FirstScreenMark } | null> {
  if (input.cameras.kind !== 'snapshot') return null;
  // The page's store after its first calls (renderer/store/events.ts, connectStore).
  useStore.setState(useStore.getInitialState(), true);
  const { setSession, receiveCameras } = useStore.getState();
  setSession(input.session);
  receiveCameras(input.cameras);
  useStore.setState({ viewPrefs: input.viewPrefs });
  const mark: FirstScreenMark = {
    revision: input.cameras.revision,
    height: input.height,
    renderedAt: input.now,
    locale: defaultLocale(),
    digest: stateDigest(input.session, input.viewPrefs),
  };
  let failed = false;
  beginFirstScreen(mark);
  keepFirstScreenState();
  try {
    const { prelude } = await prerender(app, {
      signal,
      onError: () => {
        failed = true;
      },
    });
    const html = await new Response(prelude).text();
    return failed ? null : { html, mark };
  } finally {
    endFirstScreen();
    useStore.setState(useStore.getInitialState(), true);
  }
}
