// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

/**
 * The layering rule: Electron *values* may be imported only at the edge (the composition root,
 * adapters and the IPC layer); everything else takes ports, so it runs in tests and the browser
 * harness without the Electron binary. `ipcRenderer` belongs to the preload alone.
 */
const electronAtTheEdge = {
  name: 'electron',
  allowTypeImports: true,
  message: 'Import Electron values only in main/index.ts, main/adapters/ or main/ipc/; take a port instead.',
};
const electronStoreAtTheEdge = {
  name: 'electron-store',
  message: 'electron-store loads Electron; only the composition root may construct it.',
};
const noIpcRenderer = {
  name: 'electron',
  importNames: ['ipcRenderer', 'contextBridge'],
  message: 'ipcRenderer and contextBridge belong to preload/index.ts only.',
};

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', { paths: [electronAtTheEdge, electronStoreAtTheEdge] }],
    },
  },
  {
    // Dependencies in main/ point one way: app → features → providers → core (eslint/layers.js).
    files: ['main/**/*.ts', 'main/**/*.js'],
    plugins: { calldeck: layers },
    rules: { 'calldeck/layers': 'error' },
  },
  {
    files: ['main/index.ts', 'main/adapters/**', 'main/ipc/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noIpcRenderer] }] },
  },
  {
    files: ['preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only to window.calldeck.' },
            { name: 'zod', message: 'Main validates every message; the renderer bundle carries no zod.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node; ask main through window.calldeck.' },
            { group: ['**/main/**'], message: 'The renderer talks only to window.calldeck.' },
            {
              // Values from the contract drag zod into the bundle; constants live in preload/common.
              group: ['**/preload/contract', '**/preload/contract.js', '**/preload/contract/**'],
              allowTypeImports: true,
              message: 'Import only types from preload/contract; runtime constants come from preload/common.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/harness/browser-bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
