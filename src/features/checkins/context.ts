// What every part of the check-ins feature is given, and the small look-ups they share.

import { type Access, createAccess } from '../../access/index.ts';
import type { Actor, ChatClient, MarkupText, Platform } from '../../chat/index.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Clock, LogPort } from '../../scheduling/index.ts';
import type { CrisisLinesPort, PlanStepsPort } from '../ports.ts';
import { ensureMember, findTeamByChannel } from '../teams/index.ts';

export interface CheckinsDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly logger: LogPort;
  readonly notifyOutbox: () => void;
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
  readonly crisisLines: CrisisLinesPort;
  readonly planSteps: PlanStepsPort;
  /** The access policy (app.ts passes the app's; feature tests get the same policy bound here). */
  readonly access?: Access;
  /** `retention.checkinAnswerDays` (0 or absent: answers are kept). */
  readonly config?: { readonly retention: { readonly checkinAnswerDays: number } };
}

export type Team = Db.Team & { workspace: Db.Workspace };
export type Member = Db.Member;

/** A refusal in the reader's words: the reason is worded once the reader's translator is known. */
export type Refusal = (t: Translate) => MarkupText;

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: Refusal };
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (reason: Refusal): Outcome<never> => ({ ok: false, reason });

export const notATeam: Refusal = (t) => t('checkins.refusal.notATeam');
export const notLead: Refusal = (t) => t('checkins.refusal.notLead');

export async function teamOfChannel(prisma: PrismaClient, actor: Actor, channelId: string | undefined) {
  if (!channelId) return undefined;
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return undefined;
  return prisma.team.findUniqueOrThrow({ where: { id: team.id }, include: { workspace: true } });
}

/** Whether the access policy lets this person run the team's check-ins (`checkin.manage`). */
export async function mayManage(deps: CheckinsDeps, actor: Actor, teamId: string): Promise<boolean> {
  const access = deps.access ?? createAccess(deps);
  return (await access.check(actor, 'checkin.manage', { teamId })).ok;
}

export { ensureMember };

/** The member's zone, the team's when they have none of their own. */
export const zoneOf = (member: Pick<Member, 'timeZone'>, team: Pick<Db.Team, 'timeZone'>): string =>
  member.timeZone ?? team.timeZone;

export const userRef = (team: Team, member: Pick<Member, 'platformUserId'>) => ({
  platform: team.workspace.platform,
  workspaceId: team.workspace.externalId,
  userId: member.platformUserId,
});

export const HOUR = 3_600_000;
