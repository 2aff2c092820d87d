import { createHash } from 'node:crypto';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST } from './policy';

/** The policy's directives, with `styles` (hash sources) allowed besides the app's own files. */
const policy = (styles: readonly string[]): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');

/**
 * The content security policy of everything the app serves (security S7, S8): scripts and
 * connections only from the app itself, nothing inline, nothing remote. A page gets pageCsp.
 */
export const CSP = policy([]);

/**
 * The CSP source that allows exactly the inline stylesheet `css` (a hash source, CSP Level 2): the
 * build writes the app's stylesheet into index.html (vite.config.ts, inlineStylesheet), so a
 * page is painted without waiting for a second file (docs/first-screen.md).
 */
export const styleHashSource = (css: string): string =>
  `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

/** A `<style>` element as the build writes it (no attributes), and its text. */
const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;

/** The text of each `<style>` element in `page` written as the build writes them, in order. */
export const inlineStylesheets = (page: string): string[] =>
  [...page.matchAll(STYLE_ELEMENT)].map((m) => m[1] ?? '');

/**
 * The CSP of a page served from `template` (the built index.html): CSP with each stylesheet the
 * template holds inline allowed by its hash, and no other. Style attributes stay refused (a hash
 * source does not allow them).
 */
export function pageCsp(template: string): string {
  return policy(inlineStylesheets(template).map(styleHashSource));
}

/**
 * A page of the app and the policy it is served with: `write` makes the page from `template` (the
 * built index.html, with the preview's bridge in the preview) by writing a first screen into it
 * (main/first-screen.ts), and the policy is `template`'s, taken before: nothing written into the
 * page at run time is ever allowed, not even a `<style>` in a camera's name were one to get past
 * React's escaping. main's app:// handler and the preview host both serve the page through it.
 */
export async function pageAndPolicy(
  template: string,
  write: ((page: string) => Promise<string>) | null,
): Promise<{ page: string; csp: string }> {
  const csp = pageCsp(template);
  return { page: write ? await write(template) : template, csp };
}

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Maps a request path to a file under `root`, or null. Rejects anything that would leave the
 * folder (`../`, `%2e%2e/`, encoded separators, NUL) rather than trying to clean it up.
 */
export function resolveStaticPath(pathname: string, root: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /(^|\/)\.\.?(\/|$)/.test(decoded)) {
    return null;
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : null;
}

/** For app://wyzecam/<path>: the file under root, or null for another host or a bad path. */
export function resolveAppUrl(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  return resolveStaticPath(parsed.pathname, root);
}

export const mimeType = (file: string): string => MIME[extname(file)] ?? 'application/octet-stream';
