// The feature's scheduled work, one PeriodicJob run on every tick on every replica. Each due
// thing has an occurrence key naming what and when (a moved session gets fresh keys at its new
// time); the claim and the outbox rows it causes are written in one transaction, so each
// happens exactly once across replicas and a crash leaves all or nothing.
import type { Db, PrismaClient } from '../../db/index.ts';
import { claimOccurrence, type DbClient, type Outbox, type PeriodicJob } from '../../scheduling/index.ts';
import { agendaOf } from './agenda.ts';
import { teamMemberIds } from './context.ts';
import { dmMembers, postInChannel, teamWithWorkspace } from './delivery.ts';
import { loadPoll } from './poll.ts';
import { rsvpCounts } from './rsvp.ts';
import {
  agendaView,
  attendancePromptView,
  pollClosedForOrganiserView,
  pollReminderView,
  reminderView,
  sessionPostView,
  teamTranslator,
} from './views.ts';

const MINUTE = 60_000;
/** How late a reminder may still go out after downtime (never after the session began). */
const WINDOW_MINUTES = 30;
/** Sessions are posted with their RSVP buttons this long before they start. */
const POST_AHEAD_MS = 6 * 24 * 60 * MINUTE;
const DEFAULT_REMINDERS = [1440, 15];

interface JobDeps {
  readonly prisma: PrismaClient;
  readonly outbox: Outbox;
  readonly instanceId?: string;
}

type Session = Db.SupervisionSession;

/** Claims `key` and runs `work` in one transaction; false when another replica had it. */
async function once(
  deps: JobDeps,
  instanceId: string,
  key: string,
  dueAt: Date,
  now: Date,
  work: (tx: DbClient) => Promise<unknown>,
) {
  return deps.prisma.$transaction(async (tx) => {
    if (!(await claimOccurrence(tx, { key, dueAt, instanceId, at: now }))) return false;
    await work(tx);
    await tx.occurrenceClaim.update({ where: { key }, data: { status: 'done', finishedAt: now } });
    return true;
  });
}

const due = (dueAt: Date, now: Date, windowMs = WINDOW_MINUTES * MINUTE) =>
  dueAt.getTime() <= now.getTime() && now.getTime() - dueAt.getTime() <= windowMs;

async function recipientsOf(tx: DbClient, session: Session): Promise<Db.Member[]> {
  const ids =
    session.kind === 'one_on_one'
      ? [session.supervisorId, session.superviseeId].filter((id): id is string => id !== null)
      : (
          await tx.rsvp.findMany({ where: { sessionId: session.id, response: { in: ['yes', 'maybe'] } } })
        ).map((r) => r.memberId);
  const members = await tx.member.findMany({ where: { id: { in: ids } } });
  return members.filter((m) => !m.optOuts.includes('supervision_reminders'));
}

async function remind(deps: JobDeps, id: string, session: Session, offsets: readonly number[], now: Date) {
  for (const minutes of offsets) {
    const dueAt = new Date(session.startsAt.getTime() - minutes * MINUTE);
    // Never after the start: a 15-minute reminder five minutes late is still useful, one after the start is not.
    if (!due(dueAt, now, Math.min(WINDOW_MINUTES, minutes) * MINUTE)) continue;
    const key = `supervision-reminder:${session.id}:${minutes}@${session.startsAt.toISOString()}`;
    await once(deps, id, key, dueAt, now, async (tx) => {
      const team = await teamWithWorkspace(tx, session.teamId);
      const people = await recipientsOf(tx, session);
      // The day-before one waits out quiet hours; a last-minute one would be useless later.
      await dmMembers(
        tx,
        deps.outbox,
        team,
        people,
        key,
        (_m, zone, t) => reminderView(session, zone, minutes, t),
        {
          respectQuietHours: minutes >= 60,
          notBefore: now,
        },
      );
    });
  }
}

async function agendaWork(deps: JobDeps, id: string, session: Session, postAtStart: boolean, now: Date) {
  if (session.kind !== 'group') return;
  const hourBefore = new Date(session.startsAt.getTime() - 60 * MINUTE);
  if (session.supervisorId && due(hourBefore, now)) {
    await once(
      deps,
      id,
      `supervision-agenda:${session.id}@${session.startsAt.toISOString()}`,
      hourBefore,
      now,
      async (tx) => {
        const team = await teamWithWorkspace(tx, session.teamId);
        const facilitator = await tx.member.findMany({ where: { id: session.supervisorId ?? '' } });
        const lines = await agendaOf(tx, session.id);
        await dmMembers(
          tx,
          deps.outbox,
          team,
          facilitator,
          `supervision-agenda:${session.id}@${session.startsAt.toISOString()}`,
          (_m, zone, t) => agendaView(session, zone, lines, false, t),
          { respectQuietHours: false, notBefore: now },
        );
      },
    );
  }
  if (postAtStart && session.channelId && due(session.startsAt, now)) {
    const key = `supervision-agenda-post:${session.id}@${session.startsAt.toISOString()}`;
    await once(deps, id, key, session.startsAt, now, async (tx) => {
      const lines = await agendaOf(tx, session.id);
      if (lines.length === 0) return;
      const team = await teamWithWorkspace(tx, session.teamId);
      await postInChannel(
        tx,
        deps.outbox,
        team,
        session.channelId ?? team.channelId,
        key,
        agendaView(session, team.timeZone, lines, true, teamTranslator(team)),
        now,
      );
    });
  }
}

async function postAhead(deps: JobDeps, id: string, session: Session, now: Date) {
  if (session.kind !== 'group' || !session.channelId) return;
  const postAt = new Date(session.startsAt.getTime() - POST_AHEAD_MS);
  if (postAt > now) return;
  const key = `supervision-post:${session.id}@${session.startsAt.toISOString()}`;
  const posted = await deps.prisma.outboxMessage.findUnique({
    where: { idempotencyKey: key },
    select: { id: true },
  });
  if (posted) return;
  await once(deps, id, key, postAt, now, async (tx) => {
    const team = await teamWithWorkspace(tx, session.teamId);
    const counts = await rsvpCounts(tx, session.id);
    await postInChannel(
      tx,
      deps.outbox,
      team,
      session.channelId ?? team.channelId,
      key,
      sessionPostView(session, counts, teamTranslator(team)),
      now,
    );
  });
}

async function attendancePrompt(deps: JobDeps, id: string, session: Session, now: Date) {
  if (
    session.kind !== 'group' ||
    !session.supervisorId ||
    session.attendanceAt ||
    !due(session.endsAt, now, 24 * 60 * MINUTE)
  )
    return;
  const key = `supervision-attendance:${session.id}@${session.endsAt.toISOString()}`;
  await once(deps, id, key, session.endsAt, now, async (tx) => {
    const team = await teamWithWorkspace(tx, session.teamId);
    const facilitator = await tx.member.findMany({ where: { id: session.supervisorId ?? '' } });
    await dmMembers(
      tx,
      deps.outbox,
      team,
      facilitator,
      key,
      (_m, zone, t) => attendancePromptView(session, zone, t),
      { notBefore: now },
    );
  });
}

async function pollWork(deps: JobDeps, id: string, now: Date) {
  const polls = await deps.prisma.poll.findMany({ where: { status: 'open' } });
  for (const poll of polls) {
    const life = poll.closesAt.getTime() - poll.createdAt.getTime();
    const reminderAt = new Date(poll.closesAt.getTime() - Math.min(24 * 60 * MINUTE, life / 2));
    if (due(reminderAt, now, Math.max(0, poll.closesAt.getTime() - reminderAt.getTime()))) {
      const key = `supervision-poll-reminder:${poll.id}`;
      await once(deps, id, key, reminderAt, now, async (tx) => {
        const full = await loadPoll(tx, poll.id);
        const voted = new Set(full?.options.flatMap((o) => o.votes.map((v) => v.memberId)) ?? []);
        const ids = (await teamMemberIds(tx, poll.teamId)).filter((m) => !voted.has(m));
        const team = await teamWithWorkspace(tx, poll.teamId);
        // Only a private nudge to each person; nobody is ever named in the channel.
        await dmMembers(
          tx,
          deps.outbox,
          team,
          await tx.member.findMany({ where: { id: { in: ids } } }),
          key,
          (_m, zone, t) => pollReminderView(poll, zone, t),
          { notBefore: now },
        );
      });
    }
    if (poll.closesAt <= now) await closePoll(deps, id, poll, now);
  }
}

async function closePoll(deps: JobDeps, id: string, poll: Db.Poll, now: Date) {
  const key = `supervision-poll-close:${poll.id}`;
  await once(deps, id, key, poll.closesAt, now, async (tx) => {
    const closed = await tx.poll.updateMany({
      where: { id: poll.id, status: 'open' },
      data: { status: 'closed' },
    });
    if (closed.count === 0) return;
    const team = await teamWithWorkspace(tx, poll.teamId);
    const organiser = await tx.member.findMany({ where: { id: poll.createdById } });
    await dmMembers(
      tx,
      deps.outbox,
      team,
      organiser,
      key,
      (_m, _zone, t) => pollClosedForOrganiserView({ ...poll, status: 'closed' }, t),
      { notBefore: now },
    );
  });
}

export function supervisionJob(deps: JobDeps): PeriodicJob {
  return {
    name: 'supervision',
    async run({ instanceId, now }) {
      await pollWork(deps, instanceId, now);
      const sessions = await deps.prisma.supervisionSession.findMany({
        where: {
          status: 'scheduled',
          OR: [
            {
              startsAt: {
                gt: new Date(now.getTime() - WINDOW_MINUTES * MINUTE),
                lte: new Date(now.getTime() + POST_AHEAD_MS),
              },
            },
            { endsAt: { gt: new Date(now.getTime() - 24 * 60 * MINUTE), lte: now }, attendanceAt: null },
          ],
        },
      });
      const settings = new Map(
        (
          await deps.prisma.supervisionSettings.findMany({
            where: { teamId: { in: [...new Set(sessions.map((s) => s.teamId))] } },
          })
        ).map((s) => [s.teamId, s]),
      );
      for (const session of sessions) {
        const team = settings.get(session.teamId);
        await postAhead(deps, instanceId, session, now);
        await remind(deps, instanceId, session, team?.reminderMinutes ?? DEFAULT_REMINDERS, now);
        await agendaWork(deps, instanceId, session, team?.postAgendaAtStart ?? false, now);
        await attendancePrompt(deps, instanceId, session, now);
      }
      // Whatever this tick queued goes out now rather than at the worker's next poll.
      deps.outbox.notify();
    },
  };
}
