import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../emulator/demo-account';
import { startDemoCloud } from './demo';
import type { DemoCloud } from './session/session';

let demo: DemoCloud | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

describe('the demo cloud', () => {
  it("signs in with the demo world's first account", async () => {
    demo = await startDemoCloud();
    expect(demo.credentials).toEqual(DEMO_ACCOUNT);
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['GET', 'world'],
    ['GET', 'outbox'],
    ['POST', 'devices/update'],
    ['POST', 'tokens/revoke'],
  ])('exposes no control API: %s /__emulator/%s answers 404', async (method, action) => {
    demo = await startDemoCloud();
    const res = await fetch(`${demo.url}/__emulator/${action}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify({ email: DEMO_ACCOUNT.email }) : undefined,
    });
    expect(res.status).toBe(404);
  });
});
