import { randomUUID } from 'node:crypto';
import { MAX_LIVE_SESSIONS } from '../../common/live';
import type { LiveCandidate, LiveEnd, LiveEvent, LiveSessionStart } from '../../common/live';
import type { Scheduler } from '../cameras/refresh-pace';
import type { Logger } from '../logging/logger';
import { WyzeError, wyzeError } from '../wyze/errors';
import type { LiveBootstrap } from './bootstrap';
import { candidateFrame, offerFrame, readFrame } from './envelopes';
import { endOf, noAnswerEnd, reconnectDelayMs, statusEnd, MAX_RECONNECT_ATTEMPTS } from './ends';
import type { EndAllReason } from './service';
import type { SocketFactory } from './socket';
import { createBootstrapReuse } from './bootstrap-reuse';
import { waitUnlessEnded } from './session-state';
import type { LiveCamera, Session } from './session-state';

export { BOOTSTRAP_REUSE_MS } from './bootstrap-reuse';

/**
 * The camera's ICE candidates relayed to the page per signalling socket; more are dropped. A
 * camera has a handful (one per interface and relay); a service that floods them would flood the
 * page's IPC and its ICE agent.
 */
export const MAX_CANDIDATES_PER_SOCKET = 64;

/**
 * How long the camera has to answer an offer before the session ends and says so. A camera that
 * never answers would otherwise leave the viewer at "Connecting…" and hold one of the four slots;
 * battery cameras wake to answer, which takes seconds, not this long.
 */
export const ANSWER_TIMEOUT_MS = 20_000;
export type { LiveCamera } from './session-state';

export interface LiveSessionsOptions {
  /** The cameras on main's list now (the page names one by MAC; nothing else is taken from it). */
  cameras: () => readonly LiveCamera[];
  /** get_streams for one camera, mapped to a bootstrap or a typed error (bootstrap.ts). */
  bootstrap: (camera: LiveCamera) => Promise<LiveBootstrap>;
  openSocket: SocketFactory;
  scheduler: Scheduler;
  now: () => number;
  logger: Logger;
  newId?: () => string;
}

const cancelled = (): WyzeError => wyzeError('CANCELLED');

/**
 * Live sessions (docs/protocol.md, "Live view"): each is one camera's bootstrap and signalling
 * socket, relaying the page's offer and candidates to the camera and its answer and candidates
 * back as events. A dropped socket or GO_AWAY reconnects with a fresh bootstrap and backoff; the
 * page's ICE failure restarts once; at most MAX_LIVE_SESSIONS at once.
 */
export function createLiveSessions(opts: LiveSessionsOptions) {
  const { logger, scheduler, now } = opts;
  const newId = opts.newId ?? randomUUID;
  const sessions = new Map<string, Session>();
  const listeners = new Set<(event: LiveEvent) => void>();
  const reuse = createBootstrapReuse({ bootstrap: opts.bootstrap, now });

  function emit(event: LiveEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        logger.error('a live event listener failed', { err });
      }
    }
  }

  function sessionOf(sessionId: string): Session {
    const session = sessions.get(sessionId);
    if (!session) throw wyzeError('LIVE_SESSION_UNKNOWN');
    return session;
  }

  function dropSocket(session: Session): void {
    stopAnswerWait(session);
    session.generation++;
    session.open = false;
    session.socket?.close();
    session.socket = null;
  }

  function stopAnswerWait(session: Session): void {
    session.answerWait?.();
    session.answerWait = null;
  }

  function end(session: Session, why: LiveEnd, announce = true): void {
    if (session.lifetime.signal.aborted) return;
    session.lifetime.abort();
    dropSocket(session);
    sessions.delete(session.id);
    logger.info('live session ended', { model: session.camera.model, code: why.code });
    if (announce) emit({ sessionId: session.id, kind: 'ended', end: why });
  }

  /** Opens the session's signalling socket; resolves once it is open. */
  function openSocket(session: Session, url: string): Promise<void> {
    dropSocket(session);
    session.candidates = 0;
    const generation = session.generation;
    const current = (): boolean =>
      generation === session.generation && !session.lifetime.signal.aborted;
    return new Promise<void>((resolve, reject) => {
      let opened = false;
      session.lifetime.signal.addEventListener('abort', () => reject(cancelled()), { once: true });
      try {
        session.socket = opts.openSocket(url, {
          onOpen: () => {
            if (!current()) return;
            opened = true;
            session.open = true;
            resolve();
          },
          onMessage: (text) => {
            if (current()) onFrame(session, text);
          },
          onClose: (why) => {
            if (!current()) return;
            session.open = false;
            session.socket = null;
            if (!opened) reject(wyzeError('SIGNALLING_FAILED', { detail: why }));
            else void reconnect(session, 'The connection to the camera dropped.');
          },
        });
      } catch (err) {
        reject(wyzeError('SIGNALLING_FAILED', { detail: String((err as Error).name) }));
      }
    });
  }

  /**
   * A bootstrap (reused when allowed and fresh enough) and an open socket; answers the ICE
   * servers. A reused bootstrap whose socket will not open is replaced by a fresh one once.
   */
  async function connect(session: Session, fresh: boolean): Promise<LiveBootstrap> {
    const kept = fresh ? null : reuse.reusable(session.camera.mac);
    const bootstrap = kept ?? (await reuse.fresh(session.camera));
    if (session.lifetime.signal.aborted) throw cancelled();
    try {
      await openSocket(session, bootstrap.signallingUrl);
      return bootstrap;
    } catch (err) {
      if (!kept || session.lifetime.signal.aborted) throw err;
      reuse.forget(session.camera.mac);
      return connect(session, true);
    }
  }

  function onFrame(session: Session, text: string): void {
    const frame = readFrame(text);
    switch (frame.kind) {
      case 'answer':
        stopAnswerWait(session);
        session.attempts = 0; // the camera answered: the connection works again
        emit({ sessionId: session.id, kind: 'answer', sdp: frame.sdp });
        return;
      case 'candidate':
        if (++session.candidates > MAX_CANDIDATES_PER_SOCKET) {
          if (session.candidates === MAX_CANDIDATES_PER_SOCKET + 1) {
            logger.warn('the signalling service sent too many candidates; the rest are dropped');
          }
          return;
        }
        emit({ sessionId: session.id, kind: 'candidate', candidate: frame.candidate });
        return;
      case 'go-away':
        void reconnect(session, 'The signalling service asked the app to reconnect.');
        return;
      case 'reconnect-ice-server':
        void reconnect(session, 'The relay servers changed.');
        return;
      case 'status':
        if (!/^2\d\d$/.test(frame.statusCode)) end(session, statusEnd(frame));
        return;
      case 'invalid':
        logger.debug('a signalling frame was not understood and was dropped', { why: frame.why });
        return;
      case 'ignored':
        return;
    }
  }

  /** A fresh bootstrap and socket after backoff, a few times, then `ended`; never rejects. */
  async function reconnect(session: Session, firstReason: string): Promise<void> {
    if (session.renewing || session.lifetime.signal.aborted) return;
    session.renewing = true;
    dropSocket(session);
    let reason = firstReason;
    try {
      for (;;) {
        session.attempts++;
        if (session.attempts > MAX_RECONNECT_ATTEMPTS) {
          end(session, endOf(wyzeError('SIGNALLING_FAILED')));
          return;
        }
        logger.info('live signalling reconnecting', { attempt: session.attempts, reason });
        emit({ sessionId: session.id, kind: 'reconnecting', attempt: session.attempts, reason });
        const delay = reconnectDelayMs(session.attempts);
        if (!(await waitUnlessEnded(scheduler, session.lifetime.signal, delay))) return;
        try {
          const bootstrap = await connect(session, true);
          session.renewing = false;
          emit({ sessionId: session.id, kind: 'ready', iceServers: bootstrap.iceServers });
          return;
        } catch (err) {
          if (session.lifetime.signal.aborted) return;
          const why = endOf(err);
          if (why.code !== 'SIGNALLING_FAILED' && why.code !== 'NETWORK') return end(session, why);
          reason = why.message;
        }
      }
    } catch (err) {
      logger.error('live reconnect failed', { err });
      end(session, endOf(err));
    } finally {
      session.renewing = false;
    }
  }

  /** Ends every session with `cause`'s reason; an account change forgets reusable bootstraps. */
  function endEvery(cause: EndAllReason | WyzeError): void {
    if (cause !== 'window-closed' && cause !== 'stopped') {
      reuse.forgetAll();
    }
    for (const session of [...sessions.values()]) end(session, endOf(cause));
  }

  return {
    async start(mac: string): Promise<LiveSessionStart> {
      const camera = opts.cameras().find((c) => c.mac === mac);
      if (!camera) throw new WyzeError('INVALID_ARGUMENT', 'That camera is not on your list.');
      if (!camera.isCamera) throw wyzeError('LIVE_NOT_SUPPORTED');
      if (sessions.size >= MAX_LIVE_SESSIONS) throw wyzeError('LIVE_LIMIT');
      const session: Session = {
        id: newId(),
        camera,
        socket: null,
        open: false,
        renewing: false,
        restarted: false,
        attempts: 0,
        candidates: 0,
        answerWait: null,
        generation: 0,
        lifetime: new AbortController(),
      };
      sessions.set(session.id, session);
      try {
        const bootstrap = await connect(session, false);
        // Ended between the socket opening and this answer (a sign-out): the id is already gone.
        if (session.lifetime.signal.aborted) throw cancelled();
        return { sessionId: session.id, iceServers: bootstrap.iceServers };
      } catch (err) {
        const endedElsewhere = session.lifetime.signal.aborted;
        end(session, endOf(err), false);
        throw endedElsewhere ? cancelled() : err;
      }
    },

    sendOffer(sessionId: string, sdp: string): void {
      const session = sessionOf(sessionId);
      // An offer made before a reconnect is for a connection the page is replacing.
      if (!session.open || !session.socket) return;
      session.socket.send(offerFrame(sdp));
      stopAnswerWait(session);
      session.answerWait = scheduler.schedule(() => {
        session.answerWait = null;
        end(session, noAnswerEnd());
      }, ANSWER_TIMEOUT_MS);
    },

    sendCandidate(sessionId: string, candidate: LiveCandidate): void {
      const session = sessionOf(sessionId);
      if (session.open) session.socket?.send(candidateFrame(candidate));
    },

    async restart(sessionId: string): Promise<void> {
      const session = sessionOf(sessionId);
      if (session.restarted) {
        end(session, {
          code: 'NETWORK',
          message:
            'The video connection to the camera failed again after a restart. Check the ' +
            'network, then start watching the camera again.',
        });
        return;
      }
      session.restarted = true;
      if (session.renewing) return; // a reconnect is already making a fresh socket
      session.renewing = true;
      try {
        const bootstrap = await connect(session, true);
        session.renewing = false;
        emit({ sessionId, kind: 'ready', iceServers: bootstrap.iceServers });
      } catch (err) {
        session.renewing = false;
        if (session.lifetime.signal.aborted) return;
        const why = endOf(err);
        if (why.code === 'SIGNALLING_FAILED' || why.code === 'NETWORK') {
          await reconnect(session, why.message);
        } else end(session, why);
      }
    },

    stop(sessionId: string): void {
      end(sessionOf(sessionId), { code: 'stopped', message: 'Live view was closed.' });
    },

    /** Ends every session: sign-out, the window closing, quitting. */
    endAll: (reason: EndAllReason): void => endEvery(reason),
    endEvery,

    /**
     * Adds a listener; the function it answers removes it. When the last listener leaves (the
     * preview's page reloaded or crashed and its event stream closed), every session ends: no one
     * can hear their answers any more, and each would hold a socket and a slot until quit.
     */
    onEvent(listener: (event: LiveEvent) => void): () => void {
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0 || sessions.size === 0) return;
        logger.info('live sessions ended: no page is listening', { count: sessions.size });
        endEvery('window-closed');
      };
    },

    /** How many sessions are open or starting (for tests and the bench). */
    count: (): number => sessions.size,
  };
}

export type LiveSessions = ReturnType<typeof createLiveSessions>;
