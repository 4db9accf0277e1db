// Hostile values for fuzzing: the strings people (or attackers) can type, and checks that a
// rendered message can never ping a whole channel.
import fc from 'fast-check';
import { renderDiscordMessages } from '../../src/adapters/discord/render-components.ts';
import { renderSlackMessages } from '../../src/adapters/slack/render-blocks.ts';
import type { View } from '../../src/chat/index.ts';

/** Runs per property: bounded in `npm test`, longer with `npm run fuzz` (FUZZ_RUNS). */
export const runs = Number(process.env.FUZZ_RUNS ?? 15);
/** Fixed in `npm test`, so a failure is the same failure on every machine. */
export const seed = Number(process.env.FUZZ_SEED ?? 20261201);

const mentions = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<!subteam^S123|team>',
  '@everyone',
  '@here',
  '@channel',
  '<@U0123ABC>',
  '<@&123456789012345678>',
  '<@!123456789012345678>',
];
const nasty = [
  '',
  ' ',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202eevil\u202c',
  '\u200b\u200f\u2066',
  '[click](javascript:alert(1))',
  '[x](https://example.org) **bold** _it_ `code`',
  '"unterminated',
  'name:value other=thing',
  '../../etc/passwd',
  '\'; DROP TABLE "Member"; --',
  `%s%n{{7*7}}\${process}`,
  'null',
  'undefined',
  '-1',
  '1e309',
  'Europe/Berlin',
  '21:00-07:00',
  'off',
  'yes',
  'export',
  'erase',
];

export const hostileString = fc.oneof(
  fc.constantFrom(...mentions, ...nasty),
  fc.string({ maxLength: 200 }),
  fc.fullUnicodeString({ maxLength: 80 }),
  fc.tuple(fc.constantFrom(...mentions), fc.string({ maxLength: 20 })).map(([m, s]) => `${s} ${m} ${s}`),
  fc.constant('x'.repeat(100_000)),
  fc.constant(`${'@everyone '.repeat(500)}`),
);

/** Any value a raw option might carry, including the wrong type. */
export const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean());

const massMention = /<!(channel|here|everyone|subteam)|@(everyone|here|channel)\b/i;

/** Problems with a view as both platforms would send it: a live mass mention, no allowed_mentions. */
export function mentionProblems(view: View): string[] {
  const problems: string[] = [];
  const slack = JSON.stringify(renderSlackMessages(view));
  if (massMention.test(slack)) problems.push(`Slack: ${slack.match(massMention)?.[0]}`);
  for (const message of renderDiscordMessages(view)) {
    const text = JSON.stringify(message);
    if (massMention.test(text)) problems.push(`Discord: ${text.match(massMention)?.[0]}`);
    if (JSON.stringify(message.allowed_mentions) !== '{"parse":[]}')
      problems.push('Discord: allowed_mentions missing');
  }
  return problems;
}
