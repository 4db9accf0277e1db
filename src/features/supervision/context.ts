// Who is asking, in which team, and what the access policy says they hold there: every command
// starts here. `leads`, `offersSlots` and `books` are the policy's own decisions (src/access) on
// the subjects resolved once per context.
import { createAccess, decide, type SubjectKind } from '../../access/index.ts';
import type { Actor } from '../../chat/index.ts';
import type { MarkupText } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { ensureMember, findTeamByChannel, translatorForActor, translatorForMember } from '../teams/index.ts';

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: MarkupText };
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
/** A refusal in the words of the person it goes to (the context's `t`). */
export const refuse = (reason: MarkupText): Outcome<never> => ({ ok: false, reason });

export interface TeamContext {
  readonly team: Db.Team;
  readonly member: Db.Member;
  /** What the actor is towards this team, as the access policy resolves it. */
  readonly held: ReadonlySet<SubjectKind>;
  /** The member's own zone, else the team's. */
  readonly zone: string;
  /** The member's language for replies about this team (their choice, platform, the team's). */
  readonly t: Translate;
}

const contextOf = (actor: Actor, team: Db.Team, member: Db.Member, held: ReadonlySet<SubjectKind>) => ({
  team,
  member,
  held,
  zone: member.timeZone ?? team.timeZone,
  t: translatorForMember(member, team, actor.locale),
});

export async function teamContext(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
): Promise<Outcome<TeamContext>> {
  if (!channelId) return refuse((await translatorForActor(prisma, actor))('supervision.refuse.runInChannel'));
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return refuse((await translatorForActor(prisma, actor))('supervision.refuse.notATeam'));
  const member = await ensureMember(prisma, actor);
  const held = await heldIn(prisma, actor, team.id);
  return ok(contextOf(actor, team, member, held));
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
  if (!role) return refuse((await translatorForActor(prisma, actor))('supervision.refuse.notATeam'));
  const held = await heldIn(prisma, actor, role.teamId);
  return ok(contextOf(actor, role.team, member, held));
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

export const notALead = (context: TeamContext): MarkupText => context.t('supervision.refuse.notALead');

/** A short, typeable reference for a row: the last six characters of its id. */
export const shortRef = (id: string): string => id.slice(-6);

/** A six-character code as `/peer supervision list` shows it, with or without its `#`. */
export const isRef = (text: string): boolean => /^#?[0-9a-f]{6}$/i.test(text.trim());

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
  if (!team) return refuse((await translatorForActor(prisma, actor))('supervision.refuse.teamGone'));
  const member = await ensureMember(prisma, actor);
  const held = await heldIn(prisma, actor, team.id);
  return ok(contextOf(actor, team, member, held));
}
