// What flags show. The note appears in one place only: the private "open" view for someone
// allowed to read it at that moment. The supervisor's direct message is a notice without it.
// Nothing here is ever posted to a channel.
import { type Block, type Form, type NoticeView, noticeView, type View } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Db } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { CrisisLine } from '../ports.ts';
import { type EscalationTimes, levelChoices, levelLabel, wishChoices, wishLabel } from './levels.ts';
import type { Chain } from './routing.ts';
import { durationWords } from './time-words.ts';

/** Pieces of view text joined by a separator that is view text too. */
export function joined(pieces: readonly MarkupText[], separator: MarkupText): MarkupText {
  return pieces.reduce<MarkupText>(
    (out, piece, i) => (i === 0 ? piece : markup`${out}${separator}${piece}`),
    markup``,
  );
}

const text = (value: MarkupText): Block => ({ type: 'text', text: value });
const context = (value: MarkupText): Block => ({ type: 'context', text: value });

/** "4 hours", "15 minutes", "1.5 hours" in the reader's language. */
const durationIn = (t: Translate, ms: number): MarkupText => durationWords(ms, t);

export function whoWillSee(chain: Chain, times: EscalationTimes, t: Translate = english): MarkupText {
  const first = chain.primary ?? chain.backup;
  if (!first) return t('flags.who.nobody');
  const later: MarkupText[] = [];
  if (chain.primary && chain.backup)
    later.push(t('flags.who.backup', { name: literal(chain.backup.displayName) }));
  if (chain.admins.length > 0)
    later.push(t('flags.who.admins', { names: literal(chain.admins.map((a) => a.displayName).join(', ')) }));
  const escalation =
    later.length > 0
      ? t('flags.who.escalates', {
          after: durationIn(t, times.escalateAfterMinutes * 60_000),
          urgent: durationIn(t, times.escalateUrgentMinutes * 60_000),
          later: joined(later, t('flags.who.thenJoin')),
        })
      : markup``;
  const role = chain.primary ? t('flags.who.supervisor') : t('flags.who.backupSupervisor');
  return t('flags.who.first', { name: literal(first.displayName), role, escalation });
}

export function flagForm(
  chain: Chain,
  team: EscalationTimes & { readonly id: string },
  t: Translate = english,
): Form {
  return {
    formId: 'flags:submit',
    title: t('flags.form.title'),
    submitLabel: t('flags.form.submit'),
    context: team.id,
    intro: whoWillSee(chain, team, t),
    inputs: [
      {
        id: 'level',
        type: 'select',
        label: t('flags.form.level'),
        choices: levelChoices.map(({ value }) => ({ value, label: t(`flags.levels.${value}`) })),
      },
      {
        id: 'wish',
        type: 'select',
        label: t('flags.form.wish'),
        choices: wishChoices.map(({ value }) => ({ value, label: t(`flags.wishes.${value}`) })),
      },
      {
        id: 'note',
        type: 'text',
        label: t('flags.form.note'),
        multiline: true,
        optional: true,
        maxLength: 2000,
        hint: t('flags.form.noteHint'),
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
  raisedAt: MarkupText,
  t: Translate = english,
  escalated?: MarkupText,
): NoticeView {
  const name = literal(authorName);
  return noticeView({
    title: t('flags.notice.title', { name }),
    fields: [
      { label: t('flags.notice.howStrong'), value: levelLabel(flag.severity, t) },
      { label: t('flags.notice.wish'), value: wishLabel(flag.wish, t) },
      { label: t('flags.notice.when'), value: raisedAt },
    ],
    open: { actionId: 'flags:open', value: flag.id, label: t('flags.notice.open') },
    buttons: [
      { type: 'button', actionId: 'flags:reach-out', label: t('flags.notice.reachOut'), value: flag.id },
      { type: 'button', actionId: 'flags:noted', label: t('flags.notice.noted'), value: flag.id },
    ],
    footer: escalated
      ? t('flags.notice.footerWhy', { why: escalated, name })
      : t('flags.notice.footer', { name }),
  });
}

/**
 * The Open view: the note (and a supervisor's follow-up), for a reader the access policy allowed
 * a moment ago. Both are the people's own words, shown character for character.
 */
export function openFlagView(
  flag: Db.TriggerFlag & { readonly author: { readonly displayName: string } },
  note: string | undefined,
  followUp: string | undefined,
  t: Translate = english,
): View {
  const title = t('flags.notice.title', { name: literal(flag.author.displayName) });
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'fields',
        fields: [
          { label: t('flags.notice.howStrong'), value: levelLabel(flag.severity, t) },
          { label: t('flags.notice.wish'), value: wishLabel(flag.wish, t) },
        ],
      },
      text(
        flag.notesErasedAt
          ? t('flags.open.erased')
          : note
            ? t('flags.open.note', { note: literal(note) })
            : t('flags.open.noNote'),
      ),
      ...(followUp ? [text(t('flags.open.followUp', { note: literal(followUp) }))] : []),
      context(t('flags.open.onlyYou')),
    ],
  };
}

/** A crisis line in one bullet: name, how to reach it (notes like "press 2" kept), hours. */
function crisisBullet(line: CrisisLine): MarkupText {
  // The line's own fields, from the resources database: shown as written.
  const contacts = line.contacts
    .map((c) => (c.note ? `${c.kind}: ${c.value} (${c.note})` : `${c.kind}: ${c.value}`))
    .join(' · ');
  const reach = contacts ? markup` (${literal(contacts)})` : markup``;
  const hours = line.hours ? markup`, ${literal(line.hours)}` : markup``;
  return markup`• **${literal(line.title)}**${reach}${hours}`;
}

export function crisisBlocks(lines: readonly CrisisLine[], t: Translate = english): Block[] {
  if (lines.length === 0) return [];
  return [
    text(
      lines
        .slice(0, 5)
        .map(crisisBullet)
        .reduce((out, bullet) => markup`${out}\n${bullet}`, t('crisis.intro')),
    ),
  ];
}

export function afterFlagView(
  input: {
    readonly sentTo?: string;
    readonly steps?: readonly string[];
    readonly crisis: readonly CrisisLine[];
    readonly noSupervisor?: MarkupText;
  },
  t: Translate = english,
): View {
  const blocks: Block[] = [];
  if (input.sentTo) {
    blocks.push(text(t('flags.after.sentTo', { name: literal(input.sentTo) })));
  } else {
    blocks.push(text(input.noSupervisor ?? t('flags.after.thanks')));
  }
  if (input.steps && input.steps.length > 0) {
    blocks.push(
      text(
        input.steps.reduce<MarkupText>(
          (out, step) => markup`${out}\n• ${literal(step)}`,
          t('flags.after.fromPlan'),
        ),
      ),
    );
  }
  blocks.push(text(t('flags.after.grounding')));
  const crisis = crisisBlocks(input.crisis, t);
  blocks.push(...(crisis.length > 0 ? crisis : [context(t('crisis.pointer'))]));
  blocks.push(context(t('flags.after.nobodyElse')));
  return {
    text: input.sentTo
      ? t('flags.after.summarySent', { name: literal(input.sentTo) })
      : t('flags.after.summarySaved'),
    blocks,
  };
}

export const plainView = (value: MarkupText): View => ({ text: value, blocks: [text(value)] });
