import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { createWyzeClient } from '../wyze/client';
import type { WyzeClient } from '../wyze/client';
import { createDemoSession } from './demo-session';
import type { DemoCloud } from './demo-session';
import { gate, startTestCloud } from './test-session';
import type { Gate, TestCloud } from './test-session';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

const logger = createLogger({ sink: () => undefined });

/** A demo session over the test cloud that counts clouds started and closed. */
function demoOver(opts: { password?: string; holdStart?: Gate; closeFails?: boolean } = {}) {
  const counts = { started: 0, closed: 0 };
  const clients: WyzeClient[] = [];
  const demo = createDemoSession({
    logger,
    async startDemoCloud(): Promise<DemoCloud> {
      counts.started++;
      await opts.holdStart?.wait();
      return {
        url: cloud.emulator.url,
        credentials: { ...cloud.account, password: opts.password ?? cloud.account.password },
        close: async () => {
          counts.closed++;
          if (opts.closeFails) throw new Error('port already closed');
        },
      };
    },
    createClient(baseUrls) {
      const client = createWyzeClient({ baseUrls, phoneId: crypto.randomUUID(), appVersion: 't' });
      clients.push(client);
      return client;
    },
  });
  return { demo, counts, clients };
}

describe('the demo session never leaves a cloud running', () => {
  it('start signs in to its cloud; end signs out and closes it', async () => {
    const { demo, counts } = demoOver();
    const { client, email } = await demo.start();
    expect(email).toBe(cloud.account.email);
    expect(client.isSignedIn()).toBe(true);
    expect(demo.client()).toBe(client);
    await demo.end();
    expect(client.isSignedIn()).toBe(false);
    expect(demo.client()).toBeNull();
    expect(counts).toEqual({ started: 1, closed: 1 });
  });

  it('a failed sign-in closes the cloud it started and rethrows the typed error', async () => {
    const { demo, counts } = demoOver({ password: 'not-the-password' });
    await expect(demo.start()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(counts).toEqual({ started: 1, closed: 1 });
    expect(demo.client()).toBeNull();
  });

  it('a cancel while the cloud starts closes it as soon as it is up', async () => {
    const holdStart = gate();
    const { demo, counts } = demoOver({ holdStart });
    const starting = demo.start().then(
      () => null,
      (err: unknown) => err,
    );
    await holdStart.reached;
    demo.cancel();
    holdStart.open();
    expect(await starting).toMatchObject({ code: 'CANCELLED' });
    expect(counts).toEqual({ started: 1, closed: 1 });
  });

  it('starting again ends the running demo first', async () => {
    const { demo, counts, clients } = demoOver();
    await demo.start();
    await demo.start();
    expect(counts).toEqual({ started: 2, closed: 1 });
    expect(clients[0]?.isSignedIn()).toBe(false);
    await demo.end();
    expect(counts).toEqual({ started: 2, closed: 2 });
  });

  it('a cloud that fails to close is logged, and the demo still ends', async () => {
    const { demo, counts } = demoOver({ closeFails: true });
    await demo.start();
    await expect(demo.end()).resolves.toBeUndefined();
    expect(demo.client()).toBeNull();
    expect(counts.closed).toBe(1);
  });
});
