// Which CI values make a missing PostgreSQL server fail the run instead of skipping its suites.
import { describe, expect, it } from 'vitest';
import { isCi } from './database.ts';

describe('isCi: when a missing PostgreSQL server is a failure', () => {
  it.each(['true', 'TRUE', '1', 'yes', 'github', ' true '])('CI=%j counts as CI', (value) => {
    expect(isCi(value)).toBe(true);
  });

  it.each([undefined, '', '  ', 'false', 'FALSE', '0'])('CI=%j does not', (value) => {
    expect(isCi(value)).toBe(false);
  });
});
