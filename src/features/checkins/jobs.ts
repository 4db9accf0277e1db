// Scheduled work. Rounds open from `checkin` Schedule occurrences (claimed by the scheduler);
// reminders, closing and the daily roster read are PeriodicJobs that claim each piece of
// work with claimOccurrence inside the transaction that does it, so it happens once across
// replicas and a rolled-back attempt leaves no claim behind.
import { errorFields } from '../../chat/index.ts';
import {
  claimOccurrence,
  type DbClient,
  enqueueOutboxMany,
  type Occurrence,
  type OccurrenceHandler,
  type PeriodicJob,
} from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';
import { type CheckinsDeps, HOUR, type Team, zoneOf } from './context.ts';
import { SchedulePayloadSchema, syncSchedules } from './definitions.ts';
import { closeRound } from './digest.ts';
import { readPlatformRoster, refreshRosterQuietly, writeRoster } from './roster.ts';
import { memberDayPlan, openRound } from './rounds.ts';
import { reminderView } from './views.ts';

export function occurrenceHandler(deps: CheckinsDeps): OccurrenceHandler {
  return async (occurrence: Occurrence, context) => {
    const payload = SchedulePayloadSchema.safeParse(occurrence.payload);
    if (!payload.success) throw new Error('A check-in schedule has an unreadable payload');
    const template = await deps.prisma.checkinTemplate.findUnique({
      where: { id: payload.data.templateId },
      include: { team: { include: { workspace: true } } },
    });
    if (!template?.active || template.deletedAt) return;
    const { team, ...definition } = template;
    // A round reads who is in the channel as it opens (members' own time: the day's first
    // occurrence, which opens it), outside the transaction: the platform may be slow.
    const dayKey = payload.data.memberId
      ? memberDayPlan(definition, occurrence.dueAt, occurrence.timeZone).key
      : occurrence.key;
    if (!(await deps.prisma.checkinRound.findUnique({ where: { key: dayKey }, select: { id: true } })))
      await refreshRosterQuietly(deps, team);
    await deps.prisma.$transaction(async (tx) => {
      if (payload.data.memberId) {
        const day = memberDayPlan(definition, occurrence.dueAt, occurrence.timeZone);
        const plan = {
          key: day.key,
          template: definition,
          opensAt: occurrence.dueAt,
          closesAt: day.closesAt,
        };
        await openRound(tx, deps.cipher, team, plan, context.now, payload.data.memberId);
        return;
      }
      const closesAt = new Date(occurrence.dueAt.getTime() + definition.openHours * HOUR);
      const plan = {
        key: occurrence.key,
        template: definition,
        scheduleId: occurrence.scheduleId,
        opensAt: occurrence.dueAt,
        closesAt,
      };
      await openRound(tx, deps.cipher, team, plan, context.now);
    });
    deps.notifyOutbox();
  };
}

async function remind(tx: DbClient, deps: CheckinsDeps, roundId: string, now: Date, instanceId: string) {
  const round = await tx.checkinRound.findUniqueOrThrow({
    where: { id: roundId },
    include: {
      team: { include: { workspace: true } },
      template: true,
      answers: { select: { memberId: true } },
    },
  });
  if (round.status !== 'open' || round.reminderSentAt) return 0;
  if (
    !(await claimOccurrence(tx, {
      key: `checkin-remind:${round.id}`,
      dueAt: round.remindAt,
      instanceId,
      at: now,
    }))
  )
    return 0;
  await tx.checkinRound.update({ where: { id: round.id }, data: { reminderSentAt: now } });
  // Only those who neither answered nor skipped; and nobody is ever named for it.
  const responded = new Set(round.answers.map((a) => a.memberId));
  const waiting = await tx.member.findMany({
    where: { id: { in: round.invited.filter((id) => !responded.has(id)) } },
  });
  await enqueueOutboxMany(
    tx,
    deps.cipher,
    waiting.map((member) => ({
      idempotencyKey: `checkin-reminder:${round.id}:${member.id}`,
      platform: round.team.workspace.platform,
      workspaceExternalId: round.team.workspace.externalId,
      teamId: round.teamId,
      target: { kind: 'dm' as const, userId: member.platformUserId },
      recipientMemberId: member.id,
      // Each member's own language, like the prompt it follows up.
      view: reminderView(
        round.id,
        round.template.name,
        round.closesAt,
        zoneOf(member, round.team),
        translatorForMember(member, round.team),
      ),
      // The clock's now, not the tick's: a tick may be evaluated for a moment ahead of it.
      notBefore: deps.clock.now(),
    })),
  );
  await tx.occurrenceClaim.update({
    where: { key: `checkin-remind:${round.id}` },
    data: { status: 'done', finishedAt: now },
  });
  return waiting.length;
}

export function roundJobs(deps: CheckinsDeps): PeriodicJob[] {
  const closing: PeriodicJob = {
    name: 'checkins.close-rounds',
    async run({ now, instanceId }) {
      const due = await deps.prisma.checkinRound.findMany({
        where: { status: 'open', closesAt: { lte: now } },
        select: { id: true },
      });
      for (const { id } of due)
        await deps.prisma.$transaction((tx) => closeRound(tx, deps.cipher, id, now, instanceId));
      if (due.length > 0) deps.notifyOutbox();
    },
  };
  const reminding: PeriodicJob = {
    name: 'checkins.reminders',
    async run({ now, instanceId }) {
      const due = await deps.prisma.checkinRound.findMany({
        where: { status: 'open', reminderSentAt: null, remindAt: { lte: now }, closesAt: { gt: now } },
        select: { id: true },
      });
      for (const { id } of due) await deps.prisma.$transaction((tx) => remind(tx, deps, id, now, instanceId));
      if (due.length > 0) deps.notifyOutbox();
    },
  };
  return [closing, reminding, rosterJob(deps)];
}

/** Once a day a team, the roster is read again from the platform (when this process has it). */
function rosterJob(deps: CheckinsDeps): PeriodicJob {
  return {
    name: 'checkins.roster',
    async run({ now, instanceId }) {
      const day = now.toISOString().slice(0, 10);
      const dayStart = new Date(`${day}T00:00:00.000Z`);
      const teams = await deps.prisma.team.findMany({
        where: {
          OR: [
            { checkinSettings: null },
            { checkinSettings: { OR: [{ rosterReadAt: null }, { rosterReadAt: { lt: dayStart } }] } },
          ],
        },
        include: { workspace: true },
      });
      for (const team of teams) {
        const client = deps.clientFor(team.workspace.platform);
        if (!client?.listChannelMembers) continue;
        try {
          await refreshOnce(deps, team, now, instanceId, day);
        } catch (error) {
          deps.logger.warn(
            { event: 'checkins.roster.failed', teamId: team.id, err: errorFields(error) },
            'Could not read a team roster',
          );
        }
      }
    },
  };
}

async function refreshOnce(deps: CheckinsDeps, team: Team, now: Date, instanceId: string, day: string) {
  const people = await readPlatformRoster(deps.clientFor(team.workspace.platform), team);
  if (!people) return;
  await deps.prisma.$transaction(async (tx) => {
    const key = `checkin-roster:${team.id}@${day}`;
    if (!(await claimOccurrence(tx, { key, dueAt: new Date(`${day}T00:00:00.000Z`), instanceId, at: now })))
      return;
    await writeRoster(tx, team, people, now);
    await resyncMemberSchedules(tx, team, now);
    await tx.occurrenceClaim.update({ where: { key }, data: { status: 'done', finishedAt: now } });
  });
}

/** Members' own time follows the roster: a newcomer gets a schedule, a leaver's goes quiet. */
export async function resyncMemberSchedules(tx: DbClient, team: Team, now: Date): Promise<void> {
  const templates = await tx.checkinTemplate.findMany({
    where: { teamId: team.id, timeMode: 'member', deletedAt: null },
  });
  for (const template of templates) await syncSchedules(tx, team, template, now);
}
