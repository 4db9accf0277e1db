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
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import { type Clock, enqueueOutbox } from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import type { PlanStepsPort } from '../ports.ts';
import { ensureMember } from '../teams/index.ts';
import { erasePlan, readPlan, saveSection, stepsOf } from './plan-store.ts';
import { planMarkdown, planView, sectionForm, sharedSectionView } from './plan-views.ts';
import { planSections, sectionByKey, sectionKeys } from './sections.ts';
import { shareTarget } from './share-target.ts';

export interface PlansDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly notifyOutbox: () => void;
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
}

const staleButton = 'That button has lost which section it was for. Please open `/peer plan` again.';

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

  async function sendCopy(actor: Actor): Promise<string> {
    const member = await ensureMember(prisma, actor);
    const texts = await readPlan(prisma, cipher, member.id);
    const client = deps.clientFor(actor.platform);
    if (!client)
      return 'I could not reach your direct messages just now. Nothing was sent; please try again later.';
    const date = clock.now().toISOString().slice(0, 10);
    // A direct answer to the member's own request, so it goes straight to their DM; the outbox
    // carries views, not files.
    await client.uploadFile(
      { platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId },
      {
        filename: `wellness-plan-${date}.md`,
        title: 'Your wellness plan',
        mimeType: 'text/markdown',
        content: planMarkdown(texts, member.displayName, date),
      },
    );
    return 'I sent a copy of your plan to your direct messages, as a Markdown file. Only you can see it there.';
  }

  async function share(actor: Actor, channelId: string | undefined, key: string): Promise<string> {
    const section = sectionByKey(key);
    if (!section) return `Please name a section to share: ${sectionKeys.join(', ')}.`;
    const member = await ensureMember(prisma, actor);
    const texts = await readPlan(prisma, cipher, member.id);
    const text = texts[section.key];
    if (!text)
      return `Your "${section.title}" section is empty, so there is nothing to share yet. Nothing was sent.`;
    const target = await shareTarget(prisma, member.id, actor, channelId);
    if (!target)
      return 'You do not have a supervisor yet, so I could not share it. A team admin can pair you with `/peer team supervisor`. Nothing was sent.';
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      await enqueueOutbox(tx, cipher, {
        idempotencyKey: `plan-share:${member.id}:${section.key}:${now.toISOString()}`,
        platform: actor.platform,
        workspaceExternalId: actor.workspaceId,
        teamId: target.teamId,
        target: { kind: 'dm', userId: target.supervisor.platformUserId },
        recipientMemberId: target.supervisor.id,
        view: sharedSectionView(member.displayName, section, text),
        isPrivate: true,
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
    return `I sent your "${section.title}" section to ${target.supervisor.displayName}, and only that section. Nothing else in your plan was shared.`;
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
      if (action === 'export') return reply.privately(refusalView(await sendCopy(actor)));
      if (action === 'share') {
        if (!options.section)
          return reply.privately(
            refusalView(
              `Which section would you like to share? For example \`/peer plan share section:triggers\`. Sections: ${sectionKeys.join(', ')}.`,
            ),
          );
        return reply.privately(refusalView(await share(actor, place.channelId, options.section)));
      }
      const member = await ensureMember(prisma, actor);
      await reply.privately(planView(await readPlan(prisma, cipher, member.id)));
    },
  });

  const actions = actionsByName({
    show: async ({ actor, reply }) => {
      const member = await ensureMember(prisma, actor);
      await reply.privately(planView(await readPlan(prisma, cipher, member.id)));
    },
    edit: async ({ actor, value, reply }) => {
      const section = value ? sectionByKey(value) : undefined;
      if (!section) return reply.privately(refusalView(staleButton));
      const member = await ensureMember(prisma, actor);
      const texts = await readPlan(prisma, cipher, member.id);
      await reply.openForm(sectionForm(section, texts[section.key]));
    },
    export: async ({ actor, reply }) => reply.privately(refusalView(await sendCopy(actor))),
  });

  const forms = formsByName({
    section: async ({ actor, context, values, reply }) => {
      const section = context ? sectionByKey(context) : undefined;
      if (!section) return reply.privately(refusalView(staleButton));
      const parsed = z
        .string()
        .max(section.limit)
        .optional()
        .safeParse(typeof values.text === 'string' || values.text === undefined ? values.text : '');
      if (!parsed.success) {
        const length = typeof values.text === 'string' ? values.text.length : 0;
        return reply.privately(
          refusalView(
            `"${section.title}" can hold up to ${section.limit.toLocaleString('en-US')} characters, and this was ${length.toLocaleString('en-US')}. Nothing was saved; please shorten it a little and try again.`,
          ),
        );
      }
      const member = await ensureMember(prisma, actor);
      await saveSection(prisma, cipher, member.id, section, parsed.data ?? '');
      await reply.privately(planView(await readPlan(prisma, cipher, member.id)));
    },
  });

  return {
    name: 'plans',
    commands: [plan],
    actions: { plans: actions },
    forms: { plans: forms },
    verbs: { 'plans:*': 'plan.own' },
    async home() {
      return [
        {
          type: 'actions',
          elements: [{ type: 'button', actionId: 'plans:show', label: 'My wellness plan' }],
        },
      ];
    },
    async privacy(memberId) {
      const row = await prisma.wellnessPlan.findUnique({ where: { memberId } });
      const filled = row ? planSections.filter((s) => row[s.column] !== null).length : 0;
      return [
        {
          label: 'Wellness plan',
          value:
            filled === 0
              ? 'none saved'
              : `${filled} of 7 sections, encrypted; only you can read it, and a section reaches your supervisor only when you share it`,
        },
      ];
    },
    personalData: {
      async export(memberId) {
        return { wellnessPlan: await readPlan(prisma, cipher, memberId) };
      },
      async erase(memberId, tx) {
        return { rows: await erasePlan(tx, memberId) };
      },
    },
  };
}
