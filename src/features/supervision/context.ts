// Who is asking, in which team, and what the access policy says they hold there: every command
// starts here. `leads`, `offersSlots` and `books` are the policy's own decisions (src/access) on
// the subjects resolved once per context.
import { createAccess, decide, type SubjectKind } from '../../access/index.ts';
import type { Actor } from '../../chat/index.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { ensureMember, findTeamByChannel } from '../teams/index.ts';

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (reason: string): Outcome<never> => ({ ok: false, reason });

export interface TeamContext {
  readonly team: Db.Team;
  readonly member: Db.Member;
  /** What the actor is towards this team, as the access policy resolves it. */
  readonly held: ReadonlySet<SubjectKind>;
  /** The member's own zone, else the team's. */
  readonly zone: string;
}

export const notATeam =
  'This channel is not set up as a team yet. Someone can start with `/peer setup` here, then try again.';

export async function teamContext(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
): Promise<Outcome<TeamContext>> {
  if (!channelId) return refuse('Please run this in your team channel, so I know which team you mean.');
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return refuse(notATeam);
  const member = await ensureMember(prisma, actor);
  const held = await heldIn(prisma, actor, team.id);
  return ok({ team, member, held, zone: member.timeZone ?? team.timeZone });
}

/** The member's team when they ask from a direct message: the first team they belong to. */
export async function memberContext(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
): Promise<Outcome<TeamContext>> {
  if (channelId) {
    const inChannel = await teamContext(prisma, actor, channelId);
    if (inChannel.ok) return inChannel;
  }
  const member = await ensureMember(prisma, actor);
  const role = await prisma.teamRole.findFirst({ where: { memberId: member.id }, include: { team: true } });
  if (!role) return refuse(notATeam);
  const held = await heldIn(prisma, actor, role.teamId);
  return ok({ team: role.team, member, held, zone: member.timeZone ?? role.team.timeZone });
}

export const leads = (context: TeamContext): boolean => decide('supervision.schedule', context.held).ok;
/** Offers one-to-one slots: the team's supervisors (`supervision.slots`). */
export const offersSlots = (context: TeamContext): boolean => decide('supervision.slots', context.held).ok;
/** Books the team's one-to-ones: people on the team (`supervision.book`). */
export const books = (context: TeamContext): boolean => decide('supervision.book', context.held).ok;

/**
 * The subjects towards a team. No supervision verb lists workspace admins, so the platform is
 * never asked: the policy reads the team's roles from the database alone.
 */
const heldIn = (prisma: PrismaClient, actor: Actor, teamId: string) =>
  createAccess({ prisma, clientFor: () => undefined }).held(actor, { teamId });

export const notALead =
  "Only this team's supervisors and admins can do that. If it needs doing, ask one of them; `/peer team show` lists who they are.";

/** A short, typeable reference for a row: the last six characters of its id. */
export const shortRef = (id: string): string => id.slice(-6);

export function refProblem(text: string): string | undefined {
  return /^#?[0-9a-f]{6}$/i.test(text.trim())
    ? undefined
    : `'${text}' is not a reference I know. Use the six-character code from \`/peer supervision list\`, like #a1b2c3.`;
}

export const refOf = (text: string): string => text.trim().replace(/^#/, '').toLowerCase();

/** Member ids of everyone in the team (any role), for fan-out messages. */
export async function teamMemberIds(prisma: DbClient, teamId: string): Promise<string[]> {
  const rows = await prisma.teamRole.findMany({
    where: { teamId },
    select: { memberId: true },
    distinct: ['memberId'],
  });
  return rows.map((row) => row.memberId);
}

/** The context for a row's own team (buttons and forms may come from a direct message). */
export async function contextForTeam(
  prisma: PrismaClient,
  actor: Actor,
  teamId: string,
): Promise<Outcome<TeamContext>> {
  const team = await prisma.team.findUnique({ where: { id: teamId } });
  if (!team) return refuse('That team no longer exists.');
  const member = await ensureMember(prisma, actor);
  const held = await heldIn(prisma, actor, team.id);
  return ok({ team, member, held, zone: member.timeZone ?? team.timeZone });
}
