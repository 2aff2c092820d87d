import { CHANNELS, schemas } from '../../common/ipc';
import type { Channel, Request, Responses } from '../../common/ipc';
import type { Result } from '../../common/result';
import type { Logger } from '../logging/logger';
import { WyzeError, wyzeError } from '../wyze/errors';

/** Who sent an IPC message, as far as main can tell. */
export interface SenderInfo {
  /** The sending frame's URL; null when the frame is gone. */
  url: string | null;
  isMainFrame: boolean;
}

export type Handlers = {
  [C in Channel]: (arg: Request<C>) => Promise<Responses[C]> | Responses[C];
};

const KNOWN = new Set<string>(Object.values(CHANNELS));

/**
 * The one `handle()` path every channel goes through (security S9, S10): the sender must be the
 * app's own main frame, the argument must match the channel's strict schema, and whatever
 * happens the caller gets a Result, never a thrown error or a stack trace.
 */
export function createIpcRouter(opts: {
  handlers: Handlers;
  isTrustedSender: (sender: SenderInfo) => boolean;
  logger: Logger;
}) {
  const { handlers, logger } = opts;

  async function dispatch(
    sender: SenderInfo,
    channel: string,
    arg: unknown,
  ): Promise<Result<unknown>> {
    if (!KNOWN.has(channel)) {
      return { ok: false, error: wyzeError('INVALID_ARGUMENT').toDto() };
    }
    if (!opts.isTrustedSender(sender)) {
      logger.warn('IPC from an untrusted sender refused', { channel });
      return { ok: false, error: wyzeError('INVALID_ARGUMENT').toDto() };
    }
    const name = channel as Channel;
    const parsed = schemas[name].safeParse(arg);
    if (!parsed.success) {
      return { ok: false, error: wyzeError('INVALID_ARGUMENT').toDto() };
    }
    try {
      const handler = handlers[name] as (a: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof WyzeError) return { ok: false, error: err.toDto() };
      logger.error('IPC handler failed', { channel, err });
      return { ok: false, error: wyzeError('INTERNAL').toDto() };
    }
  }

  return { dispatch, channels: [...KNOWN] as Channel[] };
}

export type IpcRouter = ReturnType<typeof createIpcRouter>;
