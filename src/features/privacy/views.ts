// What `/peer privacy` says. Plain and warm; erasing is final, so the confirmation says so
// once, clearly, and "keep my data" is always the easy choice.
import type { View } from '../../chat/index.ts';
import type { PrivacyLine } from '../feature.ts';

export const textView = (text: string): View => ({ text, blocks: [{ type: 'text', text }] });

export function summaryView(lines: readonly PrivacyLine[], readsByOthers: number): View {
  return {
    text: 'What PeerBridge stores about you',
    blocks: [
      { type: 'header', text: 'What I store about you, and who can see it' },
      ...(lines.length > 0
        ? [{ type: 'fields' as const, fields: lines }]
        : [{ type: 'text' as const, text: 'I don’t keep anything about you yet.' }]),
      {
        type: 'text',
        text: `**Times someone else read, received or exported your private text:** ${readsByOthers}.`,
      },
      {
        type: 'context',
        text: 'Nothing private is ever posted to a channel. `/peer privacy export` sends you everything I keep as a file; `/peer privacy erase` deletes it. You can turn off any prompt, and skipping never shows up in a report.',
      },
    ],
  };
}

export function exportSentView(forOther: string | undefined): View {
  return textView(
    forOther === undefined
      ? 'I’ve sent you everything I keep about you as a file in a direct message. It may hold private text, so keep it somewhere safe.'
      : `I’ve sent you ${forOther}’s data as a file in a direct message, for handing over to them. It may hold private text: please keep it safe and delete your copy afterwards. This was written to the audit log.`,
  );
}

export function confirmEraseView(memberId: string, forOther: string | undefined): View {
  const whose = forOther === undefined ? 'your' : `${forOther}’s`;
  return {
    text: `Erase ${whose} data?`,
    blocks: [
      { type: 'header', text: `Erase ${whose} data?` },
      {
        type: 'text',
        text: `This deletes ${whose} private text and personal details from PeerBridge for good: answers, notes, plans, roles and settings. What ${forOther === undefined ? 'you' : 'they'} shared with the team under ${forOther === undefined ? 'your' : 'their'} name is taken out of the check-in posts in the channel too. Only anonymous counts and answers shared without a name stay (like “one answer was given”). It cannot be undone. If you might want a copy, run \`/peer privacy export\` first.`,
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: 'privacy:erase',
            label: 'Yes, erase it',
            value: memberId,
            style: 'danger',
          },
          { type: 'button', actionId: 'privacy:keep', label: 'No, keep it', style: 'primary' },
        ],
      },
    ],
  };
}

export const erasedView = (forOther: string | undefined): View =>
  textView(
    forOther === undefined
      ? 'Done: your data is erased. If you use PeerBridge again, it starts fresh. Take care of yourself.'
      : `Done: ${forOther}’s data is erased. This was written to the audit log.`,
  );

export const keptView: View = textView('Nothing was erased. Your data stays as it was.');
