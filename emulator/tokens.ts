import { randomBytes, randomUUID } from 'node:crypto';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

interface Grant {
  email: string;
  userId: string;
  expiresAt: number;
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Issues and checks tokens the way the service does (docs/protocol.md, "Tokens and refresh"):
 * access tokens expire, refresh tokens rotate on every use and a used or revoked one answers 2002.
 */
export class TokenBook {
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();

  constructor(
    private readonly opts: {
      accessTtlSeconds: number;
      refreshTtlSeconds: number;
      style: 'jwt' | 'lvtx';
      now: () => number;
    },
  ) {}

  private mint(email: string, userId: string, ttlSeconds: number): string {
    if (this.opts.style === 'lvtx') return `lvtx.${randomBytes(48).toString('base64')}`;
    const createdAt = Math.floor(this.opts.now() / 1000);
    const header = b64url({ alg: 'RS256', typ: 'JWT' });
    const payload = b64url({
      iss: 'https://auth.wyze.com',
      aud: ['oauth2-resource'],
      user_id: userId,
      user_name: email,
      scope: ['native'],
      created_at: createdAt,
      exp: createdAt + ttlSeconds,
      authorities: ['USER'],
      jti: randomUUID(),
      client_id: 'wyze_developer_api',
    });
    return `${header}.${payload}.${randomBytes(64).toString('base64url')}`;
  }

  issue(email: string, userId: string): TokenPair {
    const now = this.opts.now();
    const pair = {
      access_token: this.mint(email, userId, this.opts.accessTtlSeconds),
      refresh_token: this.mint(email, userId, this.opts.refreshTtlSeconds),
    };
    this.access.set(pair.access_token, {
      email,
      userId,
      expiresAt: now + this.opts.accessTtlSeconds * 1000,
    });
    this.refresh.set(pair.refresh_token, {
      email,
      userId,
      expiresAt: now + this.opts.refreshTtlSeconds * 1000,
    });
    return pair;
  }

  /** The e-mail of the account a live access token belongs to, or null. */
  checkAccess(token: string): string | null {
    const grant = this.access.get(token);
    if (!grant) return null;
    if (grant.expiresAt <= this.opts.now()) {
      this.access.delete(token);
      return null;
    }
    return grant.email;
  }

  /** Exchanges a refresh token for a new pair; the old refresh token is spent either way. */
  rotate(refreshToken: string): TokenPair | null {
    const grant = this.refresh.get(refreshToken);
    if (!grant) return null;
    this.refresh.delete(refreshToken);
    if (grant.expiresAt <= this.opts.now()) return null;
    return this.issue(grant.email, grant.userId);
  }

  /** Makes every access token of an account answer 2001 from now on. */
  expireAccess(email: string): number {
    return this.dropWhere(this.access, email);
  }

  /** Makes every refresh token of an account answer 2002 from now on. */
  revokeRefresh(email: string): number {
    return this.dropWhere(this.refresh, email);
  }

  private dropWhere(map: Map<string, Grant>, email: string): number {
    let dropped = 0;
    for (const [token, grant] of map) {
      if (grant.email.toLowerCase() === email.toLowerCase()) {
        map.delete(token);
        dropped++;
      }
    }
    return dropped;
  }
}
