// The member's own summary (Slack App Home; other adapters may show it on request): their
// teams and roles, their time zone and quiet hours, and where to go next. Only ever shown to
// the member themself, in their own language.
import { type Actor, literal, markup, type View } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import { formatQuietHours } from '../../scheduling/index.ts';
import { translatorForActor } from './language.ts';
import { privacySummary } from './service.ts';
import { joined, roleWords } from './views.ts';

export async function homeView(prisma: PrismaClient, actor: Actor): Promise<View> {
  const summary = await privacySummary(prisma, actor);
  const t = await translatorForActor(prisma, actor);
  const m = summary.member;
  const quiet =
    m.quietStart !== null && m.quietEnd !== null
      ? markup`${literal(formatQuietHours({ start: m.quietStart, end: m.quietEnd }))}`
      : t('teams.home.none');
  const teams = summary.teams.map((team) =>
    t('teams.home.team', { name: literal(team.name), roles: roleWords(t, team.roles) }),
  );
  const hi = t('teams.home.hi', { name: literal(m.displayName) });
  return {
    text: hi,
    blocks: [
      { type: 'header', text: hi },
      {
        type: 'text',
        text:
          teams.length > 0 ? t('teams.home.teams', { teams: joined(teams, '\n') }) : t('teams.home.noTeam'),
      },
      {
        type: 'fields',
        fields: [
          {
            label: t('teams.home.timeZone'),
            value: m.timeZone ? markup`${literal(m.timeZone)}` : t('teams.home.teamsZone'),
          },
          { label: t('teams.home.quietHours'), value: quiet },
          { label: t('teams.home.nudges'), value: markup`${summary.nudges}` },
          {
            label: t('teams.home.plan'),
            value: summary.hasWellnessPlan ? t('teams.home.planSaved') : t('teams.home.planNone'),
          },
        ],
      },
      { type: 'context', text: t('teams.home.footer') },
    ],
  };
}
