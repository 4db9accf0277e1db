// Who is asking and what they see: their workspace, the teams whose own entries they see (the
// team of this channel and every team they belong to), the region whose crisis lines come
// first. Who may change what is the access policy's (src/access): `changeTarget` says what a
// change to a row touches, so the policy can decide.
import type { AccessTarget } from '../../access/index.ts';
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
}

export async function askerOf(
  prisma: PrismaClient,
  actor: Actor,
  place: Place,
  defaultRegion: string,
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
  return {
    memberId: member.id,
    displayName: member.displayName,
    workspaceId: member.workspaceId,
    viewer: { workspaceId: member.workspaceId, teamIds: [...teamIds] },
    ...(team ? { team: { id: team.id, crisisRegion: team.crisisRegion } } : {}),
    region: team?.crisisRegion ?? roles[0]?.team.crisisRegion ?? defaultRegion,
  };
}

/**
 * What changing this row touches, for the access policy: a team's own entry is that team's; a
 * workspace's entry (or copy) is that workspace's; a shared entry is changed through the asking
 * workspace's copy, so it is that workspace's too (the shared row itself is the operator's).
 */
export function changeTarget(
  who: Pick<Asker, 'workspaceId'>,
  row: { workspaceId: string | null; teamId: string | null },
): AccessTarget {
  if (row.teamId) return { teamId: row.teamId };
  return { workspaceId: row.workspaceId ?? who.workspaceId };
}

/** Where an event happened, as a target: this channel's team, or (in a DM) the workspace. */
export function placeTarget(who: Pick<Asker, 'workspaceId'>, place: Place): AccessTarget {
  return place.channelId && !place.isDirect
    ? { channelId: place.channelId }
    : { workspaceId: who.workspaceId };
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
