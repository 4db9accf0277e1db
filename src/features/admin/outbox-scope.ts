// Which deliveries a person may see in `/peer admin outbox`, as the access policy decides:
// a workspace admin (the platform's word) sees the whole workspace's rows, with who each is for
// (`admin.outbox.recipients`); a team admin, in that team's channel, sees the team's rows, and of
// its private messages only how many there are (`admin.outbox`): who a private message waits
// for is itself private (a member has an urgent flag out for a named supervisor).
import type { Access } from '../../access/index.ts';
import type { Actor, Place } from '../../chat/index.ts';
import type { MarkupText } from '../../chat/markup.ts';
import type { PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { OutboxScope } from '../../scheduling/index.ts';
import { findTeamByChannel } from '../teams/index.ts';
import type { OutboxScopeLabel } from './views.ts';

export type AdminScope =
  | { readonly ok: true; readonly scope: OutboxScope; readonly label: OutboxScopeLabel }
  | { readonly ok: false; readonly reason: MarkupText };

export async function outboxScope(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  place: Place,
  t: Translate = english,
): Promise<AdminScope> {
  const workspace = { platform: actor.platform, workspaceExternalId: actor.workspaceId };
  if ((await access.check(actor, 'admin.outbox.recipients', {})).ok)
    return { ok: true, scope: { ...workspace, showPrivateRows: true }, label: 'workspace' };
  const channelId = place.isDirect ? undefined : place.channelId;
  const asTeamAdmin = await access.check(actor, 'admin.outbox', channelId ? { channelId } : {});
  if (!asTeamAdmin.ok) return { ok: false, reason: t(asTeamAdmin.refusal) };
  const team = channelId ? await findTeamByChannel(prisma, { ...actor, channelId }) : null;
  if (!team) return { ok: false, reason: t('admin.outbox.teamChannel') };
  return { ok: true, scope: { ...workspace, teamId: team.id, showPrivateRows: false }, label: 'team' };
}
