import { createHash } from 'node:crypto';

/** Lowercase hex MD5 of a UTF-8 string. */
export const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

/**
 * md5(md5(md5(password))): what the auth host compares the `password` field with
 * (docs/protocol.md, "Sign-in and API keys").
 */
export const tripleMd5 = (s: string): string => md5(md5(md5(s)));
