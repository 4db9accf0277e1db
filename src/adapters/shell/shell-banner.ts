// The first thing a newcomer reads, and the `/?` list. Plain, warm words: what this is,
// three things to try, and how to leave.

import { playgroundCommands } from './shell-lines.ts';

export function commandList(): string {
  const width = Math.max(...playgroundCommands.map((c) => c.usage.length));
  return playgroundCommands.map((c) => `  ${c.usage.padEnd(width)}  ${c.what}`).join('\n');
}

export function banner(start: {
  readonly person: string;
  readonly channel: string;
  /** Where what you do is kept, in words ("in /home/sam/peerbridge/data"): the banner never guesses. */
  readonly kept?: string;
}): string {
  const title = 'PeerBridge playground';
  return [
    title,
    '═'.repeat(title.length),
    'Hello! This is a pretend chat workspace in your terminal, so you can try PeerBridge',
    'without Slack, Discord or any tokens.',
    `What you do is kept ${start.kept ?? 'in the embedded database'}.`,
    '',
    `You are ${start.person}, in the channel #${start.channel}. Try this:`,
    '  /peer setup timezone:Europe/Berlin     make this channel a peer team (you become its admin)',
    '  /peer help                             everything PeerBridge can do',
    '  /as sam   then   /peer privacy         be someone new, and see what is kept about them',
    '',
    'Playground commands:',
    commandList(),
    '',
    'Leave any time with /quit or Ctrl-D.',
  ].join('\n');
}

export const farewell = 'Bye for now. Take care of yourself.';
