import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchThumbnail } from './fetch';
import type { FetchLimits } from './fetch';

const URL_OK = 'https://camplus-usw2.s3.us-west-2.amazonaws.com/MAC/a.jpg?X-Amz-Signature=abc';
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9,
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

type Answer = (url: string, init: RequestInit | undefined) => Response | Promise<Response>;

function stubFetch(answer: Answer) {
  const calls: string[] = [];
  const fetch = vi.fn((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    return Promise.resolve(answer(url, init));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const image = (body: Uint8Array, type = 'image/jpeg', headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': type, ...headers } });

const run = (answer: Answer, limits: Partial<FetchLimits> = {}, url = URL_OK) => {
  const stub = stubFetch(answer);
  return {
    ...stub,
    result: fetchThumbnail(url, { fetch: stub.fetch, policy: { allowLoopback: false }, limits }),
  };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('thumbnail fetcher limits', () => {
  it('returns a JPEG and a PNG with their sniffed types', async () => {
    await expect(run(() => image(JPEG)).result).resolves.toMatchObject({ type: 'image/jpeg' });
    await expect(run(() => image(PNG, 'image/png')).result).resolves.toMatchObject({
      type: 'image/png',
    });
    await expect(
      run(() => image(JPEG, 'image/jpeg; charset=binary')).result,
    ).resolves.toMatchObject({ type: 'image/jpeg' });
  });

  it.each([
    ['a host off the list', 'https://evil.example/a.jpg', 'URL_REFUSED'],
    ['plain http', URL_OK.replace('https:', 'http:'), 'URL_REFUSED'],
    ['userinfo', URL_OK.replace('https://', 'https://u:p@'), 'URL_REFUSED'],
  ])('never requests %s', async (_what, url, code) => {
    const { result, calls } = run(() => image(JPEG), {}, url);
    await expect(result).rejects.toMatchObject({ code });
    expect(calls).toEqual([]);
  });

  it.each<[string, Answer, string]>([
    [
      'a redirect to another host',
      () => redirect('https://evil.example/a.jpg'),
      'REDIRECT_REFUSED',
    ],
    [
      'a redirect to a look-alike bucket',
      () => redirect('https://evil-usw2.s3.us-west-2.amazonaws.com/a.jpg'),
      'REDIRECT_REFUSED',
    ],
    ['a redirect to http', () => redirect(URL_OK.replace('https:', 'http:')), 'REDIRECT_REFUSED'],
    [
      'a redirect without a location',
      () => new Response(null, { status: 302 }),
      'REDIRECT_REFUSED',
    ],
    ['an error status', () => new Response('no', { status: 403 }), 'HTTP_STATUS'],
    ['HTML', () => image(Buffer.from('<html>'), 'text/html'), 'WRONG_TYPE'],
    ['SVG (scriptable)', () => image(Buffer.from('<svg/>'), 'image/svg+xml'), 'WRONG_TYPE'],
    ['no content type', () => new Response(JPEG, { status: 200 }), 'WRONG_TYPE'],
    ['HTML labelled as JPEG', () => image(Buffer.from('<html>hi</html>')), 'NOT_A_PICTURE'],
    ['a PNG labelled as JPEG', () => image(PNG), 'NOT_A_PICTURE'],
    ['an empty body', () => image(new Uint8Array(0)), 'NOT_A_PICTURE'],
    [
      'a declared length past the cap',
      () => image(JPEG, 'image/jpeg', { 'content-length': String(3 * 1024 * 1024) }),
      'TOO_LARGE',
    ],
    [
      'a body past the cap',
      () => image(Buffer.concat([JPEG, Buffer.alloc(3 * 1024 * 1024)])),
      'TOO_LARGE',
    ],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed')), 'NETWORK'],
  ])('refuses %s', async (_what, answer, code) => {
    await expect(run(answer).result).rejects.toMatchObject({ code });
  });

  it('follows a redirect on the same host, and no more than the limit', async () => {
    const next = URL_OK.replace('a.jpg', 'b.jpg');
    const once = run((url) => (url === URL_OK ? redirect(next) : image(JPEG)));
    await expect(once.result).resolves.toMatchObject({ type: 'image/jpeg' });
    expect(once.calls).toEqual([URL_OK, next]);
    const loop = run(() => redirect(next), { maxRedirects: 2 });
    await expect(loop.result).rejects.toMatchObject({ code: 'REDIRECT_REFUSED' });
    expect(loop.calls).toHaveLength(3);
  });

  it('asks fetch not to follow redirects itself', async () => {
    const { result, fetch } = run(() => image(JPEG));
    await result;
    expect(vi.mocked(fetch).mock.calls[0]?.[1]).toMatchObject({ redirect: 'manual' });
  });

  it('gives up on a body that trickles past the deadline', async () => {
    vi.useFakeTimers();
    let pulls = 0;
    const slow = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls === 1) controller.enqueue(JPEG.subarray(0, 4));
        return new Promise<void>(() => undefined); // never sends the rest
      },
    });
    const { result } = run(
      () => new Response(slow, { headers: { 'content-type': 'image/jpeg' } }),
      {
        timeoutMs: 5_000,
      },
    );
    const settled = expect(result).rejects.toMatchObject({ code: 'TIMEOUT' });
    await vi.advanceTimersByTimeAsync(5_000);
    await settled;
  });

  it('gives up on headers that never come', async () => {
    vi.useFakeTimers();
    const { result } = run(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
      { timeoutMs: 5_000 },
    );
    const settled = expect(result).rejects.toMatchObject({ code: 'TIMEOUT' });
    await vi.advanceTimersByTimeAsync(5_000);
    await settled;
  });
});

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}
