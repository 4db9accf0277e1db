// What team set-up says. Plain, warm words; nothing here is private, so nothing here is
// sensitive, but still nothing names who has not done something. Each view takes the reader's
// translator (`t`): a member's own replies in their language, the channel's posts in the team's.
//
// Team names and display names are written by people: every one goes through `literal()` (or
// a `markup` template), so `[click](https://evil.example)` as a team name stays text.
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Block, View } from '../../chat/views.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { minutesWords } from './escalation-times.ts';
import type { OverviewPerson, PrivacySummary, TeamOverview } from './service.ts';

type RoleName = 'member' | 'supervisor' | 'admin';

export const refusalView = (reason: MarkupText): View => ({
  text: reason,
  blocks: [{ type: 'text', text: reason }],
});

/** Pieces joined with a separator that is punctuation, not words. */
export function joined(pieces: readonly MarkupText[], separator: ', ' | '; ' | '\n'): MarkupText {
  return pieces.reduce(
    (all, piece, i) => (i === 0 ? piece : markup`${all}${literal(separator)}${piece}`),
    markup``,
  );
}

/** Role names in the reader's language: `admin, member`. */
export const roleWords = (t: Translate, roles: readonly string[]): MarkupText =>
  joined(
    roles.map((role) => (isRole(role) ? t(`teams.roles.${role}`) : markup`${literal(role)}`)),
    ', ',
  );

// Role *names* for the words only; who may do what is the access policy's (src/access).
const roleNames: readonly string[] = ['member', 'supervisor', 'admin'] satisfies RoleName[];
const isRole = (role: string): role is RoleName => roleNames.includes(role);

export function teamSetUpView(
  team: { name: string; timeZone: string; crisisRegion: string },
  created: boolean,
  t: Translate = english,
): View {
  const name = literal(team.name);
  const title = created ? t('teams.setUp.created', { name }) : t('teams.setUp.updated', { name });
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'fields',
        fields: [
          { label: t('teams.setUp.timeZone'), value: markup`${literal(team.timeZone)}` },
          { label: t('teams.setUp.crisisRegion'), value: markup`${literal(team.crisisRegion)}` },
        ],
      },
      { type: 'text', text: created ? t('teams.setUp.nextSteps') : t('teams.setUp.nothingElse') },
      { type: 'context', text: t('teams.setUp.privacy') },
    ],
  };
}

export function roleChangedView(
  personName: string,
  role: RoleName,
  removed: boolean,
  changed: boolean,
  endedAssignments = 0,
  t: Translate = english,
): View {
  const values = { name: literal(personName), role: t(`teams.roles.${role}`) };
  const said = !changed
    ? removed
      ? t('teams.role.didNotHave', values)
      : t('teams.role.alreadyHas', values)
    : removed
      ? t('teams.role.removed', values)
      : t('teams.role.added', values);
  return refusalView(
    endedAssignments > 0
      ? t('teams.role.together', { said, more: t('teams.role.handOver', { count: endedAssignments }) })
      : said,
  );
}

export function supervisorAssignedView(
  superviseeName: string,
  supervisorName: string,
  kind: 'primary' | 'backup',
  hasAdminSupervisor = true,
  t: Translate = english,
): View {
  const values = { supervisee: literal(superviseeName), supervisor: literal(supervisorName) };
  const said =
    kind === 'backup' ? t('teams.supervisor.backup', values) : t('teams.supervisor.primary', values);
  // The chain ends with the team's admins who are also supervisors: with none, a flag nobody
  // answers in time has nowhere left to go.
  return refusalView(hasAdminSupervisor ? said : t('teams.supervisor.noAdminSupervisor', { said }));
}

/** People per page of `/peer team show`: one page stays well inside every platform's message limits. */
export const overviewPageSize = 25;

function personLine(t: Translate, p: OverviewPerson): MarkupText {
  const supervisors = joined(
    [
      ...(p.primary ? [t('teams.overview.primary', { name: literal(p.primary.displayName) })] : []),
      ...(p.backup ? [t('teams.overview.backup', { name: literal(p.backup.displayName) })] : []),
    ],
    ', ',
  );
  const notes = joined(
    [
      ...(p.buddy ? [t('teams.overview.buddy')] : []),
      ...(p.offRoster ? [t('teams.overview.offRoster')] : []),
    ],
    ', ',
  );
  const values = {
    name: literal(p.member.displayName),
    roles: roleWords(t, p.roles.length > 0 ? p.roles : ['member']),
  };
  if (supervisors && notes)
    return t('teams.overview.personSupervisedNoted', { ...values, supervisors, notes });
  if (supervisors) return t('teams.overview.personSupervised', { ...values, supervisors });
  if (notes) return t('teams.overview.personNoted', { ...values, notes });
  return t('teams.overview.person', values);
}

/** One page of the team: the settings on the first, up to `overviewPageSize` people on each. */
export function teamOverviewView(overview: TeamOverview, page = 1, t: Translate = english): View {
  const name = literal(overview.team.name);
  const pages = Math.max(1, Math.ceil(overview.people.length / overviewPageSize));
  const shown = Math.min(Math.max(1, page), pages);
  const title =
    pages > 1
      ? t('teams.overview.titlePaged', { name, page: shown, pages })
      : t('teams.overview.title', { name });
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (shown === 1)
    blocks.push({
      type: 'fields',
      fields: [
        { label: t('teams.overview.timeZone'), value: markup`${literal(overview.team.timeZone)}` },
        { label: t('teams.overview.crisisRegion'), value: markup`${literal(overview.team.crisisRegion)}` },
        { label: t('teams.overview.people'), value: markup`${overview.people.length}` },
        { label: t('teams.overview.escalation'), value: escalationWords(overview.team, t) },
      ],
    });
  const slice = overview.people.slice((shown - 1) * overviewPageSize, shown * overviewPageSize);
  if (slice.length > 0)
    blocks.push({
      type: 'text',
      text: joined(
        slice.map((p) => personLine(t, p)),
        '\n',
      ),
    });
  if (shown < pages)
    blocks.push({
      type: 'context',
      text: t('teams.overview.nextPage', { page: shown + 1, size: overviewPageSize }),
    });
  return { text: title, blocks };
}

/** How long flags wait here, in words (team show and the escalation command). */
export const escalationWords = (
  team: { escalateAfterMinutes: number; escalateUrgentMinutes: number },
  t: Translate = english,
): MarkupText =>
  t('teams.escalation.words', {
    after: minutesWords(team.escalateAfterMinutes, t),
    urgent: minutesWords(team.escalateUrgentMinutes, t),
  });

export function escalationTimesView(
  team: { escalateAfterMinutes: number; escalateUrgentMinutes: number },
  changed: boolean,
  t: Translate = english,
): View {
  const times = escalationWords(team, t);
  return refusalView(
    changed ? t('teams.escalation.saved', { times }) : t('teams.escalation.current', { times }),
  );
}

export const timeZoneSetView = (zone: string, t: Translate = english): View =>
  refusalView(t('teams.settings.timeZoneSet', { zone: literal(zone) }));

export const quietHoursSetView = (described: string | null, t: Translate = english): View =>
  refusalView(
    described ? t('teams.settings.quietSet', { hours: literal(described) }) : t('teams.settings.quietOff'),
  );

export function privacyView(summary: PrivacySummary, quiet: string | null, t: Translate = english): View {
  const m = summary.member;
  const teams = summary.teams.map((team) =>
    t('teams.privacy.team', { name: literal(team.name), roles: roleWords(t, team.roles) }),
  );
  return {
    text: t('teams.privacy.summary'),
    blocks: [
      { type: 'header', text: t('teams.privacy.header') },
      {
        type: 'fields',
        fields: [
          { label: t('teams.privacy.name'), value: markup`${literal(m.displayName)}` },
          {
            label: t('teams.privacy.timeZone'),
            value: m.timeZone ? markup`${literal(m.timeZone)}` : t('teams.privacy.teamsZone'),
          },
          {
            label: t('teams.privacy.quietHours'),
            value: quiet ? markup`${literal(quiet)}` : t('teams.privacy.none'),
          },
          {
            label: t('teams.privacy.teams'),
            value: teams.length > 0 ? joined(teams, '; ') : t('teams.privacy.noTeams'),
          },
        ],
      },
      {
        type: 'text',
        text: joined(
          [
            t('teams.privacy.answers', { count: summary.answers }),
            t('teams.privacy.flags', { count: summary.flags }),
            summary.hasWellnessPlan ? t('teams.privacy.planSaved') : t('teams.privacy.planNone'),
            t('teams.privacy.nudges', { count: summary.nudges }),
            t('teams.privacy.reads', { count: summary.readsByOthers }),
          ],
          '\n',
        ),
      },
      { type: 'context', text: t('teams.privacy.footer') },
    ],
  };
}

export function welcomeView(name: string, t: Translate = english): View {
  const title = t('teams.welcome.title', { name: literal(name) });
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t('teams.welcome.intro') },
      { type: 'text', text: t('teams.welcome.flagAnyTime') },
      // The flags feature owns the form; its action id opens it, on every platform and the shell.
      {
        type: 'actions',
        elements: [{ type: 'button', actionId: 'flags:start', label: t('teams.welcome.flagButton') }],
      },
      { type: 'context', text: t('teams.welcome.footer') },
    ],
  };
}
