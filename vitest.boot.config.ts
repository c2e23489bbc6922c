import { defineConfig } from 'vitest/config';

/**
 * `npm run test:boot`: the built main process under the Electron stand-in. Separate from the
 * unit projects because it needs `npm run build` first (the script does that).
 */
export default defineConfig({
  test: {
    name: 'boot',
    environment: 'node',
    include: ['test/boot/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
