import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_VERBS, VERBS } from '../common/verbs';
import type { EventVerb, Verb } from '../common/verbs';
import { buildWyzeApi } from './api';
import type { Transport, VerbImplementations, WyzeApi } from './api';
import { DOCUMENTED_VERBS } from './documented-verbs';

function recordingTransport() {
  const invoked: [string, unknown][] = [];
  const subscribed: string[] = [];
  const transport: Transport = {
    invoke: async (channel, arg) => {
      invoked.push([channel, arg]);
      return { ok: true, value: null };
    },
    on: (event) => {
      subscribed.push(event);
      return () => undefined;
    },
  };
  return { transport, invoked, subscribed };
}

describe('window.wyze is built from the verb tables', () => {
  it('has exactly the table verbs, which are the documented ones', () => {
    expectTypeOf<keyof WyzeApi>().toEqualTypeOf<Verb | EventVerb>();
    const api = buildWyzeApi(recordingTransport().transport);
    const names = [...Object.keys(VERBS), ...Object.keys(EVENT_VERBS)].sort();
    expect(Object.keys(api).sort()).toEqual(names);
    expect(names).toEqual([...DOCUMENTED_VERBS]);
  });

  it('sends each argument-less verb on the channel its table names', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildWyzeApi(transport);
    await api.getSession();
    await api.resetCache();
    await api.refreshCameras();
    expect(invoked).toEqual([
      [VERBS.getSession, undefined],
      [VERBS.resetCache, undefined],
      [VERBS.refreshCameras, undefined],
    ]);
  });

  it('subscribes each listener verb to the event its table names', () => {
    const { transport, subscribed } = recordingTransport();
    const api = buildWyzeApi(transport);
    api.onCamerasChanged(() => undefined);
    api.onSessionChanged(() => undefined);
    expect(subscribed).toEqual([EVENT_VERBS.onCamerasChanged, EVENT_VERBS.onSessionChanged]);
  });

  it('does not compile an implementation that forgets a verb', () => {
    const withoutResetCache: Omit<VerbImplementations, 'resetCache'> = buildWyzeApi(
      recordingTransport().transport,
    );
    // @ts-expect-error -- resetCache is missing: a forgotten verb is a type error
    const incomplete: VerbImplementations = withoutResetCache;
    expect(incomplete).toBe(withoutResetCache);
  });
});
