import { defineConfig } from 'vitest/config';
import { isCi } from './test/support/ci.ts';

// Every test must pass alone and in any order, so CI runs the files, and the tests inside each
// file, shuffled. vitest prints the seed at the top of the run ("Running tests with seed …");
// TEST_SEED=<that number> replays the same order (and TEST_SEED on a laptop turns shuffling on
// too, for a whole run or a single file).
const seed = process.env.TEST_SEED?.trim() ? Number(process.env.TEST_SEED) : undefined;
if (seed !== undefined && !Number.isSafeInteger(seed))
  throw new Error(`TEST_SEED must be a whole number, not ${process.env.TEST_SEED}`);
const shuffle = isCi(process.env.CI) || seed !== undefined;

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
    sequence: {
      // Files, each with its own database, and the tests inside them: each test builds its own
      // world (a beforeEach that empties the file's database or starts a fresh fake and app, or
      // a builder such as test/support/slack-world.ts), never on the test before. A shuffled
      // run that fails names its seed; `TEST_SEED=N npx vitest run <file>` replays one file.
      shuffle: shuffle ? { files: true, tests: true } : false,
      ...(seed === undefined ? {} : { seed }),
    },
  },
});
