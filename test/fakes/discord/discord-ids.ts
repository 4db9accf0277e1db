const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;
let lastMs = 0n;

/** Real-looking, strictly increasing snowflakes (timestamp << 22 | worker/process 1 | increment). */
export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  if (ms < lastMs) ms = lastMs;
  if (ms === lastMs) increment += 1n;
  else increment = 0n;
  if (increment > 0xfffn) {
    ms += 1n;
    increment = 0n;
  }
  lastMs = ms;
  return ((ms << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** Interaction tokens are long opaque strings; the fake only needs them unique. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${snowflake()}:${crypto.randomUUID().replaceAll('-', '')}${crypto.randomUUID().replaceAll('-', '')}`;
}
