import { createHash } from 'node:crypto';

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

/**
 * md5(md5(md5(password))) as lowercase hex, what the auth host expects (docs/protocol.md,
 * "Sign-in and API keys"). Never trimmed.
 */
export const hashPassword = (password: string): string => md5(md5(md5(password)));
