import { beforeEach, describe, expect, it } from 'vitest';
import { emptyCameraList } from '../../common/view';
import { device, installFakeBridge, list } from '../test-support';
import { useStore } from './index';

beforeEach(() => {
  useStore.setState({
    byMac: {},
    cameraOrder: [],
    list: emptyCameraList(),
    actionError: null,
    busy: null,
  });
});

describe('cameras slice', () => {
  it('orders cameras, counts the rest, and keeps unchanged devices as the same objects', () => {
    const a = device({ mac: 'A', name: 'Yard' });
    const b = device({ mac: 'B', name: 'Attic', online: false });
    const plug = device({ mac: 'P', name: 'Plug', isCamera: false, productType: 'Plug' });
    useStore.getState().setCameras(list([a, b, plug]));
    const first = useStore.getState();
    expect(first.cameraOrder).toEqual(['A', 'B']);
    expect(first.otherDevices).toBe(1);
    expect(first.onlineCount).toBe(1);

    useStore.getState().setCameras(list([{ ...a }, { ...b, firmware: '9.9' }, plug]));
    const second = useStore.getState();
    expect(second.byMac.A).toBe(first.byMac.A); // same object: its row does not re-render
    expect(second.byMac.B).not.toBe(first.byMac.B);
    expect(second.cameraOrder).toBe(first.cameraOrder);
  });
});

describe('ui slice', () => {
  it('tracks busy state and keeps the error of a failed action', async () => {
    installFakeBridge();
    const run = useStore.getState().run;
    const pending = run('signIn', async () => ({
      ok: false as const,
      error: { code: 'INVALID_CREDENTIALS' as const, message: 'nope' },
    }));
    expect(useStore.getState().busy).toBe('signIn');
    expect(await pending).toBeNull();
    expect(useStore.getState()).toMatchObject({
      busy: null,
      actionError: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('turns a bridge that throws into a plain message', async () => {
    const value = await useStore
      .getState()
      .run(null, () => Promise.reject(new Error('boom at x.ts:1')));
    expect(value).toBeNull();
    expect(useStore.getState().actionError?.message).not.toMatch(/boom|x\.ts/);
  });
});
