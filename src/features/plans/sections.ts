// The seven sections of a WRAP-style wellness plan, each stored in its own encrypted column.
// A section's limit keeps it readable in one chat message and inside every platform's form
// limit (Slack 3,000, Discord 4,000 characters a text input).

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
  readonly title: string;
  readonly prompt: string;
  readonly column: SectionColumn;
  readonly limit: number;
}

export const planSections: readonly PlanSection[] = [
  {
    key: 'daily',
    title: 'Daily maintenance',
    prompt: 'What keeps you well day to day: sleep, food, people, small routines.',
    column: 'dailyMaintenanceEnc',
    limit: 1500,
  },
  {
    key: 'triggers',
    title: 'My triggers and what helps',
    prompt: 'What can set things off for you, and what helps when it happens. One step a line.',
    column: 'triggersEnc',
    limit: 1500,
  },
  {
    key: 'warning-signs',
    title: 'Early warning signs',
    prompt: 'Small signs that things are starting to slip, and what you do then.',
    column: 'earlyWarningSignsEnc',
    limit: 1000,
  },
  {
    key: 'breaking-down',
    title: 'When things are breaking down',
    prompt: 'How you know things are getting much harder, and what you want to happen.',
    column: 'breakingDownEnc',
    limit: 1000,
  },
  {
    key: 'people',
    title: 'People I can call',
    prompt: 'Who you can reach, and how.',
    column: 'supportPeopleEnc',
    limit: 1000,
  },
  {
    key: 'crisis',
    title: 'My crisis plan',
    prompt: 'What you want others to know and do if you are in crisis.',
    column: 'crisisPlanEnc',
    limit: 2000,
  },
  {
    key: 'after-crisis',
    title: 'After a crisis',
    prompt: 'What helps you get back on your feet afterwards.',
    column: 'postCrisisEnc',
    limit: 1000,
  },
];

export function sectionByKey(key: string): PlanSection | undefined {
  return planSections.find((section) => section.key === key);
}

/** The envelope's associated data: a section cannot be moved into another column. */
export const sectionContext = (section: PlanSection): string => `WellnessPlan.${section.column}`;
