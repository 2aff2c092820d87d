import { describe, expect, it } from 'vitest';
import type { WatchEvent } from '../../common/watch';
import { camera, watchHarness } from './service-fakes';

const MIN = 60_000;

// Nothing of one account's watch may reach another: no notification about its cameras, and no
// timer of its session left running (docs/security.md, S26).
describe('watch service: one account after another', () => {
  it('shows nothing of the account before when another signs in while its camera was waiting out the delay', async () => {
    const h = await watchHarness();
    h.signIn('one@example.com');
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { online: false })]); // waits the 5 minutes
    h.clock.advance(MIN);
    h.setSession({ status: 'expired' });
    h.signIn('two@example.com');
    h.clock.advance(10 * MIN); // before (or without) a list of the new account
    expect(h.shown).toEqual([]);
    expect(h.clock.pending()).toBe(0);
  });

  it('a notification clicked after its account signed out does not ask to show its camera', async () => {
    const h = await watchHarness();
    h.signIn('one@example.com');
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { firmware: '9' })]);
    h.clock.advance(0);
    const events: WatchEvent[] = [];
    h.service.onEvent((e) => events.push(e));
    h.setSession({ status: 'signedOut', email: null });
    await h.service.settled();
    h.signIn('two@example.com');
    h.shown[0]?.click();
    expect(h.shown).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'focus-camera')).toEqual([]);
  });

  it('takes back the notifications on screen at sign-out and when another account signs in', async () => {
    const h = await watchHarness();
    h.signIn('one@example.com');
    expect(h.dismissed.count).toBe(0);
    h.setSession({ status: 'expired' });
    h.signIn('one@example.com');
    expect(h.dismissed.count).toBe(0); // the same account: its notifications stay
    h.setSession({ status: 'expired' });
    h.signIn('two@example.com');
    expect(h.dismissed.count).toBe(1);
    h.setSession({ status: 'signedOut', email: null });
    expect(h.dismissed.count).toBe(2);
  });

  it('keeps the wait when the same account signs in again after its session expired', async () => {
    const h = await watchHarness();
    h.signIn('one@example.com');
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { online: false })]);
    h.clock.advance(MIN);
    h.setSession({ status: 'expired' });
    h.signIn('One@Example.com');
    h.clock.advance(10 * MIN);
    expect(h.shown.map((s) => s.notice.title)).toEqual(['Door went offline']);
  });

  it('leaves no timer running after sign-out', async () => {
    const h = await watchHarness();
    h.signIn();
    h.service.pauseNotifications(h.clock.now() + 60 * MIN);
    await h.list([camera('A', 'Door'), camera('B', 'Yard')]);
    await h.list([camera('A', 'Door', { online: false }), camera('B', 'Yard', { firmware: '9' })]);
    h.setSession({ status: 'signedOut', email: null });
    await h.service.settled();
    expect(h.clock.pending()).toBe(0);
    expect(h.service.state().pausedUntil).toBeNull();
  });
});

describe('watch service: quitting', () => {
  it('stop() leaves no timer running and shows nothing more, and keeps what was recorded', async () => {
    const h = await watchHarness();
    h.signIn();
    h.service.pauseNotifications(h.clock.now() + 60 * MIN);
    h.service.pauseNotifications(null);
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { online: false })]);
    h.service.pauseNotifications(h.clock.now() + 60 * MIN);
    h.service.stop();
    expect(h.clock.pending()).toBe(0);
    await h.list([camera('A', 'Door', { online: false, firmware: '9' })]);
    h.clock.advance(10 * MIN);
    expect(h.shown).toEqual([]);
    expect(h.clock.pending()).toBe(0);
    await h.service.flushed();
    expect(
      (await h.service.listActivity({ mac: null, kinds: [], before: null, limit: 50 })).total,
    ).toBe(2);
  });
});
