import { defineConfig } from 'vitest/config';

// One test command for the whole repository (`npm test`): pure core, server
// integration (PGlite by default, PostgreSQL when DATABASE_URL is set), console
// components (happy-dom) and browser tests (headless Debian chromium).
export default defineConfig({
  test: {
    // Only one error is let through, and only this exact one: React's scheduler
    // running a leftover render after happy-dom has been torn down at the end of
    // a console test file ("window is not defined" from performWorkUntilDeadline).
    // No test is running then, so it cannot be a test's failure;
    // packages/web/src/test/setup.ts removes the known causes. Every other
    // unhandled error still fails the run.
    onUnhandledError(error) {
      const stack = String((error as Error).stack ?? '');
      if (error.name === 'ReferenceError' && /window is not defined/.test(error.message) && /performWorkUntilDeadline/.test(stack)) return false;
    },
    reporters: ['default', './e2e/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PostgreSQL tests share one database: run files one at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.tsx', 'packages/web/src/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['packages/web/src/test/setup.ts'],
          // Pages are lazy chunks (issue 15): the first render of a page also transforms its module.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // A loaded CI machine renders slower: polls wait up to 20 s.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
