// The first thing a newcomer reads, and the `/?` list. Plain, warm words: what this is,
// three things to try, and how to leave.

import { literal, type MarkupText, toPlainText } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { playgroundCommands } from './shell-lines.ts';

export function commandList(): string {
  const width = Math.max(...playgroundCommands.map((c) => c.usage.length));
  return playgroundCommands.map((c) => `  ${c.usage.padEnd(width)}  ${c.what}`).join('\n');
}

export function banner(
  start: {
    readonly person: string;
    readonly channel: string;
    /** Where what you do is kept, in words ("in /home/sam/peerbridge/data"): the banner never guesses. */
    readonly kept?: string;
  },
  t: Translate = english,
): string {
  const say = (text: MarkupText): string => toPlainText(text);
  const title = say(t('platform.shell.bannerTitle'));
  return [
    title,
    '═'.repeat(title.length),
    say(t('platform.shell.bannerHello')),
    say(
      t('platform.shell.bannerKept', {
        where: start.kept === undefined ? t('platform.shell.bannerKeptDefault') : literal(start.kept),
      }),
    ),
    '',
    say(t('platform.shell.bannerYou', { person: literal(start.person), channel: literal(start.channel) })),
    `  /peer setup timezone:Europe/Berlin     ${say(t('platform.shell.bannerSetup'))}`,
    `  /peer help                             ${say(t('platform.shell.bannerHelp'))}`,
    `  /as sam   then   /peer privacy         ${say(t('platform.shell.bannerAs'))}`,
    '',
    say(t('platform.shell.bannerCommands')),
    commandList(),
    '',
    say(t('platform.shell.bannerLeave')),
  ].join('\n');
}

export const farewell = (t: Translate = english): string => toPlainText(t('platform.shell.farewell'));
