// The check-in list (with edit / pause / delete buttons for leads) and the roster view.
import { type Block, literal, type MarkupText, type View } from '../../chat/index.ts';
import type { Db } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { RosterPerson } from './roster.ts';
import { joinMarkup } from './views.ts';

const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
type Weekday = (typeof weekdays)[number];
const isWeekday = (code: string): code is Weekday => weekdays.some((d) => d === code);

export function describeDefinition(template: Db.CheckinTemplate, t: Translate = english): MarkupText {
  const when =
    template.days.length === 0
      ? t('checkins.list.onDemand')
      : t('checkins.list.daysAt', {
          days: joinMarkup(
            template.days.filter(isWeekday).map((d) => t(`checkins.list.days.${d}`)),
            ', ',
          ),
          time: literal(template.time),
        });
  const values = {
    when,
    clock: template.timeMode === 'member' ? t('checkins.list.memberTime') : t('checkins.list.teamTime'),
    hours: template.openHours,
    digest: template.digestMode === 'live' ? t('checkins.list.live') : t('checkins.list.atClose'),
  };
  return template.active
    ? t('checkins.list.description', values)
    : t('checkins.list.descriptionPaused', values);
}

export function definitionsView(
  templates: readonly Db.CheckinTemplate[],
  lead: boolean,
  t: Translate = english,
): View {
  const blocks: Block[] = [{ type: 'header', text: t('checkins.list.header') }];
  if (templates.length === 0) blocks.push({ type: 'text', text: t('checkins.list.none') });
  for (const template of templates) {
    blocks.push({
      type: 'text',
      text: t('checkins.list.item', {
        name: literal(template.name),
        description: describeDefinition(template, t),
      }),
    });
    if (lead)
      blocks.push({
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'checkins:edit', label: t('checkins.list.edit'), value: template.id },
          {
            type: 'button',
            actionId: 'checkins:toggle',
            label: template.active ? t('checkins.list.pause') : t('checkins.list.resume'),
            value: template.id,
          },
          {
            type: 'button',
            actionId: 'checkins:delete',
            label: t('checkins.list.delete'),
            value: template.id,
            style: 'danger',
          },
        ],
      });
  }
  return { text: t('checkins.list.header'), blocks };
}

const roles = ['admin', 'supervisor', 'member'] as const;
const roleWord = (role: string, t: Translate): MarkupText | undefined => {
  const known = roles.find((r) => r === role);
  return known ? t(`checkins.roster.roles.${known}`) : undefined;
};

export function rosterView(teamName: string, people: readonly RosterPerson[], t: Translate = english): View {
  const lines = people.map((p) => {
    const name = literal(p.member.displayName);
    const words = p.roles.map((r) => roleWord(r, t)).filter((w): w is MarkupText => w !== undefined);
    return words.length > 0
      ? t('checkins.roster.personWithRoles', { name, roles: joinMarkup(words, ', ') })
      : t('checkins.roster.person', { name });
  });
  const team = literal(teamName);
  return {
    text: t('checkins.roster.header', { team }),
    blocks: [
      { type: 'header', text: t('checkins.roster.header', { team }) },
      { type: 'text', text: lines.length > 0 ? joinMarkup(lines, '\n') : t('checkins.roster.nobody') },
      { type: 'context', text: t('checkins.roster.count', { count: people.length }) },
    ],
  };
}
