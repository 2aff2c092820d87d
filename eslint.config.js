// ESLint flat config: typescript-eslint strict rules, and the import boundaries each folder's
// README states, checked here so that a rule a README states is a rule a machine checks
// (docs/engineering.md, "Import boundaries"; main/lint-boundaries.test.ts proves each one).
//
// Every source file belongs to exactly one zone: zones are listed most specific first, and a file
// belongs to the first zone whose `files` match it. A zone lists what its files may NOT import;
// where a folder's README names the only packages it may use, the zone is an allow-list. A zone
// may also name Electron APIs its files must not import (`paths`) and syntax with one home.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ----- What an import may reach ---------------------------------------------------------------

/** Every bare package (not a relative path) other than those `allowed` (regex sources). */
const packagesOtherThan = (allowed, message) => ({
  regex: allowed.length ? `^(?![./])(?!(?:${allowed.join('|')})(?:/|$))` : '^(?![./])',
  message,
});

/** A relative import into another top-level folder of the repository. */
const folder = (name, message, extra = {}) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message,
  ...extra,
});

const electron = {
  // electron-log's default and main entries load Electron too; its `node` entry does not.
  regex: '^electron(?:$|/|-log(?:$|/(?!node$)))',
  message:
    'Electron belongs to the Electron layer (ELECTRON_LAYER in eslint.config.js) and preload/index.ts: this code must run in plain Node. A new Electron-layer file is added to that list.',
};
const electronTypesOnly = { ...electron, allowTypeImports: true };
const keytar = {
  group: ['@github/keytar', 'keytar'],
  message: 'Only main/session/secret-store.ts touches the keychain (security S12).',
};
const react = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand'],
  message: 'React and the store belong to renderer/.',
};
const emulatorCode = folder(
  'emulator',
  'Product code never depends on the emulator: only main/demo.ts starts it (and tests use it).',
);
const mainCode = folder('main', 'The main process is reached over IPC, not imported.');
const rendererCode = folder(
  'renderer',
  'The renderer is a separate bundle; share code via common/.',
);
const previewCode = folder('preview', 'The preview host is development-only and never packaged.');
const devTools = [
  folder('e2e', 'Tests are not product code.'),
  folder('scripts', 'Scripts are not product code.'),
];
const ipcSchemas = {
  group: ['**/common/ipc', '**/common/ipc.ts'],
  allowTypeImports: true,
  message:
    'common/ipc.ts holds the zod schemas: import its types only, so zod stays out of the page.',
};
const siblingIpcSchemas = {
  ...ipcSchemas,
  group: ['./ipc', './ipc.ts'],
  message: 'common/ipc.ts holds the zod schemas: the rest of common/ is bundled by the renderer.',
};
const preloadTypes = folder(
  'preload',
  'The renderer reaches the preload only as `window.wyze`: import preload/api.ts types only.',
  { allowTypeImports: true },
);
const onlyOwnFolder = {
  regex: '^\\.\\./',
  message: 'common/ imports nothing from the other folders.',
};
const onlyCommon = {
  regex: '^\\.\\./(?!common/)',
  message: 'The preload may import only electron, common/ and itself.',
};
const nodeOnly = (extra) => packagesOtherThan(['node:[^/]+', ...extra], 'Not a dependency here.');

// Named Electron APIs with one home each (security S3, S9).
const ipcRenderer = {
  name: 'electron',
  importNames: ['ipcRenderer', 'contextBridge'],
  message: 'Raw ipcRenderer and contextBridge belong to preload/index.ts only (security S3).',
};
const ipcMain = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'ipcMain is used only by main/ipc/register.ts, which main/index.ts hands it to (S9).',
};

// ----- Syntax that has one home -----------------------------------------------------------------

const noBrowserWindow = {
  selector: "NewExpression[callee.name='BrowserWindow']",
  message: 'Create windows with main/window-factory.ts only (security S1).',
};
const noIpcMainUse = {
  selector: "MemberExpression[object.name='ipcMain']",
  message: 'Register IPC through main/ipc/register.ts only (security S9).',
};
const noOpenExternal = {
  selector: "CallExpression[callee.property.name='openExternal'][callee.object.name='shell']",
  message: 'Open links through the guarded openUrl in main/index.ts only (security S5).',
};
/** `import('x')` and `require('x')` of a module matching `pattern`: the import rule misses them. */
const noDynamicLoad = (pattern, message) => [
  { selector: `ImportExpression[source.value=${pattern}]`, message },
  { selector: `CallExpression[callee.name='require'][arguments.0.value=${pattern}]`, message },
];
const dynamicElectron = noDynamicLoad(
  `/${electron.regex.replaceAll('/', '\\u002F')}/`,
  electron.message,
);
const dynamicKeytar = noDynamicLoad('/^(@github\\u002F)?keytar$/', keytar.message);
const dynamicEmulator = noDynamicLoad('/(^|\\u002F)emulator(\\u002F|$)/', emulatorCode.message);

/** What no main-process file imports, Electron layer or not. */
const notForMain = [react, rendererCode, previewCode, ...devTools];
/** Each of these has one home, named in its message. */
const oneHome = [noBrowserWindow, noIpcMainUse, noOpenExternal];

// ----- Zones, most specific first --------------------------------------------------------------

const TESTS = ['**/*.test.{ts,tsx}', '**/test-*.{ts,tsx}', '**/*-fakes.ts'];

/** The Electron layer of main/: the only main-process files that may import Electron. */
const ELECTRON_LAYER = [
  'main/index.ts',
  'main/window-factory.ts',
  'main/window.ts',
  'main/window-state.ts',
  'main/menu.ts',
  'main/startup.ts',
  'main/desktop-*.ts',
  'main/ipc/register.ts',
];

const zones = [
  {
    name: 'tests: may use the emulator and test tools, but run in plain Node or jsdom',
    files: TESTS,
    imports: [electronTypesOnly, keytar],
    syntax: [...oneHome, ...dynamicElectron, ...dynamicKeytar],
  },
  {
    name: 'development tools: exempt (they start emulators, browsers and builds)',
    files: ['e2e/**', 'scripts/**', '*.{js,mjs,ts}', 'preview/vite.bridge.config.ts'],
  },
  {
    name: 'main/ipc/register.ts: the one place ipcMain is used',
    files: ['main/ipc/register.ts'],
    imports: [keytar, emulatorCode, ...notForMain],
    paths: [ipcRenderer],
    syntax: [noBrowserWindow, noOpenExternal, ...dynamicKeytar, ...dynamicEmulator],
  },
  {
    name: 'main/index.ts: lifecycle; hands ipcMain to register.ts, owns the guarded openExternal',
    files: ['main/index.ts'],
    imports: [keytar, emulatorCode, ...notForMain],
    paths: [ipcRenderer],
    syntax: [noBrowserWindow, noIpcMainUse, ...dynamicKeytar, ...dynamicEmulator],
  },
  {
    name: 'the rest of the Electron layer',
    files: ELECTRON_LAYER,
    imports: [keytar, emulatorCode, ...notForMain],
    paths: [ipcRenderer, ipcMain],
    syntax: [...oneHome, ...dynamicKeytar, ...dynamicEmulator],
  },
  {
    name: 'main/session/secret-store.ts: the keychain',
    files: ['main/session/secret-store.ts'],
    imports: [electron, emulatorCode, ...notForMain],
    syntax: [...oneHome, ...dynamicElectron, ...dynamicEmulator],
  },
  {
    name: 'main/demo.ts: starts the emulator for the demo account',
    files: ['main/demo.ts'],
    imports: [electron, keytar, ...notForMain],
    syntax: [...oneHome, ...dynamicElectron, ...dynamicKeytar],
  },
  {
    name: 'main/: everything else, including any new folder, runs in plain Node',
    files: ['main/**/*.ts'],
    imports: [electron, keytar, emulatorCode, ...notForMain],
    syntax: [...oneHome, ...dynamicElectron, ...dynamicKeytar, ...dynamicEmulator],
  },
  {
    name: 'common/ipc.ts: the schemas, the one common/ file with zod',
    files: ['common/ipc.ts'],
    imports: [packagesOtherThan(['zod'], 'common/ipc.ts may import zod only.'), onlyOwnFolder],
  },
  {
    name: 'common/: the contract, bundled by the renderer, so no zod and no runtime',
    files: ['common/**/*.ts'],
    imports: [
      packagesOtherThan([], 'common/ imports no package (zod only in ipc.ts).'),
      onlyOwnFolder,
      siblingIpcSchemas,
    ],
  },
  {
    name: 'preload/index.ts: the sandboxed preload, the one home of ipcRenderer',
    files: ['preload/index.ts'],
    imports: [packagesOtherThan(['electron'], onlyCommon.message), onlyCommon, ipcSchemas],
  },
  {
    name: 'preload/: the verbs, bundled into the preload and the preview bridge',
    files: ['preload/**/*.ts'],
    imports: [packagesOtherThan([], onlyCommon.message), onlyCommon, ipcSchemas],
  },
  {
    name: 'preview/bridge.ts: the stand-in for the preload in the preview page',
    files: ['preview/bridge.ts'],
    imports: [
      packagesOtherThan([], 'The bridge runs in the page: no packages.'),
      mainCode,
      emulatorCode,
      rendererCode,
      ipcSchemas,
      ...devTools,
    ],
  },
  {
    name: 'preview/: the development host, in plain Node',
    files: ['preview/**/*.ts'],
    imports: [electron, keytar, react, rendererCode],
    syntax: [...oneHome, ...dynamicElectron, ...dynamicKeytar],
  },
  {
    name: 'renderer/: the page',
    files: ['renderer/**/*.{ts,tsx}'],
    imports: [
      packagesOtherThan(
        ['react', 'react-dom', 'zustand', '@tanstack/react-virtual'],
        'The page uses React, zustand and TanStack Virtual only: no electron, node:*, zod or other packages.',
      ),
      mainCode,
      emulatorCode,
      previewCode,
      preloadTypes,
      ipcSchemas,
      ...devTools,
    ],
  },
  {
    name: 'emulator/: a Wyze cloud in plain Node',
    files: ['emulator/**/*.ts'],
    imports: [
      nodeOnly(['zod', 'jpeg-js', 'werift', 'ws']),
      mainCode,
      rendererCode,
      folder('preload', 'The emulator knows nothing of the app.'),
      previewCode,
      ...devTools,
    ],
  },
];

/** One config object per zone, each ignoring the files an earlier zone already claimed. */
const zoneConfigs = zones.map((zone, index) => ({
  name: `boundaries/${zone.name}`,
  files: zone.files,
  ignores: zones.slice(0, index).flatMap((earlier) => earlier.files),
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: zone.imports ?? [], paths: zone.paths ?? [] },
    ],
    'no-restricted-syntax': ['error', ...(zone.syntax ?? [])],
  },
}));

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...zoneConfigs,
  {
    // Every file gets Node's globals (above), and the type-check sees @types/node through the
    // test tools': nothing else would stop common/ from using them, and the page would break.
    name: 'common/: bundled by the renderer and the preload, so no Node globals',
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'global', '__dirname', '__filename', 'require', 'module'].map(
          (name) => ({ name, message: 'common/ runs in the page too: no Node globals.' }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'preview/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
