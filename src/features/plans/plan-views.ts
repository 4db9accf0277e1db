// What the plan feature shows: only ever to the plan's owner, except a section they chose to
// share with their supervisor. The plan's text is the member's own words: always literal().

import type { Block, Form, View } from '../../chat/index.ts';
import { noticeView } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { PlanTexts } from './plan-store.ts';
import { type PlanSection, planSections, sectionPrompt, sectionTitle } from './sections.ts';

/** A number as the reader writes it ("1,500" in English, "1500" in Spanish). */
export const counted = (n: number, t: Translate) =>
  literal(n.toLocaleString(t.locale.startsWith('en') ? 'en-US' : t.locale));

export function planView(texts: PlanTexts, t: Translate = english): View {
  const filled = planSections.filter((s) => texts[s.key]);
  const blocks: Block[] = [
    { type: 'header', text: t('plans.view.header') },
    { type: 'context', text: t('plans.view.onlyYou') },
  ];
  for (const section of planSections) {
    const text = texts[section.key];
    const values = { title: sectionTitle(section, t), key: literal(section.key) };
    blocks.push({
      type: 'text',
      text: text
        ? t('plans.view.section', { ...values, text: literal(text) })
        : t('plans.view.notWritten', { ...values, prompt: sectionPrompt(section, t) }),
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      ...planSections.map((section) => ({
        type: 'button' as const,
        actionId: 'plans:edit',
        label: t('plans.view.edit', { title: sectionTitle(section, t) }).slice(0, 80),
        value: section.key,
      })),
      { type: 'button', actionId: 'plans:export', label: t('plans.view.export') },
    ],
  });
  const summary =
    filled.length === 0 ? t('plans.view.empty') : t('plans.view.summary', { count: filled.length });
  return { text: summary, blocks };
}

export function sectionForm(section: PlanSection, current: string | undefined, t: Translate = english): Form {
  const title = sectionTitle(section, t);
  return {
    formId: 'plans:section',
    title: title.slice(0, 45),
    submitLabel: t('plans.form.submit'),
    context: section.key,
    intro: t('plans.form.intro', { prompt: sectionPrompt(section, t) }),
    inputs: [
      {
        id: 'text',
        type: 'text',
        label: title,
        multiline: true,
        optional: true,
        maxLength: section.limit,
        ...(current ? { initial: current } : {}),
        hint: t('plans.form.hint', { limit: counted(section.limit, t) }),
      },
    ],
  };
}

/**
 * The plan as a Markdown file for the member's own copy: a file, not a view, so the member's
 * words go in exactly as written (no escapes), under headings in their language.
 */
export function planMarkdown(texts: PlanTexts, name: string, date: string, t: Translate = english): string {
  const parts: string[] = [
    `# ${t('plans.file.heading')}: ${name}`,
    '',
    t('plans.file.exported', { date: literal(date) }),
    '',
  ];
  for (const section of planSections) {
    parts.push(`## ${sectionTitle(section, t)}`, '', texts[section.key] ?? t('plans.file.notWritten'), '');
  }
  return parts.join('\n');
}

export function sharedSectionView(
  memberName: string,
  section: PlanSection,
  text: string,
  t: Translate = english,
): View {
  const name = literal(memberName);
  return {
    text: t('plans.share.summary', { name }),
    blocks: [
      { type: 'header', text: t('plans.share.header', { name, section: sectionTitle(section, t) }) },
      // The member's own words: shown character for character, never as the bot's markup.
      { type: 'text', text: markup`${literal(text)}` },
      { type: 'context', text: t('plans.share.keep', { name }) },
    ],
  };
}

/**
 * The supervisor's direct message about a shared section: a notice with **Open**, never the
 * text (chat/notice.ts). Open checks access again and audits the read.
 */
export function sharedSectionNotice(
  memberName: string,
  section: PlanSection,
  shareId: string,
  when: MarkupText,
  t: Translate = english,
) {
  const name = literal(memberName);
  return noticeView({
    title: t('plans.share.summary', { name }),
    fields: [
      { label: t('plans.share.section'), value: sectionTitle(section, t) },
      { label: t('plans.share.when'), value: when },
    ],
    open: { actionId: 'plans:open-share', value: shareId, label: t('plans.share.open') },
    footer: t('plans.share.footer', { name }),
  });
}
