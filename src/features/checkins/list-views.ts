// The check-in list (with edit / pause / delete buttons for leads) and the roster view.
import type { Block, View } from '../../chat/index.ts';
import type { Db } from '../../db/index.ts';
import type { RosterPerson } from './roster.ts';

const DAY_WORDS: Record<string, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};

export function describeDefinition(t: Db.CheckinTemplate): string {
  const when =
    t.days.length === 0
      ? 'on demand only'
      : `${t.days.map((d) => DAY_WORDS[d] ?? d).join(', ')} at ${t.time}`;
  const clock = t.timeMode === 'member' ? "each member's own time" : "the team's time";
  const digest = t.digestMode === 'live' ? 'shared answers as they come' : 'one digest at close';
  return `${when} (${clock}), open ${t.openHours} h, ${digest}${t.active ? '' : ' · paused'}`;
}

export function definitionsView(templates: readonly Db.CheckinTemplate[], lead: boolean): View {
  const blocks: Block[] = [{ type: 'header', text: 'Check-ins of this team' }];
  if (templates.length === 0)
    blocks.push({
      type: 'text',
      text: 'None set up yet. `/peer checkin setup` makes one; `/peer checkin now` runs the support circle at once.',
    });
  for (const t of templates) {
    blocks.push({ type: 'text', text: `**${t.name}**: ${describeDefinition(t)}` });
    if (lead)
      blocks.push({
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'checkins:edit', label: 'Edit', value: t.id },
          { type: 'button', actionId: 'checkins:toggle', label: t.active ? 'Pause' : 'Resume', value: t.id },
          { type: 'button', actionId: 'checkins:delete', label: 'Delete', value: t.id, style: 'danger' },
        ],
      });
  }
  return { text: 'Check-ins of this team', blocks };
}

export function rosterView(teamName: string, people: readonly RosterPerson[]): View {
  const lines = people.map(
    (p) => `• ${p.member.displayName}${p.roles.length > 0 ? ` (${p.roles.join(', ')})` : ''}`,
  );
  return {
    text: `Roster of ${teamName}`,
    blocks: [
      { type: 'header', text: `Roster of ${teamName}` },
      { type: 'text', text: lines.length > 0 ? lines.join('\n') : 'Nobody yet.' },
      {
        type: 'context',
        text: `${people.length} ${people.length === 1 ? 'person' : 'people'}; bots are left out.`,
      },
    ],
  };
}
