// `/peer plan`: the member's own wellness plan, privately, with a form per section, a copy as
// a Markdown file in their DM, and `share section:<name>` to send one section to their
// supervisor (their choice only, audited).
import { z } from 'zod';
import {
  type Actor,
  actionsByName,
  type ChatClient,
  defineCommand,
  formsByName,
  type Platform,
  refusalView,
} from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { type Clock, enqueueOutbox, uuidv7 } from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import type { PlanStepsPort } from '../ports.ts';
import { ensureMember, translatorForActor, translatorForMember } from '../teams/index.ts';
import { openShare, SHARE_CONTEXT, shareTime } from './plan-share.ts';
import { erasePlan, readPlan, saveSection, stepsOf } from './plan-store.ts';
import { counted, planMarkdown, planView, sectionForm, sharedSectionNotice } from './plan-views.ts';
import { planSections, sectionByKey, sectionKeys, sectionTitle } from './sections.ts';
import { shareTarget } from './share-target.ts';

export interface PlansDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly notifyOutbox: () => void;
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
}

/** The section keys, as typed in the command (`code`, not words of any language). */
const keyList = (): MarkupText =>
  sectionKeys.reduce<MarkupText>(
    (out, key, i) => (i === 0 ? markup`${literal(key)}` : markup`${out}, ${literal(key)}`),
    markup``,
  );

export function planStepsPort({ prisma, cipher }: Pick<PlansDeps, 'prisma' | 'cipher'>): PlanStepsPort {
  return {
    async helpfulSteps(memberId) {
      const texts = await readPlan(prisma, cipher, memberId);
      return stepsOf(texts.triggers);
    },
  };
}

export function createPlansFeature(deps: PlansDeps): Feature {
  const { prisma, cipher, clock } = deps;
  const wordsOf = (actor: Actor, channelId?: string) =>
    translatorForActor(prisma, actor, channelId ? { channelId } : {});

  async function sendCopy(actor: Actor, t: Translate): Promise<MarkupText> {
    const member = await ensureMember(prisma, actor);
    const texts = await readPlan(prisma, cipher, member.id);
    const client = deps.clientFor(actor.platform);
    if (!client) return t('plans.copy.unreachable');
    const date = clock.now().toISOString().slice(0, 10);
    // A direct answer to the member's own request, so it goes straight to their DM; the outbox
    // carries views, not files.
    await client.uploadFile(
      { platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId },
      {
        filename: `wellness-plan-${date}.md`,
        title: t('plans.file.title'),
        mimeType: 'text/markdown',
        content: planMarkdown(texts, member.displayName, date, t),
      },
    );
    return t('plans.copy.sent');
  }

  async function share(
    actor: Actor,
    channelId: string | undefined,
    key: string,
    t: Translate,
  ): Promise<MarkupText> {
    const section = sectionByKey(key);
    if (!section) return t('plans.share.name', { sections: keyList() });
    const member = await ensureMember(prisma, actor);
    const texts = await readPlan(prisma, cipher, member.id);
    const text = texts[section.key];
    if (!text) return t('plans.share.empty', { section: sectionTitle(section, t) });
    const target = await shareTarget(prisma, member.id, actor, channelId);
    if (!target) return t('plans.share.noSupervisor');
    const now = clock.now();
    // A snapshot: later edits of the plan stay the member's own. The id is made here so the
    // envelope can name its row.
    const shareId = uuidv7();
    // The notice is the supervisor's to read: in their language.
    const theirs = translatorForMember(target.supervisor, { language: target.teamLanguage });
    const when = markup`${literal(shareTime(now, target.supervisor.timeZone ?? target.teamZone, theirs.locale))}`;
    await prisma.$transaction(async (tx) => {
      await tx.planShare.create({
        data: {
          id: shareId,
          memberId: member.id,
          supervisorId: target.supervisor.id,
          teamId: target.teamId,
          section: section.key,
          textEnc: cipher.encrypt(text, SHARE_CONTEXT, shareId),
          sharedAt: now,
        },
      });
      await enqueueOutbox(tx, cipher, {
        idempotencyKey: `plan-share:${member.id}:${section.key}:${now.toISOString()}`,
        platform: actor.platform,
        workspaceExternalId: actor.workspaceId,
        teamId: target.teamId,
        target: { kind: 'dm', userId: target.supervisor.platformUserId },
        recipientMemberId: target.supervisor.id,
        view: sharedSectionNotice(member.displayName, section, shareId, when, theirs),
        delivery: { kind: 'plan-share', subjectId: shareId, aboutMemberId: member.id },
        notBefore: now,
      });
      await tx.auditLog.create({
        data: {
          at: now,
          actorMemberId: member.id,
          action: 'plan.section.shared',
          subjectType: 'Member',
          subjectId: member.id,
          detail: { section: section.key, withMemberId: target.supervisor.id },
        },
      });
    });
    deps.notifyOutbox();
    return t('plans.share.sent', {
      section: sectionTitle(section, t),
      name: literal(target.supervisor.displayName),
    });
  }

  const plan = defineCommand({
    name: 'plan',
    description: 'Your own wellness plan: see it, edit it, share one section, or get a copy',
    help: 'Shows your wellness plan privately, with a button to edit each section. `plan share section:triggers` sends one section to your supervisor, only when you ask. `plan export` sends you a copy as a file.',
    who: 'everyone',
    verb: 'plan.own',
    where: 'anywhere',
    options: {
      action: { type: 'choice', description: 'What to do', choices: ['show', 'share', 'export'] },
      section: { type: 'choice', description: 'Which section to share', choices: [...sectionKeys] },
    },
    handler: async ({ actor, place, reply, options }) => {
      const action = options.action ?? 'show';
      const t = await wordsOf(actor, place.channelId);
      if (action === 'export') return reply.privately(refusalView(await sendCopy(actor, t)));
      if (action === 'share') {
        if (!options.section)
          return reply.privately(refusalView(t('plans.share.which', { sections: keyList() })));
        return reply.privately(refusalView(await share(actor, place.channelId, options.section, t)));
      }
      const member = await ensureMember(prisma, actor);
      await reply.privately(planView(await readPlan(prisma, cipher, member.id), t));
    },
  });

  const actions = actionsByName({
    show: async ({ actor, reply }) => {
      const member = await ensureMember(prisma, actor);
      await reply.privately(planView(await readPlan(prisma, cipher, member.id), await wordsOf(actor)));
    },
    edit: async ({ actor, value, reply }) => {
      const t = await wordsOf(actor);
      const section = value ? sectionByKey(value) : undefined;
      if (!section) return reply.privately(refusalView(t('plans.errors.stale')));
      const member = await ensureMember(prisma, actor);
      const texts = await readPlan(prisma, cipher, member.id);
      await reply.openForm(sectionForm(section, texts[section.key], t));
    },
    export: async ({ actor, reply }) =>
      reply.privately(refusalView(await sendCopy(actor, await wordsOf(actor)))),
    'open-share': async ({ actor, value, reply }) => {
      const t = await wordsOf(actor);
      if (!value) return reply.privately(refusalView(t('plans.errors.staleShare')));
      const reader = await ensureMember(prisma, actor);
      await reply.privately(await openShare({ prisma, cipher, clock }, reader.id, value, t));
    },
  });

  const forms = formsByName({
    section: async ({ actor, context, values, reply }) => {
      const t = await wordsOf(actor);
      const section = context ? sectionByKey(context) : undefined;
      if (!section) return reply.privately(refusalView(t('plans.errors.stale')));
      const parsed = z
        .string()
        .max(section.limit)
        .optional()
        .safeParse(typeof values.text === 'string' || values.text === undefined ? values.text : '');
      if (!parsed.success) {
        const length = typeof values.text === 'string' ? values.text.length : 0;
        return reply.privately(
          refusalView(
            t('plans.errors.tooLong', {
              section: sectionTitle(section, t),
              limit: counted(section.limit, t),
              length: counted(length, t),
            }),
          ),
        );
      }
      const member = await ensureMember(prisma, actor);
      await saveSection(prisma, cipher, member.id, section, parsed.data ?? '');
      await reply.privately(planView(await readPlan(prisma, cipher, member.id), t));
    },
  });

  return {
    name: 'plans',
    commands: [plan],
    actions: { plans: actions },
    forms: { plans: forms },
    verbs: { 'plans:*': 'plan.own' },
    async home(actor) {
      const t = await wordsOf(actor);
      return [
        {
          type: 'actions',
          elements: [{ type: 'button', actionId: 'plans:show', label: t('plans.view.home') }],
        },
      ];
    },
    async privacy(memberId, t = english) {
      const row = await prisma.wellnessPlan.findUnique({ where: { memberId } });
      const filled = row ? planSections.filter((s) => row[s.column] !== null).length : 0;
      return [
        {
          label: t('plans.privacy.label'),
          value: filled === 0 ? t('plans.privacy.none') : t('plans.privacy.some', { count: filled }),
        },
      ];
    },
    personalData: {
      async export(memberId) {
        return { wellnessPlan: await readPlan(prisma, cipher, memberId) };
      },
      async erase(memberId, tx) {
        // What they shared goes too: supervisors can no longer open it.
        const shares = await tx.planShare.deleteMany({ where: { memberId } });
        return { rows: (await erasePlan(tx, memberId)) + shares.count };
      },
    },
  };
}
