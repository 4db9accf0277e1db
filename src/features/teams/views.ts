// What team set-up says. Plain, warm words; nothing here is private, so nothing here is
// sensitive, but still nothing names who has not done something.
//
// Team names and display names are written by people: every one goes through `literal()` (or
// a `markup` template), so `[click](https://evil.example)` as a team name stays text.
import { literal } from '../../chat/markup.ts';
import type { Block, View } from '../../chat/views.ts';
import { minutesWords } from './escalation-times.ts';
import type { OverviewPerson, PrivacySummary, TeamOverview } from './service.ts';

const roleNames = { member: 'member', supervisor: 'supervisor', admin: 'admin' } as const;

export const refusalView = (reason: string): View => ({
  text: reason,
  blocks: [{ type: 'text', text: reason }],
});

export function teamSetUpView(
  team: { name: string; timeZone: string; crisisRegion: string },
  created: boolean,
): View {
  const name = literal(team.name);
  const title = created ? `This channel is now the team "${name}"` : `Team "${name}" is updated`;
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'fields',
        fields: [
          { label: 'Time zone', value: team.timeZone },
          { label: 'Crisis lines shown first for', value: team.crisisRegion },
        ],
      },
      {
        type: 'text',
        text: created
          ? 'You are its first admin. Next steps, whenever you are ready: give supervisors their role with `/peer team role`, and pair each member with a primary and backup supervisor with `/peer team supervisor`.'
          : 'Nothing else changed.',
      },
      { type: 'context', text: 'Everyone can see what I store about them with `/peer privacy`.' },
    ],
  };
}

export function roleChangedView(
  personName: string,
  role: keyof typeof roleNames,
  removed: boolean,
  changed: boolean,
  endedAssignments = 0,
): View {
  const displayName = literal(personName);
  const text = !changed
    ? `${displayName} ${removed ? 'did not have' : 'already has'} the ${roleNames[role]} role. Nothing changed.`
    : removed
      ? `${displayName} is no longer a ${roleNames[role]} in this team.`
      : `${displayName} is now a ${roleNames[role]} in this team.`;
  const handOver =
    endedAssignments > 0
      ? ` ${endedAssignments === 1 ? 'One member they supervised needs' : `${endedAssignments} members they supervised need`} a new supervisor: \`/peer team show\` lists who, and \`/peer team supervisor\` pairs them.`
      : '';
  return refusalView(text + handOver);
}

export function supervisorAssignedView(
  superviseeName: string,
  supervisorName: string,
  kind: 'primary' | 'backup',
  hasAdminSupervisor = true,
): View {
  const supervisee = literal(superviseeName);
  const supervisor = literal(supervisorName);
  const text = `${supervisor} is now the ${kind} supervisor for ${supervisee}. Private flags from ${supervisee} will reach ${supervisor}${kind === 'backup' ? ' when the primary supervisor has not answered in time' : ''}.`;
  // The chain ends with the team's admins who are also supervisors: with none, a flag nobody
  // answers in time has nowhere left to go.
  const warning = hasAdminSupervisor
    ? ''
    : '\n\n**One thing to check:** no admin of this team is also a supervisor, so a flag that nobody answers in time has nobody left to go to. Give an admin the supervisor role (`/peer team role user:@them role:supervisor`) so the chain always ends with a person.';
  return refusalView(text + warning);
}

/** People per page of `/peer team show`: one page stays well inside every platform's message limits. */
export const overviewPageSize = 25;

function personLine(p: OverviewPerson): string {
  const supervisors = [
    p.primary ? `primary: ${literal(p.primary.displayName)}` : '',
    p.backup ? `backup: ${literal(p.backup.displayName)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const roles = p.roles.length > 0 ? p.roles.join(', ') : 'member';
  const notes = [p.buddy ? 'support buddy' : '', p.offRoster ? 'not in the channel now' : '']
    .filter(Boolean)
    .join(', ');
  return `• ${literal(p.member.displayName)} (${roles})${supervisors ? ` — ${supervisors}` : ''}${notes ? ` · ${notes}` : ''}`;
}

/** One page of the team: the settings on the first, up to `overviewPageSize` people on each. */
export function teamOverviewView(overview: TeamOverview, page = 1): View {
  const teamName = literal(overview.team.name);
  const pages = Math.max(1, Math.ceil(overview.people.length / overviewPageSize));
  const shown = Math.min(Math.max(1, page), pages);
  const title = pages > 1 ? `Team "${teamName}" (page ${shown} of ${pages})` : `Team "${teamName}"`;
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (shown === 1)
    blocks.push({
      type: 'fields',
      fields: [
        { label: 'Time zone', value: overview.team.timeZone },
        { label: 'Crisis region', value: overview.team.crisisRegion },
        { label: 'People', value: String(overview.people.length) },
        { label: 'Flags go to the next person after', value: escalationWords(overview.team) },
      ],
    });
  const slice = overview.people.slice((shown - 1) * overviewPageSize, shown * overviewPageSize);
  if (slice.length > 0) blocks.push({ type: 'text', text: slice.map(personLine).join('\n') });
  if (shown < pages)
    blocks.push({
      type: 'context',
      text: `\`/peer team show page:${shown + 1}\` shows the next ${overviewPageSize}.`,
    });
  return { text: title, blocks };
}

/** How long flags wait here, in words (team show and the escalation command). */
export const escalationWords = (team: { escalateAfterMinutes: number; escalateUrgentMinutes: number }) =>
  `${minutesWords(team.escalateAfterMinutes)} (${minutesWords(team.escalateUrgentMinutes)} for "talk now")`;

export function escalationTimesView(
  team: { escalateAfterMinutes: number; escalateUrgentMinutes: number },
  changed: boolean,
): View {
  const lead = changed ? 'Saved. From now on, a' : 'A';
  return refusalView(
    `${lead} private flag nobody has seen goes to the next person after ${escalationWords(team)}. Flags already waiting keep the time they were given.`,
  );
}

export const timeZoneSetView = (zone: string): View =>
  refusalView(`Got it: I will use ${zone} for your reminders and quiet hours.`);

export const quietHoursSetView = (described: string | null): View =>
  refusalView(
    described
      ? `Your quiet hours are ${described}, in your own time zone. I will hold anything that is not urgent until they end.`
      : 'Quiet hours are off. You can set them again any time with `/peer quiet-hours 21:00-07:00`.',
  );

export function privacyView(summary: PrivacySummary, quiet: string | null): View {
  const m = summary.member;
  const teams =
    summary.teams.map((t) => `${literal(t.name)} (${t.roles.join(', ')})`).join('; ') || 'none yet';
  return {
    text: 'What PeerBridge stores about you',
    blocks: [
      { type: 'header', text: 'What I store about you, and who can see it' },
      {
        type: 'fields',
        fields: [
          { label: 'Your name here', value: literal(m.displayName) },
          { label: 'Time zone', value: m.timeZone ?? 'the team’s' },
          { label: 'Quiet hours', value: quiet ?? 'none' },
          { label: 'Teams', value: teams },
        ],
      },
      {
        type: 'text',
        text: [
          `**Check-in answers:** ${summary.answers}. Shared answers go into your team’s digest; private notes are encrypted and only you can read them.`,
          `**Private flags:** ${summary.flags}. Only you and your assigned supervisors can see them; they are encrypted, and every time someone other than you reads one, it is written to an audit log.`,
          `**Wellness plan:** ${summary.hasWellnessPlan ? 'saved, encrypted, readable only by you' : 'none saved'}.`,
          `**Self-care nudges you chose:** ${summary.nudges}.`,
          `**Reads of your private text by others:** ${summary.readsByOthers}.`,
        ].join('\n'),
      },
      {
        type: 'context',
        text: 'Nothing private is ever posted to a channel. You can turn off any prompt, and skipping never shows up in a report.',
      },
    ],
  };
}

export function welcomeView(name: string): View {
  const teamName = literal(name);
  return {
    text: `Welcome to ${teamName}`,
    blocks: [
      { type: 'header', text: `Welcome to ${teamName}` },
      {
        type: 'text',
        text:
          'I am PeerBridge, a helper for this peer team. I post gentle check-ins, pass private flags to your supervisor when a session weighs on you, help schedule supervision, and keep crisis lines and resources close by.\n' +
          'Everything is optional: you can skip, snooze or turn off any prompt.',
      },
      {
        type: 'text',
        text: 'If a session ever weighs on you, you can tell your supervisor privately, any time. Nobody else sees it.',
      },
      // The flags feature owns the form; its action id opens it, on every platform and the shell.
      { type: 'actions', elements: [{ type: 'button', actionId: 'flags:start', label: 'Flag privately' }] },
      {
        type: 'context',
        text: '`/peer help` shows what you can do · `/peer privacy` shows what I keep about you',
      },
    ],
  };
}
