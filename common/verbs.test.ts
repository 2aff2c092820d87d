import { describe, expect, expectTypeOf, it } from 'vitest';
import { CHANNELS, EVENTS } from './channels';
import type { Channel, EventChannel } from './channels';
import { EVENT_VERBS, VERBS, verbTable } from './verbs';
import type { TargetsWithoutOneVerb, Verb } from './verbs';

describe('verb tables derived from the contract', () => {
  it('give every channel exactly one verb, and every event one listener verb', () => {
    const channels = Object.values(VERBS);
    expect([...channels].sort()).toEqual(Object.values(CHANNELS).sort());
    expect(new Set(channels).size).toBe(channels.length);
    expect(Object.values(EVENT_VERBS).sort()).toEqual(Object.values(EVENTS).sort());
    expectTypeOf<TargetsWithoutOneVerb<typeof VERBS, Channel>>().toBeNever();
    expectTypeOf<TargetsWithoutOneVerb<typeof EVENT_VERBS, EventChannel>>().toBeNever();
    expectTypeOf<(typeof VERBS)[Verb]>().toEqualTypeOf<Channel>();
  });

  it('do not compile when a channel has no verb, or two', () => {
    const withoutResetCache: Omit<typeof VERBS, 'resetCache'> = VERBS;
    // @ts-expect-error -- cameras:reset-cache has no verb: forgetting one is a type error
    verbTable<Channel>()(withoutResetCache);
    expectTypeOf<
      TargetsWithoutOneVerb<typeof withoutResetCache, Channel>
    >().toEqualTypeOf<'cameras:reset-cache'>();

    const doubled = { ...VERBS, refresh: CHANNELS.refreshCameras } as const;
    // @ts-expect-error -- cameras:refresh has two verbs
    verbTable<Channel>()(doubled);
    expectTypeOf<
      TargetsWithoutOneVerb<typeof doubled, Channel>
    >().toEqualTypeOf<'cameras:refresh'>();

    // @ts-expect-error -- a verb must name a real channel
    verbTable<Channel>()({ ...VERBS, teleport: 'cameras:teleport' });
  });
});
