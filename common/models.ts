/**
 * Wyze product model codes and their marketed names, from the evidence in docs/protocol.md,
 * "Device list" (where sources disagree, the name most sources or the captures support wins).
 */
export interface ModelInfo {
  name: string;
  /** The product family the model belongs to, as the cloud's product_type usually says. */
  family: 'camera' | 'other';
}

const camera = (name: string): ModelInfo => ({ name, family: 'camera' });
const other = (name: string): ModelInfo => ({ name, family: 'other' });

export const MODELS: Readonly<Record<string, ModelInfo>> = Object.freeze({
  WYZEC1: camera('Wyze Cam v1'),
  'WYZEC1-JZ': camera('Wyze Cam v2'),
  WYZE_CAKP2JFUS: camera('Wyze Cam v3'),
  HL_CAM3P: camera('Wyze Cam v3 Pro'),
  HL_CAM4: camera('Wyze Cam v4'),
  WYZECP1_JEF: camera('Wyze Cam Pan'),
  HL_PAN2: camera('Wyze Cam Pan v2'),
  HL_PAN3: camera('Wyze Cam Pan v3'),
  HL_PANP: camera('Wyze Cam Pan Pro'),
  HL_PAN4: camera('Wyze Cam Pan v4'),
  GW_DUO: camera('Wyze Cam Pan Duo'),
  ME_WCO3: camera('Wyze Solar Cam Pan'),
  HL_CFL2: camera('Wyze Cam Floodlight v2'),
  LD_CFP: camera('Wyze Cam Floodlight Pro'),
  WVOD1: camera('Wyze Cam Outdoor'),
  HL_WCO2: camera('Wyze Cam Outdoor v2'),
  AN_RSCW: camera('Wyze Battery Cam Pro'),
  WYZEDB3: camera('Wyze Video Doorbell'),
  HL_DB2: camera('Wyze Video Doorbell v2'),
  GW_BE1: camera('Wyze Video Doorbell Pro'),
  AN_RDB1: camera('Wyze Video Doorbell Pro 2'),
  GW_DBD: camera('Wyze Video Doorbell Duo'),
  GW_GC1: camera('Wyze Cam OG'),
  GW_GC2: camera('Wyze Cam OG Telephoto 3x'),
  GW_WC: camera('Wyze Window Cam'),
  HL_BC: camera('Wyze Bulb Cam'),
  WVODB1: other('Wyze Cam Outdoor Base Station'),
  WLPA19: other('Wyze Bulb'),
  HL_HWB2: other('Wyze Bulb White v2'),
  WLPA19C: other('Wyze Bulb Color'),
  HL_BR30C: other('Wyze Bulb Color BR30'),
  HL_A19C2: other('Wyze Bulb Color v2'),
  HL_LSL: other('Wyze Light Strip'),
  HL_LSLP: other('Wyze Light Strip Pro'),
  WLPP1: other('Wyze Plug'),
  WLPP1CFH: other('Wyze Plug'),
  WLPPO: other('Wyze Plug Outdoor'),
  'WLPPO-SUB': other('Wyze Plug Outdoor outlet'),
  LD_SS1: other('Wyze Light Switch'),
  DWS3U: other('Wyze Sense Contact Sensor'),
  DWS2U: other('Wyze Sense Contact Sensor v2'),
  PIR3U: other('Wyze Sense Motion Sensor'),
  PIR2U: other('Wyze Sense Motion Sensor v2'),
  WS3U: other('Wyze Leak Sensor'),
  TH3U: other('Wyze Temperature & Humidity Sensor'),
  GW3U: other('Wyze Sense Hub'),
  CHIME: other('Wyze Chime'),
  'YD.LO1': other('Wyze Lock'),
  'YD.GW1': other('Wyze Lock Gateway'),
  YD_BT1: other('Wyze Lock Bolt'),
  CO_EA1: other('Wyze Thermostat'),
  CO_TH1: other('Wyze Thermostat Room Sensor'),
  CO_AP1: other('Wyze Air Purifier'),
  JA_RO2: other('Wyze Robot Vacuum'),
  BS_WK1: other('Wyze Sprinkler Controller'),
});

/** The marketed name of a model code, or the code itself (marked unknown) when we have none. */
export function describeModel(code: string): { name: string; known: boolean } {
  const info = Object.hasOwn(MODELS, code) ? MODELS[code] : undefined;
  return info ? { name: info.name, known: true } : { name: code, known: false };
}
