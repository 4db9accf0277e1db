// Answers, skips and snoozes. An answer's items (each with its audience) are one encrypted
// envelope; the clear columns hold only counts and, when the member shared it with the team,
// their mood number. A second answer in a round replaces the first.
import type { Actor, FormValues } from '../../chat/index.ts';
import type { Db, FieldCipher } from '../../db/index.ts';
import { type DbClient, enqueueOutbox } from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';
import {
  type CheckinsDeps,
  ensureMember,
  HOUR,
  type Outcome,
  ok,
  type Refusal,
  refuse,
  type Team,
  userRef,
  zoneOf,
} from './context.ts';
import { questionsOf } from './definitions.ts';
import { type AnswerItem, AnswerItemsSchema, parseAnswer } from './questions.ts';
import { reminderView } from './views.ts';

export const ITEMS_CONTEXT = 'CheckinAnswer.items';

/** Which answer an envelope belongs to: one a member and round (the row's unique key). */
export interface AnswerRow {
  readonly roundId: string;
  readonly memberId: string;
}

const answerBinding = (row: AnswerRow): string => `${row.roundId}:${row.memberId}`;

export function encryptItems(cipher: FieldCipher, row: AnswerRow, items: readonly AnswerItem[]): string {
  return cipher.encrypt(JSON.stringify(items), ITEMS_CONTEXT, answerBinding(row));
}

export function decryptItems(
  cipher: FieldCipher,
  answer: AnswerRow & { readonly itemsEnc: string | null },
): AnswerItem[] {
  if (!answer.itemsEnc) return [];
  const plain = cipher.decrypt(answer.itemsEnc, ITEMS_CONTEXT, answerBinding(answer));
  const parsed = AnswerItemsSchema.safeParse(JSON.parse(plain));
  return parsed.success ? parsed.data : [];
}

const closedRound: Refusal = (t) => t('checkins.refusal.closedRound');
const unknownRound: Refusal = (t) => t('checkins.refusal.unknownRound');
const notInvited: Refusal = (t) => t('checkins.refusal.notInvited');

/** The answering person, when the round was sent to them: nobody else answers or counts in it. */
async function invitedMember(deps: CheckinsDeps, actor: Actor, round: Db.CheckinRound) {
  const member = await ensureMember(deps.prisma, actor);
  return round.invited.includes(member.id) ? ok(member) : refuse(notInvited);
}

type RoundWithTeam = Db.CheckinRound & { team: Team; template: Db.CheckinTemplate };

export async function openRoundFor(
  deps: CheckinsDeps,
  roundId: string | undefined,
): Promise<Outcome<RoundWithTeam>> {
  if (!roundId) return refuse(unknownRound);
  const round = await deps.prisma.checkinRound.findUnique({
    where: { id: roundId },
    include: { team: { include: { workspace: true } }, template: true },
  });
  if (!round) return refuse(unknownRound);
  if (round.status !== 'open' || round.closesAt <= deps.clock.now()) return refuse(closedRound);
  return ok(round);
}

/** The open round and the asking member, when the round was sent to them: nobody else's prompt. */
export async function roundToAnswer(
  deps: CheckinsDeps,
  actor: Actor,
  roundId: string | undefined,
): Promise<Outcome<{ round: RoundWithTeam; member: Db.Member }>> {
  const found = await openRoundFor(deps, roundId);
  if (!found.ok) return found;
  const invited = await invitedMember(deps, actor, found.value);
  return invited.ok ? ok({ round: found.value, member: invited.value }) : invited;
}

export interface Recorded {
  readonly round: RoundWithTeam;
  readonly member: Db.Member;
  readonly answer: Db.CheckinAnswer;
  readonly items: AnswerItem[];
  readonly replaced: boolean;
  readonly mood?: number;
  readonly wantsReachOut: boolean;
  /** Items whose audience was left empty, and so kept for the supervisor only. */
  readonly leftEmpty: number;
}

/** Runs inside the answer's transaction: outbox rows the answer causes commit with it. */
export type AnswerFollowUp = (tx: DbClient, recorded: Recorded) => Promise<void>;

export async function recordAnswer(
  deps: CheckinsDeps,
  actor: Actor,
  roundId: string | undefined,
  values: FormValues,
  followUp: AnswerFollowUp = async () => {},
): Promise<Outcome<Recorded>> {
  const found = await openRoundFor(deps, roundId);
  if (!found.ok) return found;
  const round = found.value;
  const parsed = parseAnswer(questionsOf(round.template), values);
  if (!parsed.ok) return parsed;
  const invited = await invitedMember(deps, actor, round);
  if (!invited.ok) return invited;
  const member = invited.value;
  const count = (audience: string) => parsed.items.filter((i) => i.audience === audience).length;
  const data = {
    mood:
      parsed.mood !== undefined && parsed.items.some((i) => i.kind === 'scale' && i.audience !== 'supervisor')
        ? parsed.mood
        : null,
    wantsReachOut: parsed.wantsReachOut,
    itemsEnc: encryptItems(deps.cipher, { roundId: round.id, memberId: member.id }, parsed.items),
    sharedNamed: count('team'),
    sharedAnon: count('anonymous'),
    supervisorOnly: count('supervisor'),
    skipped: false,
    answeredAt: deps.clock.now(),
  };
  const recorded = await deps.prisma.$transaction(async (tx) => {
    const where = { roundId_memberId: { roundId: round.id, memberId: member.id } };
    const previous = await tx.checkinAnswer.findUnique({ where });
    const answer = await tx.checkinAnswer.upsert({
      where,
      create: { ...data, roundId: round.id, memberId: member.id },
      update: data,
    });
    const value: Recorded = {
      round,
      member,
      answer,
      items: parsed.items,
      replaced: previous !== null && !previous.skipped,
      ...(parsed.mood === undefined ? {} : { mood: parsed.mood }),
      wantsReachOut: parsed.wantsReachOut,
      leftEmpty: parsed.leftEmpty,
    };
    await followUp(tx, value);
    return value;
  });
  deps.notifyOutbox();
  return ok(recorded);
}

export async function recordSkip(
  deps: CheckinsDeps,
  actor: Actor,
  roundId: string | undefined,
): Promise<Outcome<true>> {
  const found = await roundToAnswer(deps, actor, roundId);
  if (!found.ok) return found;
  const { round, member } = found.value;
  const existing = await deps.prisma.checkinAnswer.findUnique({
    where: { roundId_memberId: { roundId: round.id, memberId: member.id } },
  });
  if (existing && !existing.skipped) return refuse((t) => t('checkins.refusal.alreadyAnswered'));
  await deps.prisma.checkinAnswer.upsert({
    where: { roundId_memberId: { roundId: round.id, memberId: member.id } },
    create: { roundId: round.id, memberId: member.id, skipped: true, answeredAt: deps.clock.now() },
    update: {},
  });
  return ok(true);
}

/** "Remind me in an hour": one more prompt through the outbox, not before an hour from now. */
export async function snooze(
  deps: CheckinsDeps,
  actor: Actor,
  roundId: string | undefined,
): Promise<Outcome<true>> {
  const found = await roundToAnswer(deps, actor, roundId);
  if (!found.ok) return found;
  const { round, member } = found.value;
  const now = deps.clock.now();
  await deps.prisma.$transaction((tx: DbClient) =>
    enqueueOutbox(tx, deps.cipher, {
      idempotencyKey: `checkin-snooze:${round.id}:${member.id}:${now.getTime()}`,
      platform: round.team.workspace.platform,
      workspaceExternalId: round.team.workspace.externalId,
      teamId: round.team.id,
      target: { kind: 'dm', userId: userRef(round.team, member).userId },
      recipientMemberId: member.id,
      view: reminderView(
        round.id,
        round.template.name,
        round.closesAt,
        zoneOf(member, round.team),
        translatorForMember(member, round.team),
      ),
      notBefore: new Date(now.getTime() + HOUR),
    }),
  );
  deps.notifyOutbox();
  return ok(true);
}
