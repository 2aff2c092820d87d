/**
 * The bench's yardstick: a static HTML page with the app's stylesheet and every camera of the list
 * as a plain table row (name, model, status, IP address, firmware, MAC), and a search box, no
 * script. "First row painted" on it is how fast this browser can show the same rows at all;
 * scrolling it and typing into its box, what the browser does with the same rows when no app runs
 * (with every row in the page: at 5,000 rows slower than the app's virtualised list). Opened as a
 * file, and served over loopback HTTP as the preview host serves the app (`serveStaticPage`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIRST_SCREEN_ATTRIBUTE } from '../../common/first-screen';
import type { DeviceDto } from '../../common/view';
import { inlineStylesheets } from '../../main/protocol';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function row(d: DeviceDto): string {
  const status = d.online === false ? 'offline' : d.poweredOn === false ? 'privacy' : 'online';
  const cell = (text: string | null): string =>
    text === null
      ? '<td><span class="muted">not reported</span></td>'
      : `<td><span class="mono">${escapeHtml(text)}</span></td>`;
  return (
    `<tr data-status="${status}"><th scope="row"><span class="name">${escapeHtml(d.name)}</span></th>` +
    `<td><abbr title="${escapeHtml(d.model)}">${escapeHtml(d.modelName)}</abbr></td>` +
    `<td><span class="status status-${status}">${status}</span></td>` +
    `${cell(d.lanIp)}${cell(d.firmware)}${cell(d.mac)}</tr>`
  );
}

/** The static page of `devices` (cameras only, online first, then by name). */
export function staticPage(devices: readonly DeviceDto[], stylesheet: string): string {
  const cameras = devices
    .filter((d) => d.isCamera)
    .sort(
      (a, b) =>
        Number(b.online === true) - Number(a.online === true) || a.name.localeCompare(b.name),
    );
  const head = ['Name', 'Model', 'Status', 'IP address', 'Firmware', 'MAC']
    .map((c) => `<th scope="col">${c}</th>`)
    .join('');
  return (
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${stylesheet}"></head>` +
    `<body><div class="app"><main>` +
    // A text box with no script behind it, typed into like the app's search box.
    `<div class="search-box"><label for="q">Search cameras</label><input id="q" type="search"></div>` +
    `<div class="table-wrap"><table aria-label="Cameras"><thead><tr>${head}</tr></thead>` +
    `<tbody>${cameras.map(row).join('')}</tbody></table></div></main></div></body></html>`
  );
}

/**
 * The app's stylesheet, as the build wrote it into `page` (vite.config.ts, inlineStylesheet), for
 * the static pages to link as a file of their own; null when the page has not exactly one.
 */
export function builtStylesheet(page: string): string | null {
  const sheets = inlineStylesheets(page);
  return sheets.length === 1 ? (sheets[0] ?? null) : null;
}

/**
 * Writes the stylesheet of the build in `distDir` (its index.html's) to `file`, for the static
 * pages to link; returns `file`.
 */
export function writeBuiltStylesheet(distDir: string, file: string): string {
  const stylesheet = builtStylesheet(readFileSync(join(distDir, 'renderer/index.html'), 'utf8'));
  if (stylesheet === null) throw new Error('bench: the built page has not exactly one stylesheet');
  writeFileSync(file, stylesheet);
  return file;
}

/**
 * The page a host served, first screen and all (main/first-screen.ts), as a static file of the
 * same markup and the same stylesheet in it: no script, no preload or icon link, no CSP (a page
 * without script has nothing for it to guard). Null when the page has no first screen, or not
 * exactly one stylesheet, written into it as the build writes it.
 */
export function firstScreenAsStaticPage(served: string): string | null {
  const linked = /<link\b[^>]*\brel="stylesheet"/.test(served);
  if (
    !served.includes(`${FIRST_SCREEN_ATTRIBUTE}=`) ||
    linked ||
    builtStylesheet(served) === null
  ) {
    return null;
  }
  return served
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="(?:modulepreload|icon)"[^>]*>/g, '')
    .replace(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/g, '');
}

/** A loopback HTTP server of one page and its stylesheet (nothing else, no script). */
export async function serveStaticPage(
  html: string,
  cssFile: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const css = readFileSync(cssFile);
  const server = createServer((req, res) => {
    if (req.url === '/style.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(css);
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
