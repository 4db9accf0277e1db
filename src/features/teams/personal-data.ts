// What the teams feature keeps about a member (their member row, roles, supervisor pairings,
// time zone and quiet hours), for `/peer privacy` and its export and erase. Erase runs after
// every other feature's (the privacy feature runs them in reverse list order, and teams comes
// first in the list) because it anonymises the member row the others' rows point at.
import { literal, markup } from '../../chat/markup.ts';
import type { PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { formatQuietHours } from '../../scheduling/quiet-hours.ts';
import type { PersonalData, PrivacyLine } from '../feature.ts';
import { joined, roleWords } from './views.ts';

/** What an erased member row keeps: no name, no platform id, nothing to find them by. */
export const erasedName = 'Former member';

function quietOf(member: { quietStart: number | null; quietEnd: number | null }): string | null {
  return member.quietStart !== null && member.quietEnd !== null
    ? formatQuietHours({ start: member.quietStart, end: member.quietEnd })
    : null;
}

export function teamsPrivacyLines(prisma: PrismaClient) {
  return async (memberId: string, t: Translate = english): Promise<PrivacyLine[]> => {
    const member = await prisma.member.findUnique({
      where: { id: memberId },
      include: { roles: { include: { team: true } } },
    });
    if (!member) return [];
    const teams = new Map<string, string[]>();
    for (const row of member.roles) teams.set(row.team.name, [...(teams.get(row.team.name) ?? []), row.role]);
    const teamText = [...teams].map(([name, roles]) =>
      t('teams.privacy.team', { name: literal(name), roles: roleWords(t, roles) }),
    );
    const quiet = quietOf(member);
    return [
      { label: t('teams.privacy.name'), value: markup`${literal(member.displayName)}` },
      {
        label: t('teams.privacy.timeZone'),
        value: member.timeZone ? markup`${literal(member.timeZone)}` : t('teams.privacy.teamsZone'),
      },
      {
        label: t('teams.privacy.quietHours'),
        value: quiet ? markup`${literal(quiet)}` : t('teams.privacy.none'),
      },
      {
        label: t('teams.privacy.teams'),
        value: teamText.length > 0 ? joined(teamText, '; ') : t('teams.privacy.noTeams'),
      },
    ];
  };
}

export function teamsPersonalData(prisma: PrismaClient): PersonalData {
  return {
    async export(memberId) {
      const member = await prisma.member.findUnique({
        where: { id: memberId },
        include: {
          roles: { include: { team: { select: { name: true } } } },
          supervisedBy: { include: { team: { select: { name: true } }, supervisor: true } },
          supervisees: { include: { team: { select: { name: true } }, supervisee: true } },
        },
      });
      if (!member) return {};
      return {
        member: {
          displayName: member.displayName,
          platformUserId: member.platformUserId,
          timeZone: member.timeZone,
          quietHours: quietOf(member),
          optOuts: member.optOuts,
          firstSeen: member.createdAt.toISOString(),
        },
        roles: member.roles.map((r) => ({
          team: r.team.name,
          role: r.role,
          since: r.createdAt.toISOString(),
        })),
        supervisors: member.supervisedBy.map((a) => ({
          team: a.team.name,
          kind: a.kind,
          supervisor: a.supervisor.displayName,
        })),
        supervisees: member.supervisees.map((a) => ({
          team: a.team.name,
          kind: a.kind,
          supervisee: a.supervisee.displayName,
        })),
      };
    },
    async erase(memberId, tx) {
      const pairings = await tx.supervisorAssignment.deleteMany({
        where: { OR: [{ superviseeId: memberId }, { supervisorId: memberId }] },
      });
      const roles = await tx.teamRole.deleteMany({ where: { memberId } });
      const anonymised = await tx.member.updateMany({
        where: { id: memberId },
        data: {
          displayName: erasedName,
          // Unique per workspace, and matches no platform id: the person, if they come back, is new.
          platformUserId: `erased:${memberId}`,
          timeZone: null,
          quietStart: null,
          quietEnd: null,
          optOuts: [],
        },
      });
      return { rows: pairings.count + roles.count + anonymised.count };
    },
  };
}
