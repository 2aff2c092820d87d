import type { WyzeDevice } from '../../common/device';
import type { SessionView } from '../../common/view';
import type { DeviceList } from '../wyze/normalise';
import type { RateLimitStatus } from '../wyze/ratelimit';
import type { CachedList } from './cache';
import type { InventorySession, Scheduler } from './inventory';

/** A promise with its resolve and reject in hand, so a test decides when a step finishes. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A camera as the client returns it, with every optional field empty. */
export function fakeDevice(mac: string, name: string): WyzeDevice {
  return {
    mac,
    name,
    model: 'WYZE_CAKP2JFUS',
    modelName: 'Wyze Cam v3',
    modelKnown: true,
    productType: 'Camera',
    isCamera: true,
    online: true,
    statusChangedAt: null,
    poweredOn: true,
    lanIp: null,
    publicIp: null,
    ssid: null,
    firmware: null,
    hardware: null,
    thumbnail: null,
    battery: null,
    parentMac: null,
    shared: false,
    owner: null,
    timezone: { name: null, gmtOffsetHours: null },
  };
}

/**
 * A session the test moves by hand, whose client answers `listDevices` from a queue of
 * deferreds (or at once with `devices` when none is queued).
 */
export function fakeSession(initial: Partial<SessionView> = {}) {
  let view: SessionView = {
    status: 'signedOut',
    email: null,
    demo: false,
    persistence: 'memory',
    hasStoredApiKey: false,
    mfa: null,
    error: null,
    ...initial,
  };
  const listeners = new Set<(view: SessionView) => void>();
  const pendingLists: ReturnType<typeof deferred<DeviceList>>[] = [];
  const state = { devices: [fakeDevice('2CAA8E4F1A01', 'Front door')], listCalls: 0 };
  const client = {
    listDevices(): Promise<DeviceList> {
      state.listCalls++;
      const next = pendingLists.shift();
      return next ? next.promise : Promise.resolve({ devices: state.devices, skipped: 0 });
    },
    rateLimitStatus: (): RateLimitStatus[] => [],
  };
  const session: InventorySession = {
    view: () => view,
    client: () => client,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    session,
    state,
    /** Holds the next listDevices call until the test resolves the returned deferred. */
    holdNextList() {
      const d = deferred<DeviceList>();
      pendingLists.push(d);
      return d;
    },
    set(patch: Partial<SessionView>): void {
      view = { ...view, ...patch };
      for (const listener of listeners) listener(view);
    },
  };
}

/** An in-memory camera cache; `holdNext('load' | 'save')` makes that call wait for the test. */
export function fakeCache(initial: CachedList | null = null) {
  let stored: CachedList | null = initial;
  type Held = { gate: Promise<undefined>; started: () => void };
  const held: Record<'load' | 'save', Held[]> = { load: [], save: [] };
  const calls: string[] = [];
  async function pass(op: 'load' | 'save'): Promise<void> {
    calls.push(op);
    const hold = held[op].shift();
    if (!hold) return;
    hold.started();
    await hold.gate;
  }
  return {
    calls,
    stored: () => stored,
    /** Holds the next `op` until `release()`; `started` resolves when that call begins. */
    holdNext(op: 'load' | 'save') {
      const gate = deferred<undefined>();
      const started = deferred<undefined>();
      held[op].push({ gate: gate.promise, started: () => started.resolve(undefined) });
      return { started: started.promise, release: () => gate.resolve(undefined) };
    },
    cache: {
      async load(email: string): Promise<CachedList | null> {
        await pass('load');
        return stored && stored.email === email ? stored : null;
      },
      async save(list: CachedList): Promise<void> {
        await pass('save');
        stored = list;
      },
      async clear(): Promise<void> {
        calls.push('clear');
        stored = null;
      },
    },
  };
}

/** A scheduler that never fires on its own. */
export const idleScheduler: Scheduler = { schedule: () => () => undefined };
