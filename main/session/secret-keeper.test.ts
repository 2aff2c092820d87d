import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import type { LogRecord } from '../logging/logger';
import { createSecretKeeper } from './secret-keeper';
import { createKeychainStore } from './secret-store';
import type { KeytarLike, StoredSession } from './secret-store';

const SERVICE = 'Wyzecam test';
const session = (accessToken: string): StoredSession => ({
  email: 'someone@example.com',
  accessToken,
  refreshToken: `refresh-${accessToken}`,
  keyId: 'key-id',
  apiKey: 'api-key',
});

/** A keytar stand-in backed by a Map, whose setPassword / findCredentials can be made to fail. */
function fakeKeytar(failures: { setPassword?: number[]; findCredentials?: boolean } = {}) {
  const entries = new Map<string, string>();
  let sets = 0;
  const keytar: KeytarLike = {
    getPassword: async (_service, account) => entries.get(account) ?? null,
    async setPassword(_service, account, password) {
      sets += 1;
      if (failures.setPassword?.includes(sets)) throw new Error('keychain locked');
      entries.set(account, password);
    },
    deletePassword: async (_service, account) => entries.delete(account),
    async findCredentials() {
      if (failures.findCredentials) throw new Error('no Secret Service');
      return [...entries].map(([account, password]) => ({ account, password }));
    },
  };
  return { keytar, entries };
}

function setup(keytar: KeytarLike) {
  const records: LogRecord[] = [];
  const logger = createLogger({ sink: (record) => records.push(record) });
  let fallbacks = 0;
  const keeper = createSecretKeeper({
    store: createKeychainStore(keytar, SERVICE, logger),
    logger,
    onMemoryFallback: () => {
      fallbacks += 1;
    },
  });
  return { keeper, records, fallbacks: () => fallbacks };
}

describe('createSecretKeeper (docs/security.md, S13, S15)', () => {
  it('after one refused keychain write, sign-out still empties the keychain', async () => {
    const { keytar, entries } = fakeKeytar({ setPassword: [2] });
    const { keeper, fallbacks } = setup(keytar);
    await keeper.save(session('first'));
    await keeper.save(session('refreshed')); // refused: the keychain keeps 'first'
    expect(fallbacks()).toBe(1);
    expect(keeper.kind()).toBe('memory');
    expect(entries.size).toBe(1);

    await keeper.clear();

    expect(entries.size).toBe(0);
    expect(await keeper.load()).toBeNull();
  });

  it('clears memory even when the keychain cannot be cleared, and logs the failure', async () => {
    const { keytar } = fakeKeytar({ setPassword: [1], findCredentials: true });
    const { keeper, records } = setup(keytar);
    await keeper.save(session('only'));
    expect(keeper.kind()).toBe('memory');

    await keeper.clear();

    expect(await keeper.load()).toBeNull();
    expect(records.map((r) => r.message)).toContain('could not clear the keychain store');
  });

  it('with a working keychain, sign-out clears it', async () => {
    const { keytar, entries } = fakeKeytar();
    const { keeper } = setup(keytar);
    await keeper.save(session('only'));
    expect(entries.size).toBe(1);
    await keeper.clear();
    expect(entries.size).toBe(0);
  });
});
