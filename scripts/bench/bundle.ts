/**
 * What the bench counts against the renderer's JavaScript budget (renderer/README.md, "Bundle
 * budget"): the chunks the built page loads before anything is used, read from the page itself.
 */

/**
 * The asset file names (in `assets/`) of the built `index.html`'s module script and of its
 * modulepreload links: the entry, the app chunk and the chunks it imports (vite.config.ts puts
 * them there, and vite.config.test.ts checks that it does). Other chunks load on first use.
 */
export function firstScreenChunks(html: string): string[] {
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const entry = /\btype="module"/.test(tag) ? /\bsrc="\.\/assets\/([^"]+\.js)"/.exec(tag) : null;
    const preload = /\brel="modulepreload"/.test(tag)
      ? /\bhref="\.\/assets\/([^"]+\.js)"/.exec(tag)
      : null;
    const file = (entry ?? preload)?.[1];
    if (file) files.add(file);
  }
  return [...files];
}
