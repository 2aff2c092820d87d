import { DEMO_ACCOUNT } from './demo-account';
import type { WorldInput } from './world';

const MODELS = [
  'WYZE_CAKP2JFUS',
  'HL_CAM4',
  'HL_CAM3P',
  'HL_PAN3',
  'WYZEC1-JZ',
  'HL_CFL2',
  'HL_DB2',
  'GW_GC1',
  'AN_RSCW',
  'HL_PANP',
] as const;
const ROOMS = [
  'Front',
  'Back',
  'Garage',
  'Office',
  'Hall',
  'Yard',
  'Dock',
  'Lobby',
  'Aisle',
  'Gate',
];
const MAX_CAMERAS = 5000;

/** A small deterministic PRNG (mulberry32), so a generated world is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A world with one account (the demo credentials) and `cameras` cameras, for scale work:
 * about 8% offline, 3% in privacy mode, every GW_* model without a LAN IP.
 */
export function generateWorld(cameras: number, seed = 2026): WorldInput {
  if (!Number.isInteger(cameras) || cameras < 1 || cameras > MAX_CAMERAS) {
    throw new RangeError(`--cameras takes a whole number from 1 to ${MAX_CAMERAS}`);
  }
  const random = prng(seed);
  const devices = Array.from({ length: cameras }, (_, i) => {
    const model = MODELS[Math.floor(random() * MODELS.length)] ?? 'HL_CAM4';
    const hex = (0x2caa8e000000 + i).toString(16).toUpperCase().padStart(12, '0');
    const mac = model.startsWith('GW_') ? `${model}_${hex}` : hex;
    const roll = random();
    return {
      mac,
      nickname: `${ROOMS[i % ROOMS.length]} ${Math.floor(i / ROOMS.length) + 1}`,
      model,
      firmware: `4.${36 + Math.floor(random() * 20)}.${Math.floor(random() * 12)}.${1000 + Math.floor(random() * 9000)}`,
      online: roll >= 0.08,
      powerOn: roll < 0.08 || roll >= 0.11,
      connStateTs: 1_779_000_000_000 + Math.floor(random() * 600_000_000),
      ip: model.startsWith('GW_') ? null : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      publicIp: '203.0.113.10',
      ssid: `Site ${1 + (i % 7)}`,
      battery: model === 'AN_RSCW' ? Math.floor(random() * 100) : null,
    };
  });
  return {
    name: `generated-${cameras}`,
    accounts: [
      {
        ...DEMO_ACCOUNT,
        userId: '5f0c2b9a8d7e4f6a9b1c3d5e7f9a0b2c',
        nickname: `Generated (${cameras} cameras)`,
        devices,
      },
    ],
  };
}
