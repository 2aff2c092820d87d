import type { CameraStreamSettings, EmulatedCamera } from './camera-types';

/** Makes an emulated camera; the server uses emulator/live/camera.ts, unit tests a fake. */
export type CameraFactory = (settings: CameraStreamSettings) => EmulatedCamera;

interface Entry {
  camera: EmulatedCamera;
  viewers: number;
}

/**
 * The emulated cameras that have viewers, by MAC. A camera is made when its first viewer
 * connects and closed when its last one leaves, so a world of 5,000 cameras costs nothing until
 * someone watches one.
 */
export class CameraRegistry {
  private readonly cameras = new Map<string, Entry>();

  constructor(private readonly factory: CameraFactory) {}

  /** The camera for a MAC, made now with these settings if it has no viewer yet. */
  acquire(mac: string, settings: CameraStreamSettings): EmulatedCamera {
    let entry = this.cameras.get(mac);
    if (!entry) {
      entry = { camera: this.factory(settings), viewers: 0 };
      this.cameras.set(mac, entry);
    }
    entry.viewers++;
    return entry.camera;
  }

  /** One viewer of this camera left; the last one to leave closes it. */
  async release(mac: string): Promise<void> {
    const entry = this.cameras.get(mac);
    if (!entry) return;
    entry.viewers--;
    if (entry.viewers > 0) return;
    this.cameras.delete(mac);
    await entry.camera.close();
  }

  /** The MACs of the cameras running now. */
  running(): string[] {
    return [...this.cameras.keys()];
  }

  /** Closes every camera (the emulator is stopping). */
  async closeAll(): Promise<void> {
    const entries = [...this.cameras.values()];
    this.cameras.clear();
    await Promise.allSettled(entries.map((entry) => entry.camera.close()));
  }
}
