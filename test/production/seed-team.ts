// What the production tests start from, written the way the features write it: a Slack team
// with a roster of members (read from the platform "today", so the daily roster read leaves it
// alone), a check-in made due through the feature's own syncSchedules, and a flag whose
// escalation to the backup supervisor is due.
import type { Db, PrismaClient } from '../../src/db/index.ts';
import { syncSchedules } from '../../src/features/checkins/definitions.ts';
import { WEEKDAY_CODES } from '../../src/scheduling/index.ts';

export const TEAM_CHANNEL = 'C0TEAM00001';

export interface SeededTeam {
  readonly team: Db.Team;
  readonly members: readonly Db.Member[];
  readonly primary: Db.Member;
  readonly backup: Db.Member;
}

export const memberUserId = (i: number) => `UMEM${String(i).padStart(5, '0')}`;

export async function seedTeam(prisma: PrismaClient, slackTeamId: string, size: number): Promise<SeededTeam> {
  const workspace = await prisma.workspace.create({ data: { platform: 'slack', externalId: slackTeamId } });
  const team = await prisma.team.create({
    data: {
      workspaceId: workspace.id,
      channelId: TEAM_CHANNEL,
      name: 'Night line',
      timeZone: 'UTC',
      crisisRegion: 'US',
    },
  });
  const person = (userId: string, displayName: string) => ({
    workspaceId: workspace.id,
    platformUserId: userId,
    displayName,
  });
  await prisma.member.createMany({
    data: Array.from({ length: size }, (_, i) => person(memberUserId(i), `Member ${i}`)),
  });
  const members = await prisma.member.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { platformUserId: 'asc' },
  });
  const primary = await prisma.member.create({ data: person('USUPPRIMARY', 'Pat') });
  const backup = await prisma.member.create({ data: person('USUPBACKUP0', 'Bo') });
  const now = new Date();
  await prisma.teamRole.createMany({
    data: [
      ...members.map((m) => ({ teamId: team.id, memberId: m.id, role: 'member' as const })),
      ...[primary, backup].map((m) => ({ teamId: team.id, memberId: m.id, role: 'supervisor' as const })),
    ],
  });
  await prisma.checkinRosterEntry.createMany({
    data: members.map((m) => ({ teamId: team.id, memberId: m.id, seenAt: now })),
  });
  await prisma.checkinTeamSettings.create({ data: { teamId: team.id, rosterReadAt: now } });
  await prisma.supervisorAssignment.createMany({
    data: [
      { teamId: team.id, superviseeId: members[0]!.id, supervisorId: primary.id, kind: 'primary' },
      { teamId: team.id, superviseeId: members[0]!.id, supervisorId: backup.id, kind: 'backup' },
    ],
  });
  return { team, members, primary, backup };
}

/**
 * A daily team-time check-in whose occurrence fell due at the start of this minute: the next
 * scheduler tick of any process opens its round (the window is its 24 open hours).
 */
export async function checkinDueNow(prisma: PrismaClient, team: Db.Team, name: string): Promise<void> {
  const due = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const time = due.toISOString().slice(11, 16);
  await prisma.$transaction(async (tx) => {
    const template = await tx.checkinTemplate.create({
      data: { teamId: team.id, name, questions: [], days: [...WEEKDAY_CODES], time, openHours: 24 },
    });
    await syncSchedules(tx, team, template, new Date(due.getTime() - 3_600_000), 'UTC');
  });
}

/** A flag member 0 raised, sent to the primary supervisor, unseen: escalation to the backup is due. */
export async function flagEscalationDue(prisma: PrismaClient, seeded: SeededTeam): Promise<Db.TriggerFlag> {
  return prisma.triggerFlag.create({
    data: {
      teamId: seeded.team.id,
      authorId: seeded.members[0]!.id,
      severity: 'medium',
      sentToIds: [seeded.primary.id],
      escalateAt: new Date(Date.now() - 1000),
    },
  });
}
