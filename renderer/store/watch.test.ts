import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialWatchState } from '../../common/watch';
import type { WatchState } from '../../common/watch';
import { installWatchBridge } from '../features/watch/watch-fakes';
import { device, installManualBridge, list, session } from '../test-support';
import { connectStore } from './events';
import { initialState, useStore } from './index';
import { VIEW_STORAGE_KEY, initialWatch } from './watch';
import { setCameraMuted, setWatchPrefs } from './watch-actions';

const state = (patch: Partial<WatchState> = {}): WatchState => ({
  ...initialWatchState(),
  ...patch,
});

beforeEach(() => {
  window.sessionStorage.clear();
  useStore.setState(initialState());
});
afterEach(() => window.sessionStorage.clear());

describe('watch slice: main’s state', () => {
  it('applies each state main pushes', () => {
    installWatchBridge();
    useStore.getState().receiveWatch({ kind: 'state', state: state({ historyRevision: 3 }) });
    expect(useStore.getState().watch.historyRevision).toBe(3);
  });

  it('drops a read answered after a newer pushed state', async () => {
    const calls = installManualBridge();
    const loading = useStore.getState().loadWatch();
    useStore.getState().receiveWatch({ kind: 'state', state: state({ historyRevision: 7 }) });
    calls[0]?.resolve({ ok: true, value: state({ historyRevision: 6 }) });
    await loading;
    expect(useStore.getState().watch.historyRevision).toBe(7);
  });

  it('connectStore reads the state and follows event:watch', async () => {
    const fake = installWatchBridge(state({ historyRevision: 2 }), [], {
      'session:get': { ok: true, value: session() },
      'cameras:get': { ok: true, value: { kind: 'snapshot', revision: 1, list: list([device()]) } },
    });
    const disconnect = await connectStore();
    await expect.poll(() => useStore.getState().watch.historyRevision).toBe(2);
    fake.emit({ kind: 'state', state: state({ historyRevision: 9 }) });
    expect(useStore.getState().watch.historyRevision).toBe(9);
    disconnect();
    fake.emit({ kind: 'state', state: state({ historyRevision: 10 }) });
    expect(useStore.getState().watch.historyRevision).toBe(9);
  });
});

describe('watch slice: a clicked notification (focus-camera)', () => {
  it('shows the cameras view with that camera’s details', () => {
    installWatchBridge();
    useStore.getState().showView('firmware');
    useStore.getState().receiveWatch({ kind: 'focus-camera', mac: '112233445566' });
    expect(useStore.getState().appView).toBe('cameras');
    expect(useStore.getState().selectedMac).toBe('112233445566');
  });
});

describe('watch slice: the view shown', () => {
  it('survives a reload of the page (kept for the session)', () => {
    installWatchBridge();
    useStore.getState().showView('activity');
    expect(window.sessionStorage.getItem(VIEW_STORAGE_KEY)).toBe('activity');
    expect(initialWatch().appView).toBe('activity');
  });

  it.each(['', 'settings', '{"view":"activity"}', 'ACTIVITY'])(
    'starts on the cameras for a kept value of %j',
    (kept) => {
      window.sessionStorage.setItem(VIEW_STORAGE_KEY, kept);
      expect(initialWatch().appView).toBe('cameras');
    },
  );
});

describe('watch slice: preferences', () => {
  it('applies a change at once and then main’s answer', async () => {
    const fake = installWatchBridge();
    const saving = setWatchPrefs({ notifications: false });
    expect(useStore.getState().watch.prefs.notifications).toBe(false);
    expect(useStore.getState().savingWatchPrefs).toBe(true);
    expect(await saving).toBe(true);
    expect(fake.calls).toContainEqual(['watch:set-prefs', { notifications: false }]);
    expect(useStore.getState().savingWatchPrefs).toBe(false);
  });

  it('puts back what main keeps and says why when main refuses', async () => {
    const fake = installWatchBridge();
    fake.failNext['watch:set-prefs'] = {
      code: 'INTERNAL',
      message: 'Settings could not be saved.',
    };
    expect(await setWatchPrefs({ startAtLogin: true })).toBe(false);
    expect(useStore.getState().watch.prefs.startAtLogin).toBe(false);
    expect(useStore.getState().watchPrefsError?.message).toBe('Settings could not be saved.');
  });

  it('mutes and unmutes one camera, keeping the others', async () => {
    const fake = installWatchBridge(
      state({ prefs: { ...initialWatchState().prefs, mutedMacs: ['AAAAAAAAAAAA'] } }),
    );
    await useStore.getState().loadWatch();
    await setCameraMuted('BBBBBBBBBBBB', true);
    expect(useStore.getState().watch.prefs.mutedMacs).toEqual(['AAAAAAAAAAAA', 'BBBBBBBBBBBB']);
    await setCameraMuted('AAAAAAAAAAAA', false);
    expect(fake.state.prefs.mutedMacs).toEqual(['BBBBBBBBBBBB']);
  });

  it('turns a bridge that throws into a plain message', async () => {
    Object.defineProperty(window, 'wyze', {
      value: { setWatchPrefs: () => Promise.reject(new Error('gone')) },
      configurable: true,
    });
    expect(await setWatchPrefs({ notifications: false })).toBe(false);
    expect(useStore.getState().watchPrefsError?.message).toMatch(/stopped answering/);
  });
});
