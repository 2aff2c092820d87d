import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Logger } from '../logging/logger';

/** The secrets of one signed-in session. The password is never part of it (security S14). */
export interface StoredSession {
  email: string;
  accessToken: string;
  refreshToken: string;
  keyId: string;
  apiKey: string;
}

const storedSessionSchema = z
  .object({
    email: z.string(),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    keyId: z.string().min(1),
    apiKey: z.string().min(1),
  })
  .strict();

export interface SecretStore {
  /** 'keychain' keeps secrets across launches; 'memory' only for this run (security S13). */
  readonly kind: 'keychain' | 'memory';
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

/** The part of keytar this app uses. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

const ACCOUNT = 'session';

/** Secrets for this run only: used when no keychain works, and for the demo account. */
export function createMemoryStore(): SecretStore {
  let value: StoredSession | null = null;
  return {
    kind: 'memory',
    load: async () => (value ? { ...value } : null),
    save: async (session) => {
      value = { ...session };
    },
    clear: async () => {
      value = null;
    },
  };
}

/** Secrets in the OS keychain (macOS Keychain, Windows Credential Vault, Secret Service). */
export function createKeychainStore(
  keytar: KeytarLike,
  service: string,
  logger: Logger,
): SecretStore {
  return {
    kind: 'keychain',
    async load() {
      const text = await keytar.getPassword(service, ACCOUNT);
      if (!text) return null;
      try {
        const parsed = storedSessionSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // fall through: an unreadable entry is dropped below
      }
      logger.warn('dropping an unreadable keychain entry');
      await keytar.deletePassword(service, ACCOUNT);
      return null;
    },
    save: (session) => keytar.setPassword(service, ACCOUNT, JSON.stringify(session)),
    async clear() {
      for (const { account } of await keytar.findCredentials(service)) {
        await keytar.deletePassword(service, account);
      }
    },
  };
}

/** Loads @github/keytar lazily, so a missing native module means "no keychain", not a crash. */
export function loadKeytar(): KeytarLike | null {
  try {
    const require = createRequire(import.meta.url);
    return require('@github/keytar') as KeytarLike;
  } catch {
    return null;
  }
}

/**
 * The keychain when it answers, otherwise memory with the user told (security S13). Never a
 * file: secrets are not written in plaintext "because the keychain failed".
 */
export async function openSecretStore(opts: {
  service: string;
  logger: Logger;
  keytar?: KeytarLike | null;
}): Promise<SecretStore> {
  const keytar = opts.keytar === undefined ? loadKeytar() : opts.keytar;
  if (!keytar) {
    opts.logger.warn('keychain module unavailable; secrets kept in memory for this run');
    return createMemoryStore();
  }
  try {
    await keytar.findCredentials(opts.service);
    return createKeychainStore(keytar, opts.service, opts.logger);
  } catch (err) {
    opts.logger.warn('keychain unavailable; secrets kept in memory for this run', { err });
    return createMemoryStore();
  }
}
