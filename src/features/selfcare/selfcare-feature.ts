// `/peer selfcare`: a member opts into the prompts they choose, at their own days and time, in
// their own zone, never during their quiet hours. Each prompt can be snoozed for an hour,
// skipped for today or stopped. Nothing a member answers is stored or reported.
import { z } from 'zod';
import {
  actionsByName,
  defineCommand,
  type Form,
  type FormValues,
  formsByName,
  refusalView,
  type View,
} from '../../chat/index.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import {
  type BatchPlan,
  type Clock,
  enqueueOutbox,
  enqueueOutboxMany,
  formatTimeOfDay,
  type Occurrence,
  type OccurrenceHandler,
  type OutboxMessageInput,
  parseTimeOfDay,
  type WeekdayCode,
} from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import type { CrisisLinesPort, PlanStepsPort } from '../ports.ts';
import { ensureMember } from '../teams/index.ts';
import { crisisLinesFor, heavyView } from './heavy.ts';
import { type Choice, replaceNudges, stopAll } from './nudges.ts';
import { dayLabels, promptView, type Topic, topicLabels, topics, weekdays } from './prompts.ts';

export interface SelfCareDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly notifyOutbox: () => void;
  readonly defaultTimeZone: string;
  readonly planSteps: PlanStepsPort;
  /** "It was heavy" offers the crisis lines of the presser's team region (absent: a pointer to them). */
  readonly crisisLines?: CrisisLinesPort;
  readonly defaultCrisisRegion?: string;
}

const HOUR = 60 * 60_000;
const gone = 'That prompt is not there any more. `/peer selfcare` lets you choose your prompts again.';
const say = (text: string): View => refusalView(text);

const choiceForm: Form = {
  formId: 'selfcare:choose',
  title: 'Self-care prompts',
  submitLabel: 'Save',
  intro:
    'Choose the prompts you would like, if any. They come by direct message in your own time zone, never in your quiet hours. Choose none to turn them all off.',
  inputs: [
    {
      id: 'topics',
      type: 'checkboxes',
      label: 'Which prompts?',
      optional: true,
      choices: topics.map((t) => ({ value: t, label: topicLabels[t] })),
    },
    {
      id: 'days',
      type: 'checkboxes',
      label: 'On which days (end of shift, plan line)?',
      optional: true,
      choices: weekdays.map((d) => ({ value: d, label: dayLabels[d] })),
    },
    {
      id: 'weekly',
      type: 'select',
      label: 'Which day for the weekly one?',
      optional: true,
      initial: 'FR',
      choices: weekdays.map((d) => ({ value: d, label: dayLabels[d] })),
    },
    {
      id: 'time',
      type: 'text',
      label: 'At what time? (like 17:30)',
      hint: 'Skip it for 17:00.',
      optional: true,
      check: { kind: 'time' },
      placeholder: '17:30',
      maxLength: 10,
    },
  ],
};

const defaultTime = '17:00';

const list = (v: FormValues[string]) => (v === undefined ? [] : Array.isArray(v) ? v : [v as string]);
const one = (v: FormValues[string]) => (Array.isArray(v) ? v[0] : (v as string | undefined));

function parseChoice(values: FormValues): { ok: true; value: Choice } | { ok: false; reason: string } {
  const schema = z.object({
    topics: z.array(z.enum(topics)),
    days: z.array(z.enum(weekdays)),
    weeklyDay: z.enum(weekdays),
    time: z.string().optional(),
  });
  const parsed = schema.safeParse({
    topics: list(values.topics),
    days: list(values.days),
    weeklyDay: one(values.weekly) ?? 'FR',
    time: one(values.time)?.trim() || undefined,
  });
  if (!parsed.success)
    return {
      ok: false,
      reason:
        'Some of those choices did not come through as I expected. Nothing was saved; please try `/peer selfcare` again.',
    };
  const { topics: chosen, days, weeklyDay } = parsed.data;
  if (chosen.length === 0) return { ok: true, value: { topics: [], days: [], weeklyDay, time: defaultTime } };
  // The question is optional, so skipping it is an answer: the usual end of a day shift.
  const minutes = parseTimeOfDay(parsed.data.time ?? defaultTime);
  if (minutes === null)
    return {
      ok: false,
      reason: 'Please give a time of day like 17:30, so I know when to send them. Nothing was saved.',
    };
  if (chosen.some((t) => t !== 'weekly') && days.length === 0) {
    return {
      ok: false,
      reason: 'Please pick at least one day for the end-of-shift or plan-line prompt. Nothing was saved.',
    };
  }
  return {
    ok: true,
    value: { topics: chosen, days: days as WeekdayCode[], weeklyDay, time: formatTimeOfDay(minutes) },
  };
}

export function createSelfCareFeature(deps: SelfCareDeps): Feature {
  const { prisma, cipher, clock } = deps;

  async function zoneOf(memberId: string, own: string | null): Promise<string> {
    if (own) return own;
    const role = await prisma.teamRole.findFirst({
      where: { memberId },
      include: { team: true },
      orderBy: { createdAt: 'asc' },
    });
    return role?.team.timeZone ?? deps.defaultTimeZone;
  }

  type NudgeWithMember = Db.Prisma.SelfCareNudgeGetPayload<{
    include: { member: { include: { workspace: true } } };
  }>;
  const withMember = { member: { include: { workspace: true } } } as const;

  /** The prompt for a nudge that is still wanted, or undefined (stopped, opted out, unknown topic). */
  async function promptFor(
    nudge: NudgeWithMember,
    key: string,
    notBefore: Date,
  ): Promise<OutboxMessageInput | undefined> {
    if (!nudge.active || nudge.member.optOuts.includes('selfcare')) return undefined;
    const topic = (topics as readonly string[]).includes(nudge.topic) ? (nudge.topic as Topic) : undefined;
    if (!topic) return undefined;
    const steps = topic === 'plan-line' ? await deps.planSteps.helpfulSteps(nudge.memberId) : undefined;
    const line = steps?.[Math.floor(notBefore.getTime() / (24 * HOUR)) % steps.length];
    return {
      idempotencyKey: key,
      platform: nudge.member.workspace.platform,
      workspaceExternalId: nudge.member.workspace.externalId,
      target: { kind: 'dm', userId: nudge.member.platformUserId },
      recipientMemberId: nudge.memberId,
      view: promptView(topic, nudge.id, line),
      isPrivate: topic === 'plan-line',
      respectQuietHours: true,
      notBefore,
    };
  }

  async function deliver(nudgeId: string, key: string, notBefore: Date): Promise<boolean> {
    const nudge = await prisma.selfCareNudge.findUnique({ where: { id: nudgeId }, include: withMember });
    const message = nudge ? await promptFor(nudge, key, notBefore) : undefined;
    return message !== undefined && (await enqueueOutbox(prisma, cipher, message));
  }

  const single = async (occurrence: Occurrence) => {
    const nudge = await prisma.selfCareNudge.findUnique({
      where: { scheduleId: occurrence.scheduleId },
      include: withMember,
    });
    const message = nudge && (await promptFor(nudge, `selfcare:${occurrence.key}`, occurrence.dueAt));
    if (message && (await enqueueOutbox(prisma, cipher, message))) deps.notifyOutbox();
  };

  // Many members' end-of-shift prompts come due at the same local time: the scheduler hands a
  // batch here, read in one query; the prompts of the occurrences this replica claimed are
  // enqueued in the scheduler's transaction (which holds their claims), then one notify.
  const batch = async (occurrences: readonly Occurrence[]): Promise<BatchPlan> => {
    const nudges = await prisma.selfCareNudge.findMany({
      where: { scheduleId: { in: occurrences.map((o) => o.scheduleId) } },
      include: withMember,
    });
    const bySchedule = new Map(nudges.map((nudge) => [nudge.scheduleId, nudge]));
    const messages = new Map<string, OutboxMessageInput>();
    for (const occurrence of occurrences) {
      const nudge = bySchedule.get(occurrence.scheduleId);
      const message = nudge && (await promptFor(nudge, `selfcare:${occurrence.key}`, occurrence.dueAt));
      if (message) messages.set(occurrence.key, message);
    }
    return {
      write: async (db, won) => {
        const mine = won.flatMap((occurrence) => messages.get(occurrence.key) ?? []);
        if (mine.length > 0) await enqueueOutboxMany(db, cipher, mine);
      },
      afterCommit: deps.notifyOutbox,
    };
  };
  const onOccurrence: OccurrenceHandler = Object.assign(single, { batch });

  const selfcare = defineCommand({
    name: 'selfcare',
    description: 'Choose self-care prompts for yourself, or turn them off',
    help: 'Opens a private form: an end-of-shift check with yourself, a weekly "something for yourself", or a line from your own plan, on the days and time you choose. Nobody sees your answers.',
    who: 'everyone',
    verb: 'plan.own',
    where: 'anywhere',
    handler: async ({ reply }) => reply.openForm(choiceForm),
  });

  const forms = formsByName({
    choose: async ({ actor, values, reply }) => {
      const parsed = parseChoice(values);
      if (!parsed.ok) return reply.privately(say(parsed.reason));
      const member = await ensureMember(prisma, actor);
      const zone = await zoneOf(member.id, member.timeZone);
      const count = await replaceNudges(prisma, member, parsed.value, zone, clock.now());
      await reply.privately(
        say(
          count === 0
            ? 'Done: no self-care prompts. You can choose some again any time with `/peer selfcare`.'
            : `Saved: ${parsed.value.topics.map((t) => topicLabels[t]).join('; ')}, at ${parsed.value.time} (${zone}). Never during your quiet hours; every prompt has Snooze, Skip and Stop.`,
        ),
      );
    },
  });

  const mine = async (nudgeId: string | undefined, userId: string, workspaceId: string) => {
    if (!nudgeId) return undefined;
    const nudge = await prisma.selfCareNudge.findUnique({
      where: { id: nudgeId },
      include: { member: { include: { workspace: true } } },
    });
    return nudge &&
      nudge.member.platformUserId === userId &&
      nudge.member.workspace.externalId === workspaceId
      ? nudge
      : undefined;
  };

  const actions = actionsByName({
    snooze: async ({ actor, value, reply }) => {
      const nudge = await mine(value, actor.userId, actor.workspaceId);
      if (!nudge)
        return reply.privately(
          say('That prompt is not there any more. `/peer selfcare` shows what you chose.'),
        );
      const at = new Date(clock.now().getTime() + HOUR);
      await deliver(nudge.id, `selfcare-snooze:${nudge.id}:${at.toISOString()}`, at);
      deps.notifyOutbox();
      await reply.updateSource(say('Snoozed: I will ask again in an hour (or after your quiet hours).'));
    },
    skip: async ({ reply }) => reply.updateSource(say('Skipped for today. Take care.')),
    stop: async ({ actor, value, reply }) => {
      const nudge = await mine(value, actor.userId, actor.workspaceId);
      if (!nudge) return reply.privately(say(gone));
      await prisma.$transaction((tx) => stopAll(tx, nudge.memberId));
      await reply.updateSource(
        say('Stopped: no more self-care prompts. You can choose some again any time with `/peer selfcare`.'),
      );
    },
    okay: async ({ reply }) => reply.updateSource(say('Glad to hear it. Rest well.')),
    heavy: async ({ actor, reply }) =>
      reply.updateSource(
        heavyView(await crisisLinesFor(deps, actor.platform, actor.workspaceId, actor.userId)),
      ),
  });

  return {
    name: 'selfcare',
    commands: [selfcare],
    actions: { selfcare: actions },
    forms: { selfcare: forms },
    verbs: { 'selfcare:*': 'plan.own', 'selfcare:snooze': 'selfcare.own', 'selfcare:stop': 'selfcare.own' },
    occurrences: { selfcare: onOccurrence },
    async privacy(memberId) {
      const count = await prisma.selfCareNudge.count({ where: { memberId, active: true } });
      return [
        {
          label: 'Self-care prompts',
          value: `${count} chosen by you. Your answers are never stored or shared.`,
        },
      ];
    },
    personalData: {
      async export(memberId) {
        const nudges = await prisma.selfCareNudge.findMany({
          where: { memberId },
          include: { schedule: true },
        });
        return {
          selfCarePrompts: nudges.map((n) => ({
            topic: n.topic,
            active: n.active,
            rule: n.schedule.rule,
            timeZone: n.schedule.timeZone,
          })),
        };
      },
      async erase(memberId, tx) {
        const nudges = await tx.selfCareNudge.findMany({ where: { memberId }, select: { scheduleId: true } });
        const deleted = await tx.schedule.deleteMany({
          where: { id: { in: nudges.map((n) => n.scheduleId) } },
        });
        return { rows: deleted.count };
      },
    },
  };
}
