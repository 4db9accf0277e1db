// When a team's roles or pairings change, its open flags follow the new chain in the same
// transaction: a flag whose supervisor lost the role (or was replaced) goes to the new primary,
// else on down the chain (backup, then admins who are supervisors). The notices already queued
// for a former supervisor are dropped by the delivery worker's access check (src/access), so
// nothing reaches them; this makes sure the flag still reaches somebody.
import { literal, markup } from '../../chat/markup.ts';
import type { Db, FieldCipher } from '../../db/index.ts';
import {
  type Clock,
  type DbClient,
  enqueueOutboxMany,
  type OutboxMessageInput,
} from '../../scheduling/index.ts';
import type { FlagRoutingPort } from '../ports.ts';
import { translatorForMember } from '../teams/index.ts';
import { escalateAtFor, flagDmMessages } from './flag-create.ts';
import { joined, plainView } from './flag-views.ts';
import { type Chain, chainFor, recipientsFrom } from './routing.ts';

/**
 * Everyone the flag should have reached by its step in today's chain; when that is nobody, the
 * next people down the chain. A flag that had found nobody (step 3) starts again at the top.
 */
function dueRecipients(chain: Chain, step: number): { step: number; to: readonly Db.Member[] } {
  if (step >= 3) return recipientsFrom(chain, 0);
  const to = [
    ...(chain.primary ? [chain.primary] : []),
    ...(step >= 1 && chain.backup ? [chain.backup] : []),
    ...(step >= 2 ? chain.admins : []),
  ];
  return to.length > 0 ? { step, to } : recipientsFrom(chain, step);
}

type OpenFlag = Db.TriggerFlag & { author: Db.Member; team: Db.Team & { workspace: Db.Workspace } };

async function rerouteOne(tx: DbClient, cipher: FieldCipher, flag: OpenFlag, now: Date): Promise<boolean> {
  const chain = await chainFor(tx, flag.teamId, flag.authorId);
  const due = dueRecipients(chain, flag.step);
  const fresh = due.to.filter((m) => !flag.sentToIds.includes(m.id));
  if (fresh.length === 0) return false;
  const waiting = flag.acknowledgedAt === null;
  const updated = await tx.triggerFlag.update({
    where: { id: flag.id },
    data: {
      step: due.step,
      sentToIds: [...flag.sentToIds, ...fresh.map((m) => m.id)],
      // Counted again from when the new person can see it; an answered flag does not escalate.
      escalateAt: waiting && due.step < 2 ? escalateAtFor(flag, fresh[0], flag.team, now) : null,
    },
  });
  const { platform, externalId } = flag.team.workspace;
  const theirs = translatorForMember(flag.author, flag.team);
  const names = joined(
    fresh.map((m) => markup`${literal(m.displayName)}`),
    theirs('flags.and'),
  );
  const toMember: OutboxMessageInput = {
    idempotencyKey: `flag:${flag.id}:rerouted:${now.getTime()}`,
    platform,
    workspaceExternalId: externalId,
    teamId: flag.teamId,
    target: { kind: 'dm', userId: flag.author.platformUserId },
    recipientMemberId: flag.authorId,
    view: plainView(theirs('flags.escalation.rerouted', { names })),
    isPrivate: true,
    notBefore: now,
  };
  await enqueueOutboxMany(tx, cipher, [
    ...flagDmMessages(updated, flag.author, flag.team, platform, externalId, fresh, now, (t) =>
      t('flags.notice.reroutedWhy'),
    ),
    toMember,
  ]);
  return true;
}

export interface RerouteDeps {
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly notifyOutbox: () => void;
}

/** The port the teams feature calls inside its role and pairing transactions (app.ts wires it). */
export function flagRoutingPort(deps: RerouteDeps): FlagRoutingPort {
  return {
    async rerouteOpenFlags(tx, teamId) {
      const now = deps.clock.now();
      const open = await tx.triggerFlag.findMany({
        where: { teamId, closedAt: null },
        include: { author: true, team: { include: { workspace: true } } },
        orderBy: { createdAt: 'asc' },
      });
      let moved = 0;
      for (const flag of open) if (await rerouteOne(tx, deps.cipher, flag, now)) moved++;
      return moved;
    },
    notify: deps.notifyOutbox,
  };
}
