import { defineConfig } from 'vitest/config';

// Two runtimes: main-process code runs under Node, renderer code under jsdom.
// Playwright e2e specs (test/e2e) run with `playwright test`, not here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
