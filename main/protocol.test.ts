import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  CSP,
  pageAndPolicy,
  pageCsp,
  resolveAppUrl,
  resolveStaticPath,
  styleHashSource,
} from './protocol';

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

  it("allows a page's inline stylesheets by their hashes, and nothing else inline", () => {
    // The hash of the text between the tags, as the browser takes it (CSP Level 3, "hash source").
    expect(styleHashSource('a{}')).toBe(
      "'sha256-" + createHash('sha256').update('a{}').digest('base64') + "'",
    );
    const csp = pageCsp('<head><style>a{}</style><style>\nb{}\n</style></head><body></body>');
    expect(csp).toContain(
      `style-src 'self' ${styleHashSource('a{}')} ${styleHashSource('\nb{}\n')};`,
    );
    expect(csp).not.toMatch(/unsafe-|\*/);
    expect(csp.replace(/ 'sha256-[^']+'/g, '')).toBe(CSP);
    expect(pageCsp('<div id="root"></div>')).toBe(CSP);
    // Only what the build writes: a style element with attributes is not the app's stylesheet.
    expect(pageCsp('<style media="x">a{}</style>')).toBe(CSP);
  });

  it('serves a page with the policy of its template, never of what is written into it', async () => {
    const template = '<style>a{}</style><div id="root"></div>';
    const written = await pageAndPolicy(template, async (page) =>
      page.replace('</div>', '<style>b{}</style></div>'),
    );
    expect(written.page).toBe('<style>a{}</style><div id="root"><style>b{}</style></div>');
    expect(written.csp).toBe(pageCsp(template));
    expect(written.csp).not.toContain(styleHashSource('b{}'));
    expect(await pageAndPolicy(template, null)).toEqual({ page: template, csp: pageCsp(template) });
  });
});
