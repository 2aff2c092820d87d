import { z } from 'zod';
import { EVENT_KINDS } from '../events/catalog';
import { devicePatchSchema } from '../state';
import type { EmulatorState } from '../state';

/**
 * The loopback control API tests and the demo use to change a running world
 * (a camera goes offline, firmware or IP changes, a token is revoked, faults switch on).
 * Everything here is also callable in-process on EmulatorState.
 */
export interface ControlReply {
  status: number;
  body: unknown;
}

const emailBody = z.object({ email: z.string() }).strict();
const deviceBody = z
  .object({ mac: z.string(), email: z.string().optional(), patch: devicePatchSchema })
  .strict();
const faultsBody = z.object({ faults: z.array(z.unknown()) }).strict();
const liveFaultsBody = z.object({ mac: z.string(), faults: z.unknown() }).strict();
const liveDropBody = z.object({ mac: z.string().optional() }).strict();
const addEventBody = z
  .object({
    mac: z.string(),
    kind: z.enum(EVENT_KINDS).optional(),
    at: z.number().int().nonnegative().optional(),
  })
  .strict();

export function control(
  state: EmulatorState,
  method: string,
  action: string,
  body: unknown,
): ControlReply {
  try {
    if (method === 'GET' && action === 'outbox') return { status: 200, body: state.outbox };
    if (method === 'GET' && action === 'stats') {
      return { status: 200, body: Object.fromEntries(state.requestCounts) };
    }
    if (method === 'GET' && action === 'live/sockets') {
      return { status: 200, body: state.liveSockets?.counts() ?? {} };
    }
    if (method === 'GET' && action === 'world') {
      return {
        status: 200,
        body: {
          name: state.world.name,
          accounts: state.world.accounts.map((a) => ({
            email: a.email,
            devices: a.devices.length,
          })),
        },
      };
    }
    if (method !== 'POST') return { status: 405, body: { error: 'use POST' } };
    switch (action) {
      case 'devices/update': {
        const { mac, email, patch } = deviceBody.parse(body);
        return { status: 200, body: state.updateDevice(mac, patch, email) };
      }
      case 'tokens/expire':
        return {
          status: 200,
          body: { expired: state.tokens.expireAccess(emailBody.parse(body).email) },
        };
      case 'tokens/revoke':
        return {
          status: 200,
          body: { revoked: state.tokens.revokeRefresh(emailBody.parse(body).email) },
        };
      case 'faults':
        return { status: 200, body: state.setFaults(faultsBody.parse(body).faults) };
      case 'live/faults': {
        const { mac, faults } = liveFaultsBody.parse(body);
        return { status: 200, body: state.setLiveFaults(mac, faults) };
      }
      case 'live/drop':
        return {
          status: 200,
          body: { dropped: state.liveSockets?.drop(liveDropBody.parse(body).mac) ?? 0 },
        };
      case 'events/add': {
        const { mac, kind, at } = addEventBody.parse(body);
        const device = state.findDevice(mac);
        if (device?.productType !== 'Camera') throw new Error(`no camera ${mac}`);
        const event = state.events.add(device, at ?? state.now(), kind);
        return { status: 200, body: { event_id: event.id, event_ts: event.at, kind: event.kind } };
      }
      default:
        return { status: 404, body: { error: `unknown control action ${action}` } };
    }
  } catch (err) {
    const message =
      err instanceof z.ZodError
        ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : (err as Error).message;
    return { status: 400, body: { error: message } };
  }
}
