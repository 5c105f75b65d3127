import { defineConfig } from 'vitest/config';

// `npm run test:resilience` (issue 14 item 9): crash, upload and bad-input
// runs that take longer than the unit suite; CI runs it after the main suite.
export default defineConfig({
  test: {
    include: ['packages/server/src/resilience/**/*.resilience.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
