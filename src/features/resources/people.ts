// Who is asking, and what they may see and do: their workspace, the teams whose own entries
// they see (the team of this channel and every team they belong to), the region whose crisis
// lines come first, and what the access policy lets them do here (src/access).
import type { Access, AccessTarget, VerbName } from '../../access/index.ts';
import type { Actor, Place } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { ensureMember, findTeamByChannel } from '../teams/index.ts';
import type { Viewer } from './store.ts';

export interface Asker {
  readonly memberId: string;
  readonly displayName: string;
  readonly workspaceId: string;
  readonly viewer: Viewer;
  /** The team of the channel the person is in, when it is one. */
  readonly team?: { readonly id: string; readonly crisisRegion: string };
  /** The crisis region: the channel's team, else the person's first team, else the default. */
  readonly region: string;
  /**
   * The access policy allows the verb askerOf was asked about here: in a team channel, that
   * team's admins or a workspace admin; elsewhere a workspace admin.
   */
  readonly isAdmin: boolean;
}

export async function askerOf(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  place: Place,
  defaultRegion: string,
  verb: VerbName = 'resources.edit',
): Promise<Asker> {
  const member = await ensureMember(prisma, actor);
  const [team, roles] = await Promise.all([
    place.channelId
      ? findTeamByChannel(prisma, { ...actor, channelId: place.channelId })
      : Promise.resolve(null),
    prisma.teamRole.findMany({ where: { memberId: member.id }, include: { team: true } }),
  ]);
  const teamIds = new Set(roles.map((r) => r.teamId));
  if (team) teamIds.add(team.id);
  const allowed = await access.check(actor, verb, team ? { teamId: team.id } : {});
  return {
    memberId: member.id,
    displayName: member.displayName,
    workspaceId: member.workspaceId,
    viewer: { workspaceId: member.workspaceId, teamIds: [...teamIds] },
    ...(team ? { team: { id: team.id, crisisRegion: team.crisisRegion } } : {}),
    region: team?.crisisRegion ?? roles[0]?.team.crisisRegion ?? defaultRegion,
    isAdmin: allowed.ok,
  };
}

/**
 * Whether the access policy lets this person change the entry, judged on the row itself: a
 * team's entry by that team's admins or a workspace admin; a workspace's or an install-wide one
 * by a workspace admin (never the admin of some team); the shared starting set by nobody in chat
 * (`resources.edit-shared`, the operator's). Workspace copies of shared entries and the
 * crisis-line rule (`resources.edit-crisis-line`) are the resources-trust work.
 */
export async function mayChange(
  access: Access,
  actor: Actor,
  row: { workspaceId: string | null; teamId: string | null },
): Promise<boolean> {
  // The shared starting set is the operator's: nobody changes it from chat.
  if (!row.teamId && !row.workspaceId)
    return (await access.check(actor, 'resources.edit-shared', { shared: true })).ok;
  const target: AccessTarget = row.teamId ? { teamId: row.teamId } : { workspaceId: row.workspaceId ?? '' };
  return (await access.check(actor, 'resources.edit', target)).ok;
}

/** Admins of a workspace (of any of its teams), for suggestions and the monthly review. */
export async function adminsOf(db: DbClient, workspaceId: string, teamId?: string | null) {
  const roles = await db.teamRole.findMany({
    where: { role: 'admin', team: { workspaceId, ...(teamId ? { id: teamId } : {}) } },
    include: { member: { include: { workspace: true } } },
  });
  const seen = new Map<string, (typeof roles)[number]['member']>();
  for (const role of roles) seen.set(role.memberId, role.member);
  return [...seen.values()];
}
