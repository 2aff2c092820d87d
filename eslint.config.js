// ESLint flat config: typescript-eslint strict rules plus the per-folder import boundaries that
// keep the architecture honest (see ../shared/engineering.md, "Layering enforced by lint").
import js from '@eslint/js';
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

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='BrowserWindow']",
          message: 'Use the window factory.',
        },
      ],
    },
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
);
