import { describe, expect, it } from 'vitest';
import { fakeClock } from '../test-helpers';
import { SIGNED_PARAMS, SignalUrlSigner, doubleEncode } from './signed-url';

const ORIGIN = 'http://127.0.0.1:4321';
const MAC = 'GW_GC1_7C78B2A1B2C3';

function issued(clock = fakeClock()) {
  const signer = new SignalUrlSigner(clock.now, 300);
  const url = signer.issue(ORIGIN, MAC);
  const target = url.slice('ws://127.0.0.1:4321'.length);
  return { signer, url, target, clock };
}

/** Replaces one parameter's raw (encoded) value in a request target. */
const withParam = (target: string, name: string, value: string): string =>
  target.replace(new RegExp(`([?&]${name}=)[^&]*`), `$1${value}`);

describe('signalling URLs', () => {
  it('are ws: URLs on the emulator, Kinesis-shaped, that verify and name their camera', () => {
    const { signer, url, target } = issued();
    expect(
      url.startsWith('ws://127.0.0.1:4321/kvs/?X-Amz-ChannelARN=arn%3Aaws%3Akinesisvideo%3A'),
    ).toBe(true);
    const names = [...new URL(url).searchParams.keys()];
    expect(names).toEqual([...SIGNED_PARAMS, 'X-Amz-Signature']);
    expect(url).toMatch(
      /X-Amz-Credential=ASIA[0-9A-F]{16}%2F\d{8}%2Fus-west-2%2Fkinesisvideo%2Faws4_request/,
    );
    const verdict = signer.verify(target);
    expect(verdict).toEqual({
      ok: true,
      grant: { mac: MAC, clientId: new URL(url).searchParams.get('X-Amz-ClientId') },
    });
  });

  it.each(SIGNED_PARAMS.map((name) => [name]))('a changed %s is refused', (name) => {
    const { signer, target } = issued();
    const original = new URLSearchParams(target.split('?')[1]).get(name) ?? '';
    const tampered = withParam(target, name, encodeURIComponent(`${original}x`));
    expect(tampered).not.toBe(target);
    expect(signer.verify(tampered)).toMatchObject({ ok: false });
  });

  it.each(SIGNED_PARAMS.map((name) => [name]))('a URL without %s is refused', (name) => {
    const { signer, target } = issued();
    const without = target.replace(new RegExp(`${name}=[^&]*&`), '');
    expect(signer.verify(without)).toMatchObject({ ok: false });
  });

  it.each([
    ['a changed signature', (t: string) => t.replace(/.$/, (c) => (c === '0' ? '1' : '0'))],
    ['no signature', (t: string) => t.replace(/&X-Amz-Signature=.*$/, '')],
    ['a parameter after the signature', (t: string) => `${t}&X-Amz-Extra=1`],
    ['the same query decoded', (t: string) => decodeURIComponent(t)],
    ['the ARN decoded', (t: string) => t.replace(/%3A/g, ':')],
    ['lowercase escapes', (t: string) => t.replace(/%2F/g, '%2f')],
    ['another path', (t: string) => t.replace('/kvs/', '/kvs/other/')],
  ])('%s is refused', (_label, change) => {
    const { signer, target } = issued();
    expect(signer.verify(change(target))).toMatchObject({ ok: false });
  });

  it('a URL signed by another emulator run is refused', () => {
    const { target, clock } = issued();
    expect(new SignalUrlSigner(clock.now).verify(target)).toMatchObject({ ok: false });
  });

  it('expires X-Amz-Expires seconds after X-Amz-Date, by the emulator clock', () => {
    const { signer, target, clock } = issued();
    clock.advance(300_000);
    expect(signer.verify(target)).toMatchObject({ ok: true });
    clock.advance(1000);
    expect(signer.verify(target)).toEqual({ ok: false, reason: 'expired' });
  });

  it('double encoding adds exactly one layer: one decode gives the signed URL back', () => {
    const { signer, url } = issued();
    const doubled = doubleEncode(url);
    expect(doubled).toContain('%253A');
    expect(decodeURIComponent(doubled)).toBe(url);
    const target = decodeURIComponent(doubled).slice('ws://127.0.0.1:4321'.length);
    expect(signer.verify(target)).toMatchObject({ ok: true });
    // Used as it comes, the doubled URL does not verify.
    expect(signer.verify(doubled.slice('ws://127.0.0.1:4321'.length))).toMatchObject({
      ok: false,
    });
  });
});
