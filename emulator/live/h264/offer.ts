/**
 * Picks the H.264 payload a viewer's SDP offer proposes that this camera can send: constrained
 * baseline (profile-level-id 42e01f or 42001f; RFC 6184 section 8.1) with packetization-mode=1 (FU-A).
 */

/** An H.264 payload type found in an offer. */
export interface OfferedH264 {
  readonly payloadType: number;
  /** The offer's profile-level-id, lower case. */
  readonly profileLevelId: string;
  /** The offer's whole fmtp parameter string, as written. */
  readonly fmtp: string;
}

/** The error message when an offer has nothing this camera can send. */
export const NO_H264_MESSAGE =
  'the offer has no H.264 (constrained baseline, packetization-mode 1)';

const ACCEPTED_PROFILES = new Set(['42e01f', '42001f']);

function fmtpParameters(fmtp: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const part of fmtp.split(';')) {
    const [key, value] = part.split('=', 2);
    if (key && value !== undefined) parameters.set(key.trim().toLowerCase(), value.trim());
  }
  return parameters;
}

/**
 * The first acceptable H.264 payload type in the order of the first video m-line that has one,
 * or undefined. Never throws on malformed SDP.
 */
export function findOfferedH264(sdp: string): OfferedH264 | undefined {
  const sections = sdp.split(/\r?\n(?=m=)/);
  for (const section of sections) {
    const lines = section.split(/\r?\n/);
    const mLine = /^m=video \d+ [A-Z/]+ ([\d ]+)$/.exec(lines[0]?.trim() ?? '');
    if (!mLine?.[1]) continue;
    const order = mLine[1].trim().split(/\s+/).map(Number);
    const h264 = new Set<number>();
    const fmtps = new Map<number, string>();
    for (const line of lines) {
      const rtpmap = /^a=rtpmap:(\d+) H264\/90000\s*$/i.exec(line);
      if (rtpmap?.[1]) h264.add(Number(rtpmap[1]));
      const fmtp = /^a=fmtp:(\d+) (.*)$/.exec(line.trimEnd());
      if (fmtp?.[1] && fmtp[2] !== undefined) fmtps.set(Number(fmtp[1]), fmtp[2]);
    }
    for (const payloadType of order) {
      if (!h264.has(payloadType)) continue;
      const fmtp = fmtps.get(payloadType) ?? '';
      const parameters = fmtpParameters(fmtp);
      const profileLevelId = parameters.get('profile-level-id')?.toLowerCase() ?? '';
      if (parameters.get('packetization-mode') === '1' && ACCEPTED_PROFILES.has(profileLevelId)) {
        return { payloadType, profileLevelId, fmtp };
      }
    }
  }
  return undefined;
}

/** The error message when an offer lacks what any WebRTC connection needs. */
export const NO_SECURITY_MESSAGE = 'the offer has no ICE credentials or DTLS fingerprint';

/**
 * True when the offer carries ICE credentials and a DTLS fingerprint (RFC 8839, RFC 8122); werift
 * accepts an offer without them and then never connects.
 */
export function hasIceAndDtls(sdp: string): boolean {
  return [/^a=ice-ufrag:\S+/m, /^a=ice-pwd:\S+/m, /^a=fingerprint:\S+ \S+/m].every((line) =>
    line.test(sdp),
  );
}
