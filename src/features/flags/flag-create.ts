// Raising a flag: the row, the supervisor's DM (through the outbox, in the same transaction),
// and the kind reply for the member. With no supervisor, nobody reads it; admins get a nudge
// to pair the member that says nothing about the flag.
import type { Actor } from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  type Clock,
  deliverableAt,
  enqueueOutbox,
  enqueueOutboxMany,
  type PrivateDeliveryMessage,
  uuidv7,
} from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';
import { plainView, supervisorDm } from './flag-views.ts';
import { escalationDelay, ignoresQuietHours } from './levels.ts';
import { chainFor, recipientsFrom } from './routing.ts';
import { clockWords } from './time-words.ts';

export const NOTE_CONTEXT = 'TriggerFlag.note';
export const FOLLOW_UP_CONTEXT = 'TriggerFlag.followUp';

export interface FlagInput {
  readonly severity: Db.FlagSeverity;
  readonly wish: Db.FlagWish;
  readonly note?: string;
}

export interface FlagDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
}

/** When the flag should escalate if nobody answers: counted from when the recipient can see it. */
export function escalateAtFor(
  flag: FlagInput,
  recipient: Db.Member | undefined,
  team: Db.Team,
  now: Date,
): Date {
  const urgent = ignoresQuietHours(flag.severity, flag.wish);
  const quiet =
    recipient && recipient.quietStart !== null && recipient.quietEnd !== null
      ? { start: recipient.quietStart, end: recipient.quietEnd }
      : null;
  const visible = deliverableAt(now, quiet, recipient?.timeZone ?? team.timeZone, urgent);
  return new Date(visible.getTime() + escalationDelay(flag.severity, flag.wish, team));
}

/** The notices to `to` about `flag` (outbox rows; re-checked by the access policy when sent). */
export function flagDmMessages(
  flag: Db.TriggerFlag,
  author: Db.Member,
  team: Db.Team,
  platform: Actor['platform'],
  workspaceExternalId: string,
  to: readonly Db.Member[],
  now: Date,
  /** Why it comes to them now (an escalation, new supervisors), in each recipient's words. */
  escalatedNote?: (t: Translate) => MarkupText,
): PrivateDeliveryMessage[] {
  const urgent = ignoresQuietHours(flag.severity, flag.wish);
  return to.map((member) => {
    const t = translatorForMember(member, team);
    return {
      idempotencyKey: `flag:${flag.id}:to:${member.id}`,
      platform,
      workspaceExternalId,
      teamId: team.id,
      target: { kind: 'dm' as const, userId: member.platformUserId },
      recipientMemberId: member.id,
      view: supervisorDm(
        flag,
        author.displayName,
        clockWords(flag.createdAt, member.timeZone ?? team.timeZone, t),
        t,
        escalatedNote?.(t),
      ),
      delivery: { kind: 'flag' as const, subjectId: flag.id, aboutMemberId: author.id },
      urgent,
      respectQuietHours: !urgent,
      notBefore: now,
    };
  });
}

export type Created =
  | { readonly kind: 'sent'; readonly flag: Db.TriggerFlag; readonly to: Db.Member }
  | { readonly kind: 'no-supervisor'; readonly flag: Db.TriggerFlag; readonly admins: readonly string[] };

export async function createFlag(
  deps: FlagDeps,
  actor: Actor,
  author: Db.Member,
  team: Db.Team,
  input: FlagInput,
): Promise<Created> {
  const { prisma, cipher, clock } = deps;
  const now = clock.now();
  // The id is made here so the note's envelope can name its row (field-crypto.ts).
  const id = uuidv7();
  const noteEnc = input.note ? cipher.encrypt(input.note, NOTE_CONTEXT, id) : null;
  return prisma.$transaction(async (tx) => {
    const chain = await chainFor(tx, team.id, author.id);
    const first = chain.primary || chain.backup ? recipientsFrom(chain, 0) : { step: 3, to: [] };
    const recipient = first.to[0];
    const flag = await tx.triggerFlag.create({
      data: {
        id,
        teamId: team.id,
        authorId: author.id,
        severity: input.severity,
        wish: input.wish,
        noteEnc,
        createdAt: now,
        step: first.step,
        sentToIds: first.to.map((m) => m.id),
        escalateAt: recipient ? escalateAtFor(input, recipient, team, now) : null,
      },
    });
    if (recipient) {
      await enqueueOutboxMany(
        tx,
        cipher,
        flagDmMessages(flag, author, team, actor.platform, actor.workspaceId, [recipient], now),
      );
      return { kind: 'sent', flag, to: recipient } as const;
    }
    const adminRows = await tx.teamRole.findMany({
      where: { teamId: team.id, role: 'admin', memberId: { not: author.id } },
      include: { member: true },
    });
    for (const row of adminRows) {
      await enqueueOutbox(tx, cipher, {
        idempotencyKey: `pair-nudge:${team.id}:${author.id}:${row.memberId}:${now.toISOString().slice(0, 10)}`,
        platform: actor.platform,
        workspaceExternalId: actor.workspaceId,
        teamId: team.id,
        target: { kind: 'dm', userId: row.member.platformUserId },
        recipientMemberId: row.memberId,
        view: plainView(
          translatorForMember(row.member, team)('flags.pairNudge', {
            name: literal(author.displayName),
            team: literal(team.name),
          }),
        ),
        notBefore: now,
      });
    }
    return { kind: 'no-supervisor', flag, admins: adminRows.map((r) => r.member.displayName) } as const;
  });
}
