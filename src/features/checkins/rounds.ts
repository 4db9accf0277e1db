// Opening rounds. A round is opened by a team-time occurrence, by the first member-time
// occurrence of a local day, or by `/peer checkin now`. Opening writes the round, the note in
// the channel and one private prompt per invited member to the outbox, in one transaction.
import type { Db, FieldCipher } from '../../db/index.ts';
import { channelLanguage, translatorOf } from '../../i18n/index.ts';
import {
  type DbClient,
  enqueueOutboxMany,
  instantAtLocalTime,
  type OutboxMessageInput,
} from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';
import { HOUR, type Team, zoneOf } from './context.ts';
import { rosterOf } from './roster.ts';
import { promptView, roundNoteView } from './views.ts';

export interface RoundPlan {
  readonly key: string;
  readonly template: Db.CheckinTemplate;
  readonly scheduleId?: string;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/** Members who get prompts, and how many are away (paused); opted-out members are neither. */
export async function invitees(tx: DbClient, teamId: string, now: Date, only?: string) {
  const roster = (await rosterOf(tx, teamId)).filter((p) => (only ? p.member.id === only : true));
  const prefs = await tx.checkinPreference.findMany({
    where: { memberId: { in: roster.map((p) => p.member.id) } },
  });
  const pausedIds = new Set(prefs.filter((p) => p.pausedUntil && p.pausedUntil > now).map((p) => p.memberId));
  const present = roster.filter((p) => !p.member.optOuts.includes('checkins'));
  return {
    invited: present.filter((p) => !pausedIds.has(p.member.id)).map((p) => p.member),
    away: present.filter((p) => pausedIds.has(p.member.id)).length,
  };
}

/** A reminder three quarters of the way through, at least an hour before the close. */
export function reminderTime(opensAt: Date, closesAt: Date): Date {
  const span = closesAt.getTime() - opensAt.getTime();
  return new Date(
    Math.max(opensAt.getTime(), Math.min(opensAt.getTime() + span * 0.75, closesAt.getTime() - HOUR)),
  );
}

function promptMessage(
  team: Team,
  round: Db.CheckinRound,
  name: string,
  member: Db.Member,
  now: Date,
): OutboxMessageInput {
  return {
    idempotencyKey: `checkin-prompt:${round.id}:${member.id}`,
    platform: team.workspace.platform,
    workspaceExternalId: team.workspace.externalId,
    teamId: team.id,
    target: { kind: 'dm', userId: member.platformUserId },
    recipientMemberId: member.id,
    // Each member's own language (src/i18n's order): a mixed team gets one prompt each in theirs.
    view: promptView(
      round.id,
      name,
      team.name,
      round.closesAt,
      zoneOf(member, team),
      translatorForMember(member, team),
    ),
    notBefore: now,
  };
}

/**
 * Finds or opens the round `plan.key` and invites `onlyMember` (member time) or everyone
 * (team time, now). Returns the round and how many were newly invited.
 */
export async function openRound(
  tx: DbClient,
  cipher: FieldCipher,
  team: Team,
  plan: RoundPlan,
  now: Date,
  onlyMember?: string,
): Promise<{ round: Db.CheckinRound; created: boolean; invitedNow: number }> {
  let round = await tx.checkinRound.findUnique({ where: { key: plan.key } });
  const created = round === null;
  const messages: OutboxMessageInput[] = [];
  if (!round) {
    round = await tx.checkinRound.create({
      data: {
        key: plan.key,
        teamId: team.id,
        templateId: plan.template.id,
        scheduleId: plan.scheduleId ?? null,
        opensAt: plan.opensAt,
        closesAt: plan.closesAt,
        remindAt: reminderTime(plan.opensAt, plan.closesAt),
      },
    });
    messages.push({
      idempotencyKey: `checkin-note:${round.id}`,
      platform: team.workspace.platform,
      workspaceExternalId: team.workspace.externalId,
      teamId: team.id,
      target: { kind: 'channel', channelId: team.channelId },
      view: roundNoteView(
        plan.template.name,
        round.closesAt,
        team.timeZone,
        translatorOf(channelLanguage(team.language)),
      ),
      notBefore: now,
    });
  }
  if (round.status !== 'open') return { round, created, invitedNow: 0 };
  const { invited, away } = await invitees(tx, team.id, now, onlyMember);
  const already = new Set(round.invited);
  const fresh = invited.filter((m) => !already.has(m.id));
  if (fresh.length > 0 || away > 0) {
    round = await tx.checkinRound.update({
      where: { id: round.id },
      data: { invited: { push: fresh.map((m) => m.id) }, away: { increment: away } },
    });
  }
  const opened = round;
  messages.push(...fresh.map((m) => promptMessage(team, opened, plan.template.name, m, now)));
  await enqueueOutboxMany(tx, cipher, messages);
  return { round: opened, created, invitedNow: fresh.length };
}

/** Members' own time: one round per local day, open until that wall time has passed everywhere. */
export function memberDayPlan(template: Db.CheckinTemplate, dueAt: Date, zone: string) {
  const local = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(dueAt);
  const [year, month, day] = local.split('-').map(Number);
  const [hour, minute] = template.time.split(':').map(Number);
  // Etc/GMT+12 is the last zone on Earth to reach a wall time.
  const latest = instantAtLocalTime(
    { year: year ?? 2000, month: month ?? 1, day: day ?? 1, hour: hour ?? 9, minute: minute ?? 0 },
    'Etc/GMT+12',
  );
  return { key: `${template.id}@${local}`, closesAt: new Date(latest.getTime() + template.openHours * HOUR) };
}
