import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Type tests (expectTypeOf, @ts-expect-error) in test/types/*.test-d.ts run with the rest
    // under `npm test`: vitest hands them to tsc and reports each failed expectation as a test.
    typecheck: {
      enabled: true,
      include: ['test/types/**/*.test-d.ts'],
      // Only the type tests and what they import: checking the whole project here would repeat
      // `npm run typecheck` and cost minutes.
      tsconfig: './test/types/tsconfig.json',
    },
    pool: 'forks',
    // Two cores: more workers only fight over them (each PGlite is ~230 MB and CPU-bound).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default'],
  },
});
