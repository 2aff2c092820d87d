import { describe, expect, it } from 'vitest';
import { builtStylesheet, firstScreenAsStaticPage } from './static-page';

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
  '    <style>body{margin:0}</style>',
  '    <link rel="modulepreload" crossorigin href="./assets/runtime-c.js">',
  '  </head>',
  '  <body>',
  '    <div id="root" data-first-screen="{&quot;revision&quot;:7}"><table><tbody><tr><th>Front Door</th></tr></tbody></table></div>',
  '  </body>',
  '</html>',
].join('\n');

describe('builtStylesheet', () => {
  it("is the text of the page's one stylesheet, or null when it has not exactly one", () => {
    expect(builtStylesheet(SERVED)).toBe('body{margin:0}');
    expect(builtStylesheet(SERVED.replace(/<style>.*<\/style>/, ''))).toBeNull();
    expect(builtStylesheet(SERVED.replace('</head>', '<style>a{}</style></head>'))).toBeNull();
  });
});

describe('firstScreenAsStaticPage', () => {
  it('keeps the markup, the theme and the stylesheet written into the page', () => {
    const page = firstScreenAsStaticPage(SERVED) ?? '';
    expect(page).toContain('<html lang="en" data-theme="dark">');
    expect(page).toContain(
      '<div id="root" data-first-screen="{&quot;revision&quot;:7}"><table><tbody><tr><th>Front Door</th></tr></tbody></table></div>',
    );
    expect(page).toContain('<style>body{margin:0}</style>');
  });

  it('leaves no script, preload, icon or CSP', () => {
    const page = firstScreenAsStaticPage(SERVED) ?? '';
    for (const gone of ['<script', 'modulepreload', 'rel="icon"', 'Content-Security-Policy']) {
      expect(page).not.toContain(gone);
    }
  });

  it('gives nothing for a page with no first screen, or not with one stylesheet in it', () => {
    expect(firstScreenAsStaticPage(SERVED.replace(/ data-first-screen="[^"]*"/, ''))).toBeNull();
    expect(firstScreenAsStaticPage(SERVED.replace(/<style>.*<\/style>/, ''))).toBeNull();
    expect(
      firstScreenAsStaticPage(
        SERVED.replace('</head>', '<link rel="stylesheet" href="./x.css"></head>'),
      ),
    ).toBeNull();
  });
});
