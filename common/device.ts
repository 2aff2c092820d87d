/**
 * The app's one device type. Both device-list shapes the cloud has used (the current object list
 * and the legacy device_info_list) are normalised into it by main/wyze/normalise.ts.
 * A field the cloud did not report is null: the app never invents a value.
 */
export interface WyzeDevice {
  /** The cloud's device id: 12 hex digits for Wi-Fi devices, other forms for sensors and GW_* models. */
  mac: string;
  /** The user's nickname for the device ("" when it has none). */
  name: string;
  /** Product model code, e.g. WYZE_CAKP2JFUS. */
  model: string;
  /** Marketed name (e.g. "Wyze Cam v3"), or the code when the model is unknown to us. */
  modelName: string;
  modelKnown: boolean;
  /** The cloud's product_type, e.g. "Camera", "Plug", "BaseStation". */
  productType: string;
  isCamera: boolean;
  /** true online, false offline, null when the cloud did not say. */
  online: boolean | null;
  /** Epoch ms of the last online/offline change, when reported. */
  statusChangedAt: number | null;
  /** false when the camera is on but in privacy mode ("off" in the Wyze app). */
  poweredOn: boolean | null;
  lanIp: string | null;
  publicIp: string | null;
  ssid: string | null;
  firmware: string | null;
  hardware: string | null;
  thumbnail: { url: string; takenAt: number | null } | null;
  /** Battery level in percent, for battery-powered devices. */
  battery: number | null;
  /** MAC of the base station or hub this device hangs off, if any. */
  parentMac: string | null;
  /** true when another account owns the device and shared it with this one. */
  shared: boolean;
  /** The owner's account e-mail as the cloud reports it. */
  owner: string | null;
  timezone: { name: string | null; gmtOffsetHours: number | null };
}

/** The signed-in account as the cloud describes it. */
export interface WyzeAccount {
  email: string | null;
  nickname: string | null;
  userId: string | null;
}

/** How an account may prove a second factor. */
export type MfaMethod = 'totp' | 'sms' | 'email';
