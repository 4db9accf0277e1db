// Fan-out messages of this feature, always through the outbox in the caller's transaction.
import type { View } from '../../chat/index.ts';
import type { Db } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { DbClient, Outbox } from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';

export type TeamWithWorkspace = Db.Team & { readonly workspace: Db.Workspace };

export interface DmOptions {
  readonly notBefore?: Date;
  /** Default true: held during the person's quiet hours. */
  readonly respectQuietHours?: boolean;
}

/** One direct message per member; the view is built in each member's own zone and language. */
export async function dmMembers(
  tx: DbClient,
  outbox: Outbox,
  team: TeamWithWorkspace,
  members: readonly Db.Member[],
  key: string,
  viewFor: (member: Db.Member, zone: string, t: Translate) => View,
  options: DmOptions = {},
): Promise<number> {
  return outbox.enqueueMany(
    tx,
    members.map((member) => ({
      idempotencyKey: `${key}:${member.id}`,
      platform: team.workspace.platform,
      workspaceExternalId: team.workspace.externalId,
      teamId: team.id,
      target: { kind: 'dm', userId: member.platformUserId },
      recipientMemberId: member.id,
      view: viewFor(member, member.timeZone ?? team.timeZone, translatorForMember(member, team)),
      respectQuietHours: options.respectQuietHours ?? true,
      ...(options.notBefore ? { notBefore: options.notBefore } : {}),
    })),
  );
}

export async function postInChannel(
  tx: DbClient,
  outbox: Outbox,
  team: TeamWithWorkspace,
  channelId: string,
  key: string,
  view: View,
  notBefore?: Date,
): Promise<boolean> {
  return outbox.enqueue(tx, {
    idempotencyKey: key,
    platform: team.workspace.platform,
    workspaceExternalId: team.workspace.externalId,
    teamId: team.id,
    target: { kind: 'channel', channelId },
    view,
    respectQuietHours: false,
    ...(notBefore ? { notBefore } : {}),
  });
}

export async function teamWithWorkspace(tx: DbClient, teamId: string): Promise<TeamWithWorkspace> {
  return tx.team.findUniqueOrThrow({ where: { id: teamId }, include: { workspace: true } });
}
