/**
 * The API key's age, for the reminder that Wyze API keys last a year. Only a SHA-256 of the key
 * ID is kept (docs/security.md, S26): enough to tell "the same key as before", useless to anyone
 * reading the file.
 */
import { createHash } from 'node:crypto';
import { API_KEY_REMIND_AFTER_DAYS } from '../../common/watch';
import type { ApiKeyAge } from '../../common/watch';
import type { ApiKeyRecord } from './watch-file';

const DAY_MS = 86_400_000;

/** The hex SHA-256 of a key ID. */
export const keyIdSha256 = (keyId: string): string =>
  createHash('sha256').update(keyId, 'utf8').digest('hex');

/**
 * The record for the key in use: the one kept when it is the same key, otherwise a new one that
 * starts now. null when there is no key ID (nothing to remember).
 */
export function apiKeyRecordFor(
  kept: ApiKeyRecord | null,
  keyId: string | null,
  now: number,
): ApiKeyRecord | null {
  if (!keyId) return kept;
  const hash = keyIdSha256(keyId);
  return kept?.keyIdSha256 === hash ? kept : { keyIdSha256: hash, firstUsedAt: now };
}

/** How old the key is in whole days, and whether to remind (from API_KEY_REMIND_AFTER_DAYS). */
export function apiKeyAge(record: ApiKeyRecord, now: number): ApiKeyAge {
  const ageDays = Math.max(0, Math.floor((now - record.firstUsedAt) / DAY_MS));
  return { firstUsedAt: record.firstUsedAt, ageDays, remind: ageDays >= API_KEY_REMIND_AFTER_DAYS };
}
