// What the plan feature shows: only ever to the plan's owner, except a section they chose to
// share with their supervisor.

import type { Block, Form, View } from '../../chat/index.ts';
import { noticeView } from '../../chat/index.ts';
import type { PlanTexts } from './plan-store.ts';
import { type PlanSection, planSections } from './sections.ts';

export function planView(texts: PlanTexts): View {
  const filled = planSections.filter((s) => texts[s.key]);
  const blocks: Block[] = [
    { type: 'header', text: 'Your wellness plan' },
    {
      type: 'context',
      text: 'Only you can read this. It is encrypted, and nobody sees a section unless you share it with `/peer plan share section:<name>`.',
    },
  ];
  for (const section of planSections) {
    const text = texts[section.key];
    blocks.push({
      type: 'text',
      text: `**${section.title}** (\`${section.key}\`)\n${text ?? `_Not written yet. ${section.prompt}_`}`,
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      ...planSections.map((section) => ({
        type: 'button' as const,
        actionId: 'plans:edit',
        label: `Edit: ${section.title}`.slice(0, 80),
        value: section.key,
      })),
      { type: 'button', actionId: 'plans:export', label: 'Send me a copy as a file' },
    ],
  });
  const summary =
    filled.length === 0
      ? 'Your wellness plan is empty so far'
      : `Your wellness plan (${filled.length} of 7 sections)`;
  return { text: summary, blocks };
}

export function sectionForm(section: PlanSection, current: string | undefined): Form {
  return {
    formId: 'plans:section',
    title: section.title.slice(0, 45),
    submitLabel: 'Save',
    context: section.key,
    intro: `${section.prompt} Only you can read it. Leave it empty to clear this section.`,
    inputs: [
      {
        id: 'text',
        type: 'text',
        label: section.title,
        multiline: true,
        optional: true,
        maxLength: section.limit,
        ...(current ? { initial: current } : {}),
        hint: `Up to ${section.limit.toLocaleString('en-US')} characters.`,
      },
    ],
  };
}

export function planMarkdown(texts: PlanTexts, name: string, date: string): string {
  const parts = [`# Wellness plan: ${name}`, '', `_Exported ${date}. Keep this file somewhere private._`, ''];
  for (const section of planSections) {
    parts.push(`## ${section.title}`, '', texts[section.key] ?? '_Not written yet._', '');
  }
  return parts.join('\n');
}

export function sharedSectionView(memberName: string, section: PlanSection, text: string): View {
  return {
    text: `${memberName} shared a part of their wellness plan with you`,
    blocks: [
      { type: 'header', text: `${memberName} shared: ${section.title}` },
      { type: 'text', text },
      {
        type: 'context',
        text: `${memberName} chose to share this one section with you. Please keep it between you two.`,
      },
    ],
  };
}

/**
 * The supervisor's direct message about a shared section: a notice with **Open**, never the
 * text (chat/notice.ts). Open checks access again and audits the read.
 */
export function sharedSectionNotice(memberName: string, section: PlanSection, shareId: string, when: string) {
  return noticeView({
    title: `${memberName} shared a part of their wellness plan with you`,
    fields: [
      { label: 'Section', value: section.title },
      { label: 'When', value: when },
    ],
    open: { actionId: 'plans:open-share', value: shareId },
    footer: `Only you can see this. **Open** shows the section to you only (each read is logged). ${memberName} chose to share this one section; nothing else in their plan is shared.`,
  });
}
