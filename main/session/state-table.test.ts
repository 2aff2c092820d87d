import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../common/view';
import { WyzeError } from '../wyze/errors';
import type { SessionService } from './session';
import { SESSION_ACTIONS, SESSION_STATUSES, SESSION_TABLE, refusalOf } from './state-table';
import type { SessionAction, SessionStatus } from './state-table';
import { gate, startTestCloud, testSession } from './test-session';
import type { Gate, TestCloud } from './test-session';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the session state table', () => {
  it('has a rule for every (status, action): a typed refusal or a non-empty list of outcomes', () => {
    for (const status of SESSION_STATUSES) {
      for (const action of SESSION_ACTIONS) {
        const rule = SESSION_TABLE[status][action];
        if ('refused' in rule) {
          const error = refusalOf(status, action);
          expect(error).toBeInstanceOf(WyzeError);
          expect(error?.message.length).toBeGreaterThan(10);
        } else {
          expect(rule.to.length).toBeGreaterThan(0);
          expect(refusalOf(status, action)).toBeNull();
        }
      }
    }
  });
});

/** Each way to put a fresh session into a status, including the demo as signed in. */
const SITUATIONS: {
  name: string;
  status: SessionStatus;
  reach(session: SessionService, login: Gate): Promise<void>;
}[] = [
  { name: 'starting', status: 'starting', reach: async () => undefined },
  { name: 'signedOut', status: 'signedOut', reach: (s) => s.init().then(() => undefined) },
  {
    name: 'signingIn',
    status: 'signingIn',
    async reach(s, login) {
      await s.init();
      const pending = s.signIn(cloud.account).catch(() => undefined);
      cleanups.push(async () => {
        login.open();
        await pending;
      });
      await login.reached;
    },
  },
  {
    name: 'mfa',
    status: 'mfa',
    async reach(s, login) {
      await s.init();
      login.open();
      await s.signIn(cloud.mfaAccount);
    },
  },
  {
    name: 'signedIn',
    status: 'signedIn',
    async reach(s, login) {
      await s.init();
      login.open();
      await s.signIn(cloud.account);
    },
  },
  {
    name: 'signedIn (demo)',
    status: 'signedIn',
    async reach(s, login) {
      await s.init();
      login.open();
      await s.startDemo();
    },
  },
  {
    name: 'expired',
    status: 'expired',
    async reach(s, login) {
      await s.init();
      login.open();
      await s.signIn(cloud.account);
      cloud.emulator.state.tokens.revokeRefresh(cloud.account.email);
      cloud.emulator.state.tokens.expireAccess(cloud.account.email);
      await s
        .client()
        .listDevices()
        .catch(() => undefined);
    },
  },
];

const ACT: Record<SessionAction, (s: SessionService) => Promise<unknown>> = {
  init: (s) => s.init(),
  signIn: (s) => s.signIn(cloud.account),
  sendMfaCode: (s) => s.sendMfaCode('email'),
  verifyMfa: (s) => s.verifyMfa('totp', '000000'),
  cancelSignIn: (s) => s.cancelSignIn(),
  signOut: (s) => s.signOut(),
  startDemo: (s) => s.startDemo(),
  shutdown: (s) => s.shutdown(),
};

const CASES = SITUATIONS.flatMap((situation) =>
  SESSION_ACTIONS.map((action) => ({ situation, action })),
);

describe('the session follows its table', () => {
  it.each(CASES.map((c) => [c.situation.name, c.action, c] as const))(
    '%s + %s',
    async (_name, _action, { situation, action }) => {
      const login = gate();
      const made = await testSession(cloud, { holdLogin: login });
      cleanups.push(() => made.close());
      const { session } = made;
      await situation.reach(session, login);
      expect(session.view().status).toBe(situation.status);
      // Only a sign-in in progress is held at the gate; every other action gets prompt answers.
      if (situation.status !== 'signingIn') login.open();

      const before: SessionView = session.view();
      const failure = await ACT[action](session).then(
        () => null,
        (err: unknown) => err,
      );
      const refusal = refusalOf(situation.status, action);
      if (refusal) {
        // Refused: its typed error, and not a thing changed.
        expect(failure).toBeInstanceOf(WyzeError);
        expect(failure).toMatchObject({ code: refusal.code, message: refusal.message });
        expect(session.view()).toEqual(before);
      } else {
        const rule = SESSION_TABLE[situation.status][action];
        expect('to' in rule && rule.to).toContain(session.view().status);
      }
    },
  );
});
