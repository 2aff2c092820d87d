import { describe, expect, it } from 'vitest';
import { CSP, resolveAppUrl, resolveStaticPath } from './protocol';

const ROOT = '/opt/wyzecam/renderer';

describe('app:// resolver (security S7)', () => {
  it.each([
    ['app://wyzecam/', `${ROOT}/index.html`],
    ['app://wyzecam/index.html', `${ROOT}/index.html`],
    ['app://wyzecam/assets/index-abc.js', `${ROOT}/assets/index-abc.js`],
    ['app://wyzecam/assets/a%20b.css', `${ROOT}/assets/a b.css`],
  ])('serves %s', (url, file) => {
    expect(resolveAppUrl(url, ROOT)).toBe(file);
  });

  it.each(['app://wyzecam/../etc/passwd', 'app://wyzecam/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the folder (the URL parser folds the dots first)',
    (url) => {
      expect(resolveAppUrl(url, ROOT)).toBe(`${ROOT}/etc/passwd`);
    },
  );

  it.each([
    'app://wyzecam/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://wyzecam/assets/..%5c..%5csecret',
    'app://wyzecam/%00index.html',
    'app://wyzecam/%E0%A4%A',
    'app://other/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url, ROOT)).toBeNull();
  });

  it('refuses traversal in plain paths too', () => {
    expect(resolveStaticPath('/../../etc/passwd', ROOT)).toBeNull();
    expect(resolveStaticPath('/./index.html', ROOT)).toBeNull();
  });

  it('has a strict CSP with nothing unsafe', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("base-uri 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).not.toMatch(/unsafe-|\*/);
  });
});
