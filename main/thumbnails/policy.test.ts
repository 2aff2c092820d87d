import { describe, expect, it } from 'vitest';
import { refuseThumbnailUrl } from './policy';

const S3 = 'https://camplus-usw2.s3.us-west-2.amazonaws.com/D03F272CE3D5/a.jpg?X-Amz-Expires=1200';

describe('thumbnail URL allow-list (security S8)', () => {
  it.each([
    ['a camplus bucket', S3],
    ['a camera bucket', 'https://camera-usw2.s3.us-west-2.amazonaws.com/GW_GC1_X/a_-1.jpg?X=1'],
    ['another region of the same buckets', 'https://camplus-use1.s3.us-east-1.amazonaws.com/a.jpg'],
    ['upper-case host', 'https://CAMPLUS-USW2.S3.US-WEST-2.AMAZONAWS.COM/a.jpg'],
    ['the Momento cache', 'https://api.cache.cell-us-west-2-1.prod.a.momentohq.com/x?token=y'],
  ])('allows %s', (_what, url) => {
    expect(refuseThumbnailUrl(url, { allowLoopback: false })).toBeNull();
  });

  it.each([
    ['plain http to S3', S3.replace('https:', 'http:'), 'scheme'],
    ['another bucket on S3', 'https://evil-bucket.s3.us-west-2.amazonaws.com/a.jpg', 'host'],
    ['path-style S3', 'https://s3.us-west-2.amazonaws.com/camplus-usw2/a.jpg', 'host'],
    [
      'a look-alike suffix',
      'https://camplus-usw2.s3.us-west-2.amazonaws.com.evil.example/a',
      'host',
    ],
    ['a look-alike domain', 'https://camplus-usw2.s3.us-west-2.amazonaws.co/a.jpg', 'host'],
    ['a trailing dot', 'https://camplus-usw2.s3.us-west-2.amazonaws.com./a.jpg', 'host'],
    ['momento as a prefix', 'https://momentohq.com.evil.example/a', 'host'],
    ['momento bare domain look-alike', 'https://evilmomentohq.com/a', 'host'],
    ['userinfo', 'https://user:pw@camplus-usw2.s3.us-west-2.amazonaws.com/a.jpg', 'credentials'],
    [
      'userinfo hiding the real host',
      `https://${'camplus-usw2.s3.us-west-2.amazonaws.com'}@evil.example/`,
      'credentials',
    ],
    ['a port', 'https://camplus-usw2.s3.us-west-2.amazonaws.com:8443/a.jpg', 'port'],
    ['file', 'file:///etc/passwd', 'scheme'],
    ['data', 'data:image/png;base64,AAAA', 'scheme'],
    ['not a URL', 'not a url', 'unparseable'],
    ['too long', `${S3}&pad=${'a'.repeat(5000)}`, 'unparseable'],
    ['loopback when not allowed', 'http://127.0.0.1:8080/a.jpg', 'host'],
    ['an IP address', 'https://52.218.0.1/a.jpg', 'host'],
    ['a private address', 'http://192.168.1.1/a.jpg', 'scheme'],
  ])('refuses %s', (_what, url, why) => {
    expect(refuseThumbnailUrl(url, { allowLoopback: false })).toBe(why);
  });

  it('allows loopback over http only when asked (the emulator)', () => {
    const url = 'http://127.0.0.1:41234/thumbnails/ABC.jpg?X-Amz-Signature=1';
    expect(refuseThumbnailUrl(url, { allowLoopback: true })).toBeNull();
    expect(refuseThumbnailUrl('http://localhost:1/a', { allowLoopback: true })).toBeNull();
    expect(refuseThumbnailUrl('http://[::1]:1/a', { allowLoopback: true })).toBeNull();
    expect(refuseThumbnailUrl('http://127.0.0.2/a', { allowLoopback: true })).toBe('scheme');
    expect(refuseThumbnailUrl('ftp://127.0.0.1/a', { allowLoopback: true })).toBe('scheme');
  });
});
