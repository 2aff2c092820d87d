import type { SessionView } from '../../common/view';
import { WyzeError, wyzeError } from '../wyze/errors';

export type SessionStatus = SessionView['status'];

export const SESSION_STATUSES = [
  'starting',
  'signedOut',
  'signingIn',
  'mfa',
  'signedIn',
  'expired',
] as const satisfies readonly SessionStatus[];

/** Everything that can be asked of the session. Each runs alone, in call order (session.ts). */
export const SESSION_ACTIONS = [
  'init',
  'signIn',
  'sendMfaCode',
  'verifyMfa',
  'cancelSignIn',
  'signOut',
  'startDemo',
  'shutdown',
] as const;

export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** Why an action is refused in a status; each maps to one typed error below. */
export type Refusal =
  | 'starting'
  | 'started'
  | 'signInInProgress'
  | 'alreadySignedIn'
  | 'finishMfaFirst'
  | 'noChallenge'
  | 'nothingToCancel';

const REFUSALS: Record<Refusal, () => WyzeError> = {
  starting: () => new WyzeError('INVALID_ARGUMENT', 'The app is still starting. Try again.'),
  started: () => new WyzeError('INVALID_ARGUMENT', 'The session has already started.'),
  signInInProgress: () => new WyzeError('INVALID_ARGUMENT', 'A sign-in is already in progress.'),
  alreadySignedIn: () =>
    new WyzeError('INVALID_ARGUMENT', 'You are already signed in. Sign out first.'),
  finishMfaFirst: () =>
    new WyzeError(
      'INVALID_ARGUMENT',
      'Finish or cancel the two-step verification before signing in again.',
    ),
  noChallenge: () => wyzeError('NOT_SIGNED_IN'),
  nothingToCancel: () => new WyzeError('INVALID_ARGUMENT', 'There is no sign-in to cancel.'),
};

/** An allowed action lists every status it may leave the session in, on success or failure. */
export type Rule = { to: readonly SessionStatus[] } | { refused: Refusal };

const to = (...statuses: SessionStatus[]): Rule => ({ to: statuses });
const no = (refused: Refusal): Rule => ({ refused });

/**
 * The session's state table: for each status, what each action does. A refused action throws
 * its typed error and changes nothing. A failed sign-in goes back to the status it started
 * from, which is why those statuses are in its `to` list.
 *
 * `signingIn` exists only while a sign-in (signIn, startDemo) runs, so its row says what happens
 * to an action *arriving* then: another sign-in is refused at once; signOut, cancelSignIn and
 * shutdown interrupt it (its requests are cancelled and it falls back) and then run.
 */
export const SESSION_TABLE: Record<SessionStatus, Record<SessionAction, Rule>> = {
  starting: {
    init: to('signedOut', 'signedIn'),
    signIn: no('starting'),
    sendMfaCode: no('starting'),
    verifyMfa: no('starting'),
    cancelSignIn: no('starting'),
    signOut: no('starting'),
    startDemo: no('starting'),
    shutdown: to('starting'),
  },
  signedOut: {
    init: no('started'),
    signIn: to('signedIn', 'mfa', 'signedOut'),
    sendMfaCode: no('noChallenge'),
    verifyMfa: no('noChallenge'),
    cancelSignIn: no('nothingToCancel'),
    signOut: to('signedOut'),
    startDemo: to('signedIn', 'signedOut'),
    shutdown: to('signedOut'),
  },
  signingIn: {
    init: no('started'),
    signIn: no('signInInProgress'),
    sendMfaCode: no('noChallenge'),
    verifyMfa: no('noChallenge'),
    cancelSignIn: to('signedOut', 'expired'),
    signOut: to('signedOut', 'expired'),
    startDemo: no('signInInProgress'),
    shutdown: to('signedOut', 'expired'),
  },
  mfa: {
    init: no('started'),
    signIn: no('finishMfaFirst'),
    sendMfaCode: to('mfa'),
    verifyMfa: to('signedIn', 'mfa', 'signedOut', 'expired'),
    cancelSignIn: to('signedOut', 'expired'),
    signOut: to('signedOut'),
    startDemo: no('finishMfaFirst'),
    shutdown: to('mfa'),
  },
  signedIn: {
    init: no('started'),
    signIn: no('alreadySignedIn'),
    sendMfaCode: no('noChallenge'),
    verifyMfa: no('noChallenge'),
    cancelSignIn: no('nothingToCancel'),
    // Ending the demo goes back to an expired real session when there is one.
    signOut: to('signedOut', 'expired'),
    startDemo: no('alreadySignedIn'),
    shutdown: to('signedIn'),
  },
  expired: {
    init: no('started'),
    signIn: to('signedIn', 'mfa', 'expired'),
    sendMfaCode: no('noChallenge'),
    verifyMfa: no('noChallenge'),
    cancelSignIn: no('nothingToCancel'),
    signOut: to('signedOut', 'expired'),
    startDemo: to('signedIn', 'expired'),
    shutdown: to('expired'),
  },
};

/** The typed error the table gives `action` in `status`, or null when it is allowed. */
export function refusalOf(status: SessionStatus, action: SessionAction): WyzeError | null {
  const rule = SESSION_TABLE[status][action];
  return 'refused' in rule ? REFUSALS[rule.refused]() : null;
}

/**
 * The statuses `action` may lead to from `status`.
 * @throws WyzeError (INVALID_ARGUMENT or NOT_SIGNED_IN) when the table refuses the action.
 */
export function allowedOutcomes(
  status: SessionStatus,
  action: SessionAction,
): readonly SessionStatus[] {
  const rule = SESSION_TABLE[status][action];
  if ('refused' in rule) throw REFUSALS[rule.refused]();
  return rule.to;
}
