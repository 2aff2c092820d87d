import { MAX_LIVE_SESSIONS } from '../../common/live';

/**
 * The live sessions main may hold, counted on the page's side: asked for and not yet known to be
 * gone (a stop main has not answered, a start a closed view no longer wants). A new start waits
 * for one of the MAX_LIVE_SESSIONS slots, so main is never asked for a fifth (it would refuse it
 * with LIVE_LIMIT). store/live-sessions.ts takes them, store/live-connection.ts frees them.
 */

/** What a slot is held for: a session of store/live-connection.ts. */
export interface SlotHolder {
  /** The session is over: it takes no slot any more. */
  closed: boolean;
  /** It holds one of the slots. */
  slot: boolean;
}

let slotsInUse = 0;
let slotWaiters: (() => void)[] = [];

/** Waits for a slot for `s`; false when `s` was closed meanwhile (it then holds none). */
export async function takeSlot(s: SlotHolder): Promise<boolean> {
  while (slotsInUse >= MAX_LIVE_SESSIONS && !s.closed) {
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  }
  if (s.closed) return false;
  slotsInUse += 1;
  s.slot = true;
  return true;
}

/** Main no longer holds this session: its slot goes to the starts waiting for one. */
export function freeSlot(s: SlotHolder): void {
  if (!s.slot) return;
  s.slot = false;
  slotsInUse -= 1;
  wakeSlotWaiters();
}

/** Every start waiting for a slot looks again: one is free, or its session was closed. */
export function wakeSlotWaiters(): void {
  const waiting = slotWaiters;
  slotWaiters = [];
  for (const wake of waiting) wake();
}
