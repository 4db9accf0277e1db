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
    // A worker process runs file after file without starting afresh (isolate: false): the app's
    // modules, the Prisma client and PGlite's compiled WASM load once per worker, not once per
    // file. Measured on 19 files of every folder (one worker, same load): 97.3 s of CPU
    // isolated, 52.0 s not. It holds because no test mocks a module, stubs an environment
    // variable or a global, or uses fake timers, and every file closes the databases, apps and
    // fakes it opened; a file that cannot share its process must not be written (say so in a
    // review). `npx vitest run --isolate <file>` runs a file the old way to compare.
    isolate: false,
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
