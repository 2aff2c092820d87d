import { beforeEach, describe, expect, it } from 'vitest';
import { diffCameraLists } from '../../common/camera-delta';
import type { CamerasDelta } from '../../common/camera-delta';
import { device, installFakeBridge, installManualBridge, list, snapshot } from '../test-support';
import { initialState, useStore } from './index';
import { selectCameraCounts, selectCameraOrder, selectDevice } from './selectors';

beforeEach(() => {
  useStore.setState(initialState());
});

const a = device({ mac: 'A', name: 'Yard' });
const b = device({ mac: 'B', name: 'Attic', online: false });
const plug = device({ mac: 'P', name: 'Plug', isCamera: false, productType: 'Plug' });

describe('derived camera data (selectors)', () => {
  it('orders cameras and counts the rest, from the list alone', () => {
    useStore.getState().receiveCameras(snapshot(list([a, b, plug])));
    const state = useStore.getState();
    expect(selectCameraOrder(state)).toEqual(['A', 'B']);
    expect(selectCameraCounts(state)).toEqual({ cameras: 2, online: 1, others: 1 });
    expect(state).not.toHaveProperty('cameraOrder');
  });

  it('return the same arrays and objects for an unchanged list, even from a new snapshot', () => {
    useStore.getState().receiveCameras(snapshot(list([a, b, plug])));
    const first = useStore.getState();
    const order = selectCameraOrder(first);
    const counts = selectCameraCounts(first);
    useStore.getState().receiveCameras(snapshot(list([{ ...a }, { ...b }, { ...plug }])));
    const second = useStore.getState();
    expect(second.list.devices).toBe(first.list.devices);
    expect(selectCameraOrder(second)).toBe(order);
    expect(selectCameraCounts(second)).toBe(counts);
  });

  it('keep the order array when only a device changed, and give that device a new object', () => {
    useStore.getState().receiveCameras(snapshot(list([a, b, plug])));
    const first = useStore.getState();
    const order = selectCameraOrder(first);
    useStore.getState().receiveCameras(snapshot(list([a, { ...b, firmware: '9.9' }, plug])));
    const second = useStore.getState();
    expect(selectDevice('A')(second)).toBe(selectDevice('A')(first));
    expect(selectDevice('B')(second)).not.toBe(selectDevice('B')(first));
    expect(selectCameraOrder(second)).toBe(order);
  });
});

describe('camera events', () => {
  function delta(from: ReturnType<typeof list>, to: ReturnType<typeof list>, base: number) {
    const diff = diffCameraLists(from, to);
    if (!diff) throw new Error('no diff');
    return { kind: 'delta', base, revision: base + 1, ...diff } satisfies CamerasDelta;
  }

  it('apply a delta on the revision it was made from', () => {
    const before = list([a, b]);
    const first = snapshot(before);
    useStore.getState().receiveCameras(first);
    const after = { ...before, devices: [a, { ...b, online: true }], refreshing: true };
    useStore.getState().receiveCameras(delta(before, after, first.revision));
    expect(useStore.getState().list).toEqual(after);
    expect(useStore.getState().listRevision).toBe(first.revision + 1);
  });

  it('ignore an event older than the list shown', () => {
    const older = snapshot(list([a]));
    const newer = snapshot(list([a, b]));
    useStore.getState().receiveCameras(newer);
    useStore.getState().receiveCameras(older);
    expect(useStore.getState().list).toBe(newer.list);
  });

  it('ask main for a snapshot when a delta does not start from the revision shown', async () => {
    const current = snapshot(list([a]));
    const fresh = snapshot(list([a, b]));
    const calls = installFakeBridge({ 'cameras:get': { ok: true, value: fresh } });
    useStore.getState().receiveCameras(current);
    useStore.getState().receiveCameras(delta(list([]), list([b]), current.revision + 5));
    await expect.poll(() => useStore.getState().listRevision).toBe(fresh.revision);
    expect(calls).toEqual([['cameras:get', undefined]]);
    expect(useStore.getState().list.devices.map((d) => d.mac)).toEqual(['A', 'B']);
  });
});

describe('actions', () => {
  it('keep a pending flag per action: two in flight do not share one', async () => {
    const calls = installManualBridge();
    const refresh = useStore.getState().refreshCameras();
    const signOut = useStore.getState().signOut();
    expect(useStore.getState().pending).toMatchObject({ refreshCameras: true, signOut: true });
    expect(calls.map((c) => c.channel)).toEqual(['cameras:refresh', 'session:sign-out']);
    calls[0]?.resolve({ ok: true, value: list([]) });
    await refresh;
    expect(useStore.getState().pending).toMatchObject({ refreshCameras: false, signOut: true });
    calls[1]?.resolve({ ok: true, value: null });
    await signOut;
    expect(Object.values(useStore.getState().pending)).not.toContain(true);
  });

  it('keep the error of a failed action and say whether it was accepted', async () => {
    installFakeBridge({
      'session:sign-in': {
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', message: 'nope' },
      },
    });
    const accepted = await useStore.getState().signIn({ email: 'a@b.c', password: 'x' });
    expect(accepted).toBe(false);
    expect(useStore.getState()).toMatchObject({
      pending: { signIn: false },
      actionError: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('report nothing for an action the user cancelled themselves', async () => {
    installFakeBridge({
      'session:sign-in': { ok: false, error: { code: 'CANCELLED', message: 'cancelled' } },
    });
    expect(await useStore.getState().signIn({ email: 'a@b.c', password: 'x' })).toBe(false);
    expect(useStore.getState().actionError).toBeNull();
  });

  it('turn a bridge that throws into a plain message', async () => {
    Object.defineProperty(window, 'wyze', {
      value: { signOut: () => Promise.reject(new Error('boom at x.ts:1')) },
      configurable: true,
    });
    expect(await useStore.getState().signOut()).toBe(false);
    expect(useStore.getState().actionError?.message).not.toMatch(/boom|x\.ts/);
    expect(useStore.getState().pending.signOut).toBe(false);
  });

  it('leave a failed refresh to the list error that main reports', async () => {
    installFakeBridge({
      'cameras:refresh': { ok: false, error: { code: 'NETWORK', message: 'offline' } },
    });
    expect(await useStore.getState().refreshCameras()).toBe(false);
    expect(useStore.getState().actionError).toBeNull();
  });
});
