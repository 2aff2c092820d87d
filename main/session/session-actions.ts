import type { Logger } from '../logging/logger';
import { createSerialQueue } from './serial-queue';
import { allowedOutcomes, refusalOf } from './state-table';
import type { SessionAction, SessionStatus } from './state-table';

export type SignInKind = 'signIn' | 'startDemo';

/**
 * How session actions run: one at a time, in call order, each only when the state table
 * allows it (README.md, "One action at a time"). A sign-in carries an AbortSignal that
 * `interrupt()` aborts.
 */
export function createSessionActions(opts: {
  status: () => SessionStatus;
  logger: Logger;
  /** Cancels the running sign-in's requests (called by `interrupt()`). */
  onInterrupt: () => void;
}) {
  const queue = createSerialQueue();
  /** Sign-ins queued or running: one more is refused at once. */
  let signInsPending = 0;
  let running: { abort: AbortController; kind: SignInKind } | null = null;

  /**
   * Runs `job` in its turn, once the table allows `action` in the status found then. While a
   * sign-in runs, the table's `signingIn` row answers at once instead. A refused action throws
   * its typed error and changes nothing.
   */
  function perform<T>(action: SessionAction, job: () => Promise<T>): Promise<T> {
    const refusedNow = running ? refusalOf('signingIn', action) : null;
    if (refusedNow) return Promise.reject(refusedNow);
    return queue.run(async () => {
      const from = opts.status();
      const outcomes = allowedOutcomes(from, action);
      try {
        return await job();
      } finally {
        const to = opts.status();
        if (!outcomes.includes(to)) {
          opts.logger.error('session change outside its table', { action, from, to });
        }
      }
    });
  }

  /** A sign-in: refused at once while another is queued or running; interruptible. */
  function performSignIn<T>(kind: SignInKind, job: (abort: AbortSignal) => Promise<T>): Promise<T> {
    if (signInsPending > 0) return Promise.reject(refusalOf('signingIn', kind));
    signInsPending++;
    return perform(kind, async () => {
      const current = { abort: new AbortController(), kind };
      running = current;
      try {
        return await job(current.abort.signal);
      } finally {
        running = null;
      }
    }).finally(() => {
      signInsPending--;
    });
  }

  return {
    perform,
    performSignIn,
    /**
     * Aborts the sign-in running now, if any (it then falls back to the status it started
     * from). Returns which kind it was, or null when none was running.
     */
    interrupt(): SignInKind | null {
      if (!running) return null;
      running.abort.abort();
      opts.onInterrupt();
      return running.kind;
    },
    /** Resolves with `answer()` once every action queued so far has finished. */
    afterPending: <T>(answer: () => T): Promise<T> => queue.run(async () => answer()),
  };
}
