import { describe, expect, it } from 'vitest';
import { firstScreenAsStaticPage } from './static-page';

// As the preview host serves index.html with a first screen (vite's build, the bridge, the mark).
const SERVED = [
  '<!doctype html>',
  '<html lang="en" data-theme="dark">',
  '  <head>',
  '    <meta charset="UTF-8" />',
  '    <meta',
  '      http-equiv="Content-Security-Policy"',
  "      content=\"default-src 'self'; script-src 'self'\"",
  '    />',
  '    <link rel="icon" href="./icon.svg" type="image/svg+xml" />',
  '    <title>Wyzecam Desktop</title>',
  '    <script defer src="./__preview/bridge.js"></script>',
  '    <script type="module" crossorigin src="./assets/index-a.js"></script>',
  '    <link rel="stylesheet" crossorigin href="./assets/style-b.css">',
  '    <link rel="modulepreload" crossorigin href="./assets/runtime-c.js">',
  '  </head>',
  '  <body>',
  '    <div id="root" data-first-screen="{&quot;revision&quot;:7}"><table><tbody><tr><th>Front Door</th></tr></tbody></table></div>',
  '  </body>',
  '</html>',
].join('\n');

describe('firstScreenAsStaticPage', () => {
  it('keeps the markup and the theme, and links the stylesheet from the file given', () => {
    const page = firstScreenAsStaticPage(SERVED, '/dist/assets/style-b.css') ?? '';
    expect(page).toContain('<html lang="en" data-theme="dark">');
    expect(page).toContain(
      '<div id="root" data-first-screen="{&quot;revision&quot;:7}"><table><tbody><tr><th>Front Door</th></tr></tbody></table></div>',
    );
    expect(page).toContain('<link rel="stylesheet" href="file:///dist/assets/style-b.css">');
  });

  it('links a stylesheet whose path has characters a URL or a replacement would misread', () => {
    const page = firstScreenAsStaticPage(SERVED, '/tmp/a b#1$&/style.css') ?? '';
    expect(page).toContain('<link rel="stylesheet" href="file:///tmp/a%20b%231$&amp;/style.css">');
  });

  it('leaves no script, preload, icon, CSP or crossorigin attribute', () => {
    const page = firstScreenAsStaticPage(SERVED, '/s.css') ?? '';
    for (const gone of ['<script', 'modulepreload', 'rel="icon"', 'Content-Security-Policy']) {
      expect(page).not.toContain(gone);
    }
    expect(page).not.toContain('crossorigin');
  });

  it('gives nothing for a page with no first screen, or with other than one stylesheet', () => {
    expect(
      firstScreenAsStaticPage(SERVED.replace(/ data-first-screen="[^"]*"/, ''), '/s.css'),
    ).toBeNull();
    expect(
      firstScreenAsStaticPage(
        SERVED.replace('</head>', '<link rel="stylesheet" href="./x.css"></head>'),
        '/s.css',
      ),
    ).toBeNull();
  });
});
