// `/peer setup`: the first person to run it in a channel makes the team and becomes its admin;
// later only that team's admins change it. One channel has one team, whichever workspace asks
// (Slack Connect and Enterprise Grid share a channel between workspaces).
import type { Access } from '../../access/index.ts';
import type { Actor } from '../../chat/events.ts';
import type { PrismaClient } from '../../db/index.ts';
import { type Language, wording } from '../../i18n/index.ts';
import {
  type DbClient,
  ensureMember,
  ensureWorkspace,
  findTeamOfChannelAnywhere,
  type Team,
} from './members.ts';
import { type Outcome, ok, refuse, refusedBy } from './outcome.ts';

export interface TeamDefaults {
  readonly timeZone: string;
  readonly crisisRegion: string;
}

export interface SetupInput {
  readonly channelId: string;
  readonly name?: string;
  /** The name of a new team when `name` is not given. */
  readonly defaultName?: string;
  readonly timeZone?: string;
  readonly crisisRegion?: string;
  /** The team's language: channel posts, and members who chose none and whose platform says none. */
  readonly language?: Language;
}

type ChannelTeam = NonNullable<Awaited<ReturnType<typeof findTeamOfChannelAnywhere>>>;

async function updateTeam(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  existing: ChannelTeam,
  input: SetupInput,
): Promise<Outcome<{ team: Team; created: boolean }>> {
  if (existing.workspace.externalId !== actor.workspaceId)
    return refuse(wording('teams.setUp.otherWorkspace'));
  const decision = await access.check(actor, 'team.settings', { teamId: existing.id });
  if (!decision.ok) return refusedBy(decision);
  const member = await ensureMember(prisma, actor);
  const changes = {
    ...(input.name ? { name: input.name } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    ...(input.crisisRegion ? { crisisRegion: input.crisisRegion } : {}),
    ...(input.language ? { language: input.language } : {}),
  };
  const team = await prisma.$transaction(async (tx) => {
    const updated = await tx.team.update({ where: { id: existing.id }, data: changes });
    await tx.auditLog.create({
      data: {
        actorMemberId: member.id,
        action: 'team.updated',
        subjectType: 'Team',
        subjectId: existing.id,
        detail: { changed: Object.keys(changes) },
      },
    });
    return updated;
  });
  return ok({ team, created: false });
}

/**
 * Two first `/peer setup`s in one channel (two replicas, two workspaces of a shared channel)
 * take turns on an advisory lock named for the channel, so exactly one creates the team and
 * the other finds it; no unique violation reaches anyone as an apology.
 */
async function lockChannel(tx: DbClient, platform: string, channelId: string): Promise<void> {
  const key = `team-channel:${platform}:${channelId}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

export async function setUpTeam(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  input: SetupInput,
  defaults: TeamDefaults,
): Promise<Outcome<{ team: Team; created: boolean }>> {
  const existing = await findTeamOfChannelAnywhere(prisma, { ...actor, channelId: input.channelId });
  if (existing) return updateTeam(prisma, access, actor, existing, input);
  const made = await prisma.$transaction(async (tx) => {
    await lockChannel(tx, actor.platform, input.channelId);
    const raced = await findTeamOfChannelAnywhere(tx, { ...actor, channelId: input.channelId });
    if (raced) return { kind: 'raced' as const, team: raced };
    const workspace = await ensureWorkspace(tx, actor);
    const member = await ensureMember(tx, actor);
    const created = await tx.team.create({
      data: {
        workspaceId: workspace.id,
        channelId: input.channelId,
        name: input.name ?? input.defaultName ?? 'Peer team',
        timeZone: input.timeZone ?? defaults.timeZone,
        crisisRegion: input.crisisRegion ?? defaults.crisisRegion,
        ...(input.language ? { language: input.language } : {}),
      },
    });
    await tx.teamRole.createMany({
      data: [
        { teamId: created.id, memberId: member.id, role: 'admin' },
        { teamId: created.id, memberId: member.id, role: 'member' },
      ],
    });
    await tx.auditLog.create({
      data: { actorMemberId: member.id, action: 'team.created', subjectType: 'Team', subjectId: created.id },
    });
    return { kind: 'created' as const, team: created };
  });
  if (made.kind === 'raced') return updateTeam(prisma, access, actor, made.team, input);
  return ok({ team: made.team, created: true });
}
