// Whether this run is CI: read by the PostgreSQL suites (a missing server fails CI) and by
// vitest.config.ts (CI runs the tests in shuffled order). No imports, so the config can load it.

/**
 * Whether `CI` says this is a CI run. Runners spell it differently (`true`, `1`, `yes`, a
 * provider's name), so any non-empty value counts except `false` and `0`, which people write
 * to say "not CI". Missing or blank: a laptop.
 */
export function isCi(ci: string | undefined): boolean {
  const value = ci?.trim().toLowerCase() ?? '';
  return value !== '' && value !== 'false' && value !== '0';
}
