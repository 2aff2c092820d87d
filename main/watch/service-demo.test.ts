import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { camera, watchHarness } from './service-fakes';

const query = { mac: null, kinds: [], before: null, limit: 50 };

describe('watch service: the demo', () => {
  it('keeps its history in memory, apart from the account, and forgets it when it ends', async () => {
    const h = await watchHarness();
    h.signIn('me@example.com');
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { online: false })]);
    await h.service.flushed();
    expect(existsSync(join(h.dir, 'history.jsonl'))).toBe(true);

    h.setSession({ status: 'signedIn', email: 'demo@wyzecam.example', demo: true });
    expect((await h.service.listActivity(query)).total).toBe(0);
    await h.list([camera('D', 'Demo cam')]);
    await h.list([camera('D', 'Demo cam', { name: 'Renamed' })]);
    await h.service.markSeen();
    expect((await h.service.listActivity(query)).records.map((r) => r.macs[0])).toEqual(['D']);

    // Ending the demo goes back to the account's own history and last look.
    h.setSession({ status: 'expired', email: 'me@example.com', demo: false });
    await h.service.settled();
    const page = await h.service.listActivity(query);
    expect(page.records.map((r) => [r.kind, r.macs[0]])).toEqual([['offline', 'A']]);
    expect(h.service.state().unseen.changes).toBe(1);
  });
});
