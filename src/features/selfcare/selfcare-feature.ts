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
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
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
import { ensureMember, translatorForActor, translatorForMember } from '../teams/index.ts';
import { crisisLinesFor, heavyView } from './heavy.ts';
import { type Choice, replaceNudges, stopAll } from './nudges.ts';
import { promptView, type Topic, topics, weekdays } from './prompts.ts';

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
const say = (text: MarkupText): View => refusalView(text);

const dayChoices = (t: Translate) => weekdays.map((d) => ({ value: d, label: t(`selfcare.days.${d}`) }));

const choiceForm = (t: Translate): Form => ({
  formId: 'selfcare:choose',
  title: t('selfcare.form.title'),
  submitLabel: t('selfcare.form.submit'),
  intro: t('selfcare.form.intro'),
  inputs: [
    {
      id: 'topics',
      type: 'checkboxes',
      label: t('selfcare.form.topics'),
      optional: true,
      choices: topics.map((topic) => ({ value: topic, label: t(`selfcare.topics.${topic}`) })),
    },
    {
      id: 'days',
      type: 'checkboxes',
      label: t('selfcare.form.days'),
      optional: true,
      choices: dayChoices(t),
    },
    {
      id: 'weekly',
      type: 'select',
      label: t('selfcare.form.weekly'),
      optional: true,
      initial: 'FR',
      choices: dayChoices(t),
    },
    {
      id: 'time',
      type: 'text',
      label: t('selfcare.form.time'),
      hint: t('selfcare.form.timeHint'),
      optional: true,
      check: { kind: 'time' },
      placeholder: '17:30',
      maxLength: 10,
    },
  ],
});

const defaultTime = '17:00';

const list = (v: FormValues[string]) => (v === undefined ? [] : Array.isArray(v) ? v : [v as string]);
const one = (v: FormValues[string]) => (Array.isArray(v) ? v[0] : (v as string | undefined));

function parseChoice(
  values: FormValues,
  t: Translate,
): { ok: true; value: Choice } | { ok: false; reason: MarkupText } {
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
  if (!parsed.success) return { ok: false, reason: t('selfcare.errors.choices') };
  const { topics: chosen, days, weeklyDay } = parsed.data;
  if (chosen.length === 0) return { ok: true, value: { topics: [], days: [], weeklyDay, time: defaultTime } };
  // The question is optional, so skipping it is an answer: the usual end of a day shift.
  const minutes = parseTimeOfDay(parsed.data.time ?? defaultTime);
  if (minutes === null) return { ok: false, reason: t('selfcare.errors.time') };
  if (chosen.some((t) => t !== 'weekly') && days.length === 0) {
    return { ok: false, reason: t('selfcare.errors.days') };
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

  /** The member's words for a prompt: their choice or platform's, else their first team's. */
  async function wordsFor(member: Db.Member): Promise<Translate> {
    const team =
      member.language === null
        ? ((
            await prisma.teamRole.findFirst({
              where: { memberId: member.id },
              include: { team: true },
              orderBy: { createdAt: 'asc' },
            })
          )?.team ?? null)
        : null;
    return translatorForMember(member, team);
  }
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
      view: promptView(topic, nudge.id, line, await wordsFor(nudge.member)),
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
    handler: async ({ actor, reply }) => reply.openForm(choiceForm(await translatorForActor(prisma, actor))),
  });

  const forms = formsByName({
    choose: async ({ actor, values, reply }) => {
      const t = await translatorForActor(prisma, actor);
      const parsed = parseChoice(values, t);
      if (!parsed.ok) return reply.privately(say(parsed.reason));
      const member = await ensureMember(prisma, actor);
      const zone = await zoneOf(member.id, member.timeZone);
      const count = await replaceNudges(prisma, member, parsed.value, zone, clock.now());
      const chosen = parsed.value.topics
        .map((topic) => t(`selfcare.topics.${topic}`))
        .reduce(
          (out, label, i) => (i === 0 ? label : markup`${out}${t('selfcare.saved.join')}${label}`),
          markup``,
        );
      await reply.privately(
        say(
          count === 0
            ? t('selfcare.saved.none')
            : t('selfcare.saved.some', {
                topics: chosen,
                time: literal(parsed.value.time),
                zone: literal(zone),
              }),
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
      const t = await translatorForActor(prisma, actor);
      const nudge = await mine(value, actor.userId, actor.workspaceId);
      if (!nudge) return reply.privately(say(t('selfcare.errors.goneSnooze')));
      const at = new Date(clock.now().getTime() + HOUR);
      await deliver(nudge.id, `selfcare-snooze:${nudge.id}:${at.toISOString()}`, at);
      deps.notifyOutbox();
      await reply.updateSource(say(t('selfcare.answers.snoozed')));
    },
    skip: async ({ actor, reply }) =>
      reply.updateSource(say((await translatorForActor(prisma, actor))('selfcare.answers.skipped'))),
    stop: async ({ actor, value, reply }) => {
      const t = await translatorForActor(prisma, actor);
      const nudge = await mine(value, actor.userId, actor.workspaceId);
      if (!nudge) return reply.privately(say(t('selfcare.errors.gone')));
      await prisma.$transaction((tx) => stopAll(tx, nudge.memberId));
      await reply.updateSource(say(t('selfcare.answers.stopped')));
    },
    okay: async ({ actor, reply }) =>
      reply.updateSource(say((await translatorForActor(prisma, actor))('selfcare.answers.okay'))),
    heavy: async ({ actor, reply }) => {
      const t = await translatorForActor(prisma, actor);
      const lines = await crisisLinesFor(deps, actor.platform, actor.workspaceId, actor.userId, t.language);
      await reply.updateSource(heavyView(lines, t));
    },
  });

  return {
    name: 'selfcare',
    commands: [selfcare],
    actions: { selfcare: actions },
    forms: { selfcare: forms },
    verbs: { 'selfcare:*': 'plan.own', 'selfcare:snooze': 'selfcare.own', 'selfcare:stop': 'selfcare.own' },
    occurrences: { selfcare: onOccurrence },
    async privacy(memberId, t = english) {
      const count = await prisma.selfCareNudge.count({ where: { memberId, active: true } });
      return [{ label: t('selfcare.privacy.label'), value: t('selfcare.privacy.value', { count }) }];
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
