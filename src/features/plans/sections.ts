// The seven sections of a WRAP-style wellness plan, each stored in its own encrypted column.
// Their names and prompts are the catalog's (`plans.sections`; Spanish: the glossary's WRAP®
// section names).
// A section's limit keeps it readable in one chat message and inside every platform's form
// limit (Slack 3,000, Discord 4,000 characters a text input).

import type { MarkupText } from '../../chat/markup.ts';
import type { Translate } from '../../i18n/index.ts';

export const sectionKeys = [
  'daily',
  'triggers',
  'warning-signs',
  'breaking-down',
  'people',
  'crisis',
  'after-crisis',
] as const;

export type SectionKey = (typeof sectionKeys)[number];

export type SectionColumn =
  | 'dailyMaintenanceEnc'
  | 'triggersEnc'
  | 'earlyWarningSignsEnc'
  | 'breakingDownEnc'
  | 'supportPeopleEnc'
  | 'crisisPlanEnc'
  | 'postCrisisEnc';

export interface PlanSection {
  readonly key: SectionKey;
  readonly column: SectionColumn;
  readonly limit: number;
}

export const planSections: readonly PlanSection[] = [
  {
    key: 'daily',
    column: 'dailyMaintenanceEnc',
    limit: 1500,
  },
  {
    key: 'triggers',
    column: 'triggersEnc',
    limit: 1500,
  },
  {
    key: 'warning-signs',
    column: 'earlyWarningSignsEnc',
    limit: 1000,
  },
  {
    key: 'breaking-down',
    column: 'breakingDownEnc',
    limit: 1000,
  },
  {
    key: 'people',
    column: 'supportPeopleEnc',
    limit: 1000,
  },
  {
    key: 'crisis',
    column: 'crisisPlanEnc',
    limit: 2000,
  },
  {
    key: 'after-crisis',
    column: 'postCrisisEnc',
    limit: 1000,
  },
];

/** A section's name in the reader's words. */
export const sectionTitle = (section: Pick<PlanSection, 'key'>, t: Translate): MarkupText =>
  t(`plans.sections.${section.key}.title`);

/** What a section asks, in the reader's words. */
export const sectionPrompt = (section: Pick<PlanSection, 'key'>, t: Translate): MarkupText =>
  t(`plans.sections.${section.key}.prompt`);

export function sectionByKey(key: string): PlanSection | undefined {
  return planSections.find((section) => section.key === key);
}

/** The envelope's associated data: a section cannot be moved into another column. */
export const sectionContext = (section: PlanSection): string => `WellnessPlan.${section.column}`;
