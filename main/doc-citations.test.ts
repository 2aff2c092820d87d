import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Comments and READMEs cite the project's own docs: `(docs/protocol.md, "Rate limits")`,
// `(docs/security.md, S20)`, `(docs/engineering.md, "Import boundaries")`. A renamed heading or
// a requirement number that does not exist would leave a reader with nothing: this keeps the
// citations and the docs in step (docs/README.md).
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = [
  'common',
  'main',
  'preload',
  'renderer',
  'preview',
  'emulator',
  'e2e',
  'scripts',
  'docs',
];
const ROOT_FILES = ['README.md', 'eslint.config.js', 'electron-builder.yml', 'package.json'];
const SOURCE_FILE = /\.(ts|tsx|js|mjs|md|yml|json)$/;

/** Every file under `dir` (relative to the repo root) whose name looks like source or docs. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(repoRoot.length));
}

const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

/** Comment text joined across lines, so a citation wrapped over two comment lines reads as one. */
const unwrap = (text: string): string => text.replace(/\s*\n\s*(?:\*(?!\/)|\/\/|#)?\s*/g, ' ');

interface Citation {
  doc: 'protocol' | 'security' | 'engineering';
  /** A section title, or "S<n>" for a requirement. */
  target: string;
}

/** The citations of docs/*.md in `text`. */
function citationsIn(text: string): Citation[] {
  const flat = unwrap(text);
  const found: Citation[] = [];
  for (const m of flat.matchAll(/docs\/(protocol|engineering)\.md((?:,\s*"[^"]+")+)/g)) {
    for (const title of (m[2] ?? '').matchAll(/"([^"]+)"/g)) {
      found.push({ doc: m[1] as Citation['doc'], target: title[1] ?? '' });
    }
  }
  for (const m of flat.matchAll(/docs\/security\.md,\s*((?:S\d+(?:[–-]S?\d+)?(?:,\s*)?)+)/g)) {
    for (const range of (m[1] ?? '').matchAll(/S(\d+)(?:[–-]S?(\d+))?/g)) {
      const from = Number(range[1]);
      const to = Number(range[2] ?? range[1]);
      for (let n = from; n <= to; n++) found.push({ doc: 'security', target: `S${n}` });
    }
  }
  return found;
}

/** The `## ` headings of a markdown document. */
const headingsOf = (markdown: string): Set<string> =>
  new Set([...markdown.matchAll(/^#{2,3} (.+)$/gm)].map((m) => (m[1] ?? '').trim()));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

const docs = {
  protocol: read('docs/protocol.md'),
  security: read('docs/security.md'),
  engineering: read('docs/engineering.md'),
};
const targets: Record<Citation['doc'], Set<string>> = {
  protocol: headingsOf(docs.protocol),
  engineering: headingsOf(docs.engineering),
  security: new Set([...docs.security.matchAll(/\*\*(S\d+) —/g)].map((m) => m[1] ?? '')),
};

describe('citations of the project docs', () => {
  it.each<[string, string, Citation[]]>([
    [
      'one section',
      '(docs/protocol.md, "Rate limits")',
      [{ doc: 'protocol', target: 'Rate limits' }],
    ],
    [
      'two sections',
      '(docs/protocol.md, "Device list", "Device info and properties")',
      [
        { doc: 'protocol', target: 'Device list' },
        { doc: 'protocol', target: 'Device info and properties' },
      ],
    ],
    [
      'wrapped over comment lines',
      ' * could point (docs/security.md,\n * S22) and (docs/protocol.md,\n * "Common parameters")',
      [
        { doc: 'protocol', target: 'Common parameters' },
        { doc: 'security', target: 'S22' },
      ],
    ],
    [
      'a requirement range and a list',
      '(docs/security.md, S18–S20) (docs/security.md, S11, S16)',
      ['S18', 'S19', 'S20', 'S11', 'S16'].map((target) => ({ doc: 'security' as const, target })),
    ],
    [
      'engineering',
      '(docs/engineering.md, "Import boundaries")',
      [{ doc: 'engineering', target: 'Import boundaries' }],
    ],
    ['a bare file name is no citation', 'see docs/protocol.md for more', []],
  ])('reads %s', (_what, text, expected) => {
    expect(citationsIn(text)).toEqual(expected);
  });

  it('has the sections other code cites by name', () => {
    for (const title of [
      'Hosts and base URLs',
      'Common parameters',
      'Sign-in and API keys',
      'Two-step verification',
      'Tokens and refresh',
      'Device list',
      'Device info and properties',
      'Timestamps and units',
      'Error codes',
      'Rate limits',
      'Emulator choices',
      'Not implemented yet',
    ]) {
      expect(targets.protocol, title).toContain(title);
    }
    for (let n = 1; n <= 24; n++) expect(targets.security, `S${n}`).toContain(`S${n}`);
  });

  it('every citation in the code and READMEs names a section or requirement that exists', () => {
    const files = [...ROOT_FILES, ...SOURCE_DIRS.flatMap(filesUnder)];
    const broken = files.flatMap((file) =>
      citationsIn(read(file))
        .filter((c) => !targets[c.doc].has(c.target))
        .map((c) => `${file}: docs/${c.doc}.md, ${c.target}`),
    );
    expect(broken).toEqual([]);
  });

  it('no file cites a document the repository does not have', () => {
    // The project's docs replaced a reference outside the repository, cited by its relative path
    // (a folder beside the checkout), by part letter or by numbered section.
    const outside = /\.\.\/shared\/|\bPart [AB]\b|\u00a7 ?\d/;
    const files = [...ROOT_FILES, ...SOURCE_DIRS.flatMap(filesUnder)];
    const citing = files.filter((file) => outside.test(read(file)));
    expect(citing).toEqual([]);
  });

  it('every link inside the docs to one of their sections resolves', () => {
    const broken = Object.entries(docs).flatMap(([name, text]) => {
      const anchors = new Set([...headingsOf(text)].map(anchorOf));
      return [...text.matchAll(/\]\(#([^)]+)\)/g)]
        .map((m) => m[1] ?? '')
        .filter((anchor) => !anchors.has(anchor))
        .map((anchor) => `docs/${name}.md#${anchor}`);
    });
    expect(broken).toEqual([]);
  });
});
