import { describe, expect, it } from 'vitest';
import { firstScreenChunks } from './bundle';

describe('firstScreenChunks', () => {
  it("reads the page's module script and modulepreload links, in order, and nothing else", () => {
    const html = [
      '<link rel="icon" href="./icon.svg" type="image/svg+xml" />',
      '<script defer src="./__preview/bridge.js"></script>',
      '<script type="module" crossorigin src="./assets/index-A1.js"></script>',
      '<link rel="stylesheet" crossorigin href="./assets/style-B2.css">',
      '<link rel="modulepreload" crossorigin href="./assets/app-C3.js">',
      '<link rel="modulepreload" crossorigin href="./assets/rolldown-runtime-D4.js">',
      '<link rel="preload" as="script" href="./assets/later-E5.js">',
    ].join('\n');
    expect(firstScreenChunks(html)).toEqual(['index-A1.js', 'app-C3.js', 'rolldown-runtime-D4.js']);
  });

  it('counts a chunk linked twice once', () => {
    const link = '<link rel="modulepreload" href="./assets/app-C3.js">';
    expect(firstScreenChunks(link + link)).toEqual(['app-C3.js']);
  });
});
