// What flags show. The note appears in one place only: the private "open" view for someone
// allowed to read it at that moment. The supervisor's direct message is a notice without it.
// Nothing here is ever posted to a channel.
import { type Block, type Form, type NoticeView, noticeView, type View } from '../../chat/index.ts';
import type { Db } from '../../db/index.ts';
import type { CrisisLine } from '../ports.ts';
import { type EscalationTimes, levelChoices, levelLabel, wishChoices, wishLabel } from './levels.ts';
import type { Chain } from './routing.ts';
import { durationWords } from './time-words.ts';

const text = (value: string): Block => ({ type: 'text', text: value });
const context = (value: string): Block => ({ type: 'context', text: value });

export function whoWillSee(chain: Chain, times: EscalationTimes): string {
  const first = chain.primary ?? chain.backup;
  if (!first) {
    return 'You do not have a supervisor yet, so nobody will read this note. I will still show you some steps that may help, and let an admin know you would like to be paired (without telling them about this flag).';
  }
  const later: string[] = [];
  if (chain.primary && chain.backup) later.push(`${chain.backup.displayName} (your backup supervisor)`);
  if (chain.admins.length > 0)
    later.push(
      `your team's admins who are supervisors (${chain.admins.map((a) => a.displayName).join(', ')})`,
    );
  const then =
    later.length > 0
      ? ` If nobody has seen it within ${durationWords(times.escalateAfterMinutes * 60_000)} (${durationWords(times.escalateUrgentMinutes * 60_000)} when you need to talk now), it goes to ${later.join(', then ')}.`
      : '';
  return `**Who will see it:** only ${first.displayName} (your ${chain.primary ? 'supervisor' : 'backup supervisor'}), by direct message.${then} It is never posted in any channel.`;
}

export function flagForm(chain: Chain, team: EscalationTimes & { readonly id: string }): Form {
  return {
    formId: 'flags:submit',
    title: 'Flag privately',
    submitLabel: 'Send privately',
    context: team.id,
    intro: whoWillSee(chain, team),
    inputs: [
      {
        id: 'level',
        type: 'select',
        label: 'How strong is it?',
        choices: levelChoices.map(({ value, label }) => ({ value, label })),
      },
      {
        id: 'wish',
        type: 'select',
        label: 'What would help?',
        choices: wishChoices.map(({ value, label }) => ({ value, label })),
      },
      {
        id: 'note',
        type: 'text',
        label: 'Anything you want them to know (optional)',
        multiline: true,
        optional: true,
        maxLength: 2000,
        hint: 'Up to 2,000 characters. Only the people above will read it.',
      },
    ],
  };
}

/**
 * The supervisor's direct message: a notice (who, how strong, what would help, when) with
 * **Open**, never the note. Open shows the note privately after checking access again, and
 * audits the read (flag-answer.ts readNote).
 */
export function supervisorDm(
  flag: Db.TriggerFlag,
  authorName: string,
  raisedAt: string,
  escalated?: string,
): NoticeView {
  return noticeView({
    title: `A private flag from ${authorName}`,
    fields: [
      { label: 'How strong', value: levelLabel(flag.severity) },
      { label: 'What would help', value: wishLabel(flag.wish) },
      { label: 'When', value: raisedAt },
    ],
    open: { actionId: 'flags:open', value: flag.id, label: 'Open' },
    buttons: [
      { type: 'button', actionId: 'flags:reach-out', label: "I'll reach out", value: flag.id },
      { type: 'button', actionId: 'flags:noted', label: 'Noted', value: flag.id },
    ],
    footer: `${escalated ? `${escalated} ` : ''}Only you can see this. **Open** shows anything they wrote, to you only (each read is logged). ${authorName} will be told when you answer. \`/peer flags\` lists your supervisees' open flags.`,
  });
}

export function crisisBlocks(lines: readonly CrisisLine[]): Block[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, 5).map((line) => {
    const contacts = line.contacts.map((c) => `${c.kind}: ${c.value}`).join(' · ');
    return `• **${line.title}**${contacts ? ` (${contacts})` : ''}${line.hours ? `, ${line.hours}` : ''}`;
  });
  return [text(`**If you need someone right now**, these lines are there for you:\n${shown.join('\n')}`)];
}

/** Where the crisis lines are when a reply does not list them: one command away, any time. */
export const crisisLinesPointer =
  'If it gets heavier, `/peer find category:crisis-line` shows the crisis lines for your region, any time.';

const grounding =
  '**A minute for yourself, if you like:** notice 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste. Breathe out a little longer than you breathe in.';

export function afterFlagView(input: {
  readonly sentTo?: string;
  readonly steps?: readonly string[];
  readonly crisis: readonly CrisisLine[];
  readonly noSupervisor?: string;
}): View {
  const blocks: Block[] = [];
  if (input.sentTo) {
    blocks.push(
      text(
        `Thank you for saying so. Your flag went privately to **${input.sentTo}**. I will tell you here when they have seen it.`,
      ),
    );
  } else {
    blocks.push(text(input.noSupervisor ?? 'Thank you for saying so.'));
  }
  if (input.steps && input.steps.length > 0) {
    blocks.push(text(`**From your own plan, what helps:**\n${input.steps.map((s) => `• ${s}`).join('\n')}`));
  }
  blocks.push(text(grounding));
  const crisis = crisisBlocks(input.crisis);
  blocks.push(...(crisis.length > 0 ? crisis : [context(crisisLinesPointer)]));
  blocks.push(
    context('Nobody else can see this flag. `/peer flags` shows your flags and who has seen each.'),
  );
  return {
    text: input.sentTo ? `Your flag went privately to ${input.sentTo}` : 'Your flag is saved privately',
    blocks,
  };
}

export const plainView = (value: string): View => ({ text: value, blocks: [text(value)] });
