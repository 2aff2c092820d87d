// ESLint flat config: typescript-eslint strict rules plus the per-folder import boundaries that
// keep the architecture honest (see ../shared/engineering.md, "Layering enforced by lint").
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'This folder must not depend on Node.js.' };
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only main/ and preload/ talk to Electron.',
};
const react = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  message: 'React belongs to renderer/.',
};
const keytar = {
  group: ['@github/keytar', 'keytar'],
  message: 'Only main/session may touch the keychain.',
};
const mainCode = {
  group: ['**/main/**', '../main/*'],
  message: 'The main process is reached over IPC, not imported.',
};
const emulatorCode = {
  group: ['**/emulator/**'],
  message: 'Product code never depends on the emulator.',
};
const zod = {
  group: ['zod'],
  message: 'Validation happens in main; keep zod out of the page bundle.',
};

const noBrowserWindow = {
  selector: "NewExpression[callee.name='BrowserWindow']",
  message: 'Create windows with main/window-factory.ts only (security S1).',
};
const noIpcHandle = {
  selector:
    "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(handle|handleOnce|on)$/]",
  message: 'Register IPC through main/ipc/register.ts only (security S9).',
};
const noOpenExternal = {
  selector: "CallExpression[callee.property.name='openExternal'][callee.object.name='shell']",
  message: 'Open links through the guarded openUrl in main/index.ts only (security S5).',
};

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
      'no-restricted-syntax': ['error', noBrowserWindow, noIpcHandle, noOpenExternal],
      'no-restricted-imports': ['error', { patterns: [keytar] }],
    },
  },
  {
    files: ['main/ipc/register.ts'],
    rules: { 'no-restricted-syntax': ['error', noBrowserWindow, noOpenExternal] },
  },
  {
    files: ['main/index.ts'],
    rules: { 'no-restricted-syntax': ['error', noBrowserWindow, noIpcHandle] },
  },
  {
    files: ['main/session/secret-store.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, electron, react, keytar, mainCode, emulatorCode] },
      ],
    },
  },
  {
    files: [
      'common/channels.ts',
      'common/view.ts',
      'common/result.ts',
      'common/device.ts',
      'preload/api.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, electron, react, keytar, mainCode, emulatorCode, zod] },
      ],
    },
  },
  {
    files: ['main/wyze/**/*.ts', 'main/logging/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electron, react, keytar, emulatorCode] }],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electron, react, keytar, mainCode] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'preview/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, electron, keytar, mainCode, emulatorCode, zod] },
      ],
    },
  },
);
