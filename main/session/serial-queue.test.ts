import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial-queue';

/** A job the test finishes by hand, recording when it starts. */
function heldJob(name: string, log: string[]) {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const job = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = () => resolve(name);
      fail = reject;
    });
  return { job, finish: () => finish(), fail: (err: Error) => fail(err) };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('serial queue', () => {
  it('starts a job only after the one before it settled, in call order', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const a = heldJob('a', log);
    const b = heldJob('b', log);
    const first = queue.run(a.job);
    const second = queue.run(b.job);
    await flush();
    expect(log).toEqual(['start a']);
    a.finish();
    expect(await first).toBe('a');
    await flush();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    expect(await second).toBe('b');
  });

  it('a failed job fails its own caller only; the next one still runs', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const a = heldJob('a', log);
    const failed = queue.run(a.job).catch((err: unknown) => err);
    const next = queue.run(async () => 'next');
    await flush();
    a.fail(new Error('boom'));
    expect(await failed).toMatchObject({ message: 'boom' });
    expect(await next).toBe('next');
  });
});
