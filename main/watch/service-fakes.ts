import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CameraListView, DeviceDto, SessionView } from '../../common/view';
import { emptyCameraList } from '../../common/view';
import { toDto } from '../cameras/inventory';
import { fakeDevice } from '../cameras/inventory-fakes';
import { createLogger } from '../logging/logger';
import { fakeClock } from './fake-clock';
import { createWatchService } from './service';
import type { WatchServiceOptions } from './service';
import type { Notice } from './types';

export const T0 = 1_800_000_000_000;

/** A camera as the list has it; `patch` sets any field. */
export function camera(mac: string, name: string, patch: Partial<DeviceDto> = {}): DeviceDto {
  return { ...toDto(fakeDevice(mac, name)), firmware: '4.36.1', ...patch };
}

/** A session and a camera list the test moves by hand, and a watch service over them. */
export async function watchHarness(extra: Partial<WatchServiceOptions> & { dir?: string } = {}) {
  const dir = extra.dir ?? (await mkdtemp(join(tmpdir(), 'wyzecam-watch-')));
  const clock = fakeClock(T0);
  let session: SessionView = {
    status: 'starting',
    email: null,
    demo: false,
    persistence: 'memory',
    hasStoredApiKey: false,
    mfa: null,
    error: null,
  };
  let list: CameraListView = emptyCameraList();
  let keyId: string | null = 'key-id-1234';
  const sessionListeners = new Set<(v: SessionView) => void>();
  const listListeners = new Set<(v: CameraListView) => void>();
  const shown: { notice: Notice; click: () => void }[] = [];
  /** How many times the notifications on screen were taken back. */
  const dismissed = { count: 0 };
  const service = await createWatchService({
    userDataDir: dir,
    logger: createLogger({ sink: () => undefined }),
    session: {
      view: () => session,
      apiKeyId: () => keyId,
      onChange: (l) => {
        sessionListeners.add(l);
        return () => sessionListeners.delete(l);
      },
    },
    inventory: {
      view: () => list,
      onChange: (l) => {
        listListeners.add(l);
        return () => listListeners.delete(l);
      },
    },
    notifier: {
      show: (notice, click) => shown.push({ notice, click }),
      dismissAll: () => {
        dismissed.count++;
      },
    },
    scheduler: clock.scheduler,
    now: clock.now,
    ...extra,
  });
  const setSession = (patch: Partial<SessionView>): void => {
    session = { ...session, ...patch };
    for (const l of sessionListeners) l(session);
  };
  return {
    dir,
    clock,
    service,
    shown,
    dismissed,
    setKeyId: (id: string | null) => (keyId = id),
    setSession,
    signIn: (email = 'me@example.com', demo = false) =>
      setSession({ status: 'signedIn', email, demo }),
    /** A fresh list from the cloud, fetched now (a millisecond later than the last one at least). */
    async list(devices: DeviceDto[]): Promise<void> {
      if (list.fetchedAt === clock.now()) clock.advance(1);
      list = { ...list, devices, fetchedAt: clock.now(), stale: false, error: null };
      for (const l of listListeners) l(list);
      await service.settled();
    },
  };
}
