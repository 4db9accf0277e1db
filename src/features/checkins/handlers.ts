// Buttons and forms: answer / skip / snooze on a prompt, a supervisor reading an answer shared
// with them only (audited), edit / pause / delete on the list, and the two forms.

import { mayReceivePrivate } from '../../access/index.ts';
import {
  type ActionHandler,
  actionsByName,
  confirmView,
  type FormHandler,
  formsByName,
  literal,
  type MarkupText,
  type Reply,
  toPlainText,
} from '../../chat/index.ts';
import { channelLanguage, type Translate, translatorOf } from '../../i18n/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { enqueueOutbox } from '../../scheduling/index.ts';
import { translatorForActor, translatorForMember } from '../teams/index.ts';
import { decryptItems, type Recorded, recordAnswer, recordSkip, roundToAnswer, snooze } from './answers.ts';
import { type CheckinsDeps, ensureMember, mayManage, notLead, type Refusal } from './context.ts';
import { questionsOf, saveDefinition, syncSchedules } from './definitions.ts';
import { minGroupOf } from './digest.ts';
import { postNamedAnswer } from './named-posts.ts';
import { answerForm, HARD_PLACE } from './questions.ts';
import { redrawPosts } from './redraw-posts.ts';
import { pairForReachOut } from './safety.ts';
import { parseSetup, setupForm } from './setup-form.ts';
import {
  type AnswerReceipt,
  hardPlaceView,
  privateAnswerView,
  skippedView,
  snoozedView,
  supervisorNoticeView,
  textView,
  thanksView,
} from './views.ts';

const say = (reply: Reply, text: MarkupText) => reply.privately(textView(text));
const refused = (reply: Reply, reason: Refusal, t: Translate) => say(reply, reason(t));
const gone: Refusal = (t) => t('checkins.refusal.checkinGone');

/** What the answer's follow-ups found out, for the member's receipt and after the commit. */
interface FollowUpResult {
  /** Named posts to edit on the platform once the answer commits (a replaced answer). */
  redraw: string[];
  supervisor?: string;
}

/** What an answer causes, in its transaction: named post, supervisor notice, reach-out pairing. */
function followUps(deps: CheckinsDeps, result: FollowUpResult) {
  return async (tx: DbClient, r: Recorded) => {
    const now = deps.clock.now();
    const team = r.round.team;
    if (r.round.template.digestMode === 'live')
      result.redraw = await postNamedAnswer(
        tx,
        deps.cipher,
        team,
        r.round,
        r.answer,
        r.items,
        r.member.displayName,
        now,
      );
    if (r.items.some((i) => i.audience === 'supervisor')) {
      const primary = await primaryOf(tx, team.id, r.member.id);
      if (primary) {
        result.supervisor = primary.displayName;
        await enqueueOutbox(tx, deps.cipher, {
          idempotencyKey: `checkin-private:${r.answer.id}:${now.getTime()}`,
          platform: team.workspace.platform,
          workspaceExternalId: team.workspace.externalId,
          teamId: team.id,
          target: { kind: 'dm', userId: primary.platformUserId },
          recipientMemberId: primary.id,
          // The supervisor's own language (their choice, their platform, the team's).
          view: supervisorNoticeView(
            r.answer.id,
            r.member.displayName,
            r.round.template.name,
            translatorForMember(primary, team),
          ),
          delivery: { kind: 'checkin-answer', subjectId: r.answer.id, aboutMemberId: r.member.id },
          notBefore: now,
        });
      }
    }
    if (r.wantsReachOut) await pairForReachOut(tx, deps, team, r.member, r.answer.id, now);
  };
}

async function primaryOf(tx: DbClient, teamId: string, memberId: string) {
  const pairing = await tx.supervisorAssignment.findFirst({
    where: { teamId, superviseeId: memberId, kind: 'primary' },
    include: { supervisor: true },
  });
  return pairing?.supervisor;
}

function receipt(r: Recorded, found: FollowUpResult, minGroup: number): AnswerReceipt {
  const count = (audience: string) => r.items.filter((i) => i.audience === audience).length;
  return {
    roundId: r.round.id,
    name: r.round.template.name,
    replaced: r.replaced,
    live: r.round.template.digestMode === 'live',
    named: count('team'),
    anonymous: count('anonymous'),
    supervisorOnly: count('supervisor'),
    leftEmpty: r.leftEmpty,
    ...(found.supervisor ? { supervisor: found.supervisor } : {}),
    minGroup,
    // "struggling": the crisis lines one step away ("in a hard place" got them already).
    struggling: r.mood === HARD_PLACE + 1,
  };
}

async function readPrivateAnswer(
  deps: CheckinsDeps,
  actor: Parameters<ActionHandler>[0]['actor'],
  answerId: string | undefined,
  reply: Reply,
) {
  const answer = answerId
    ? await deps.prisma.checkinAnswer.findUnique({
        where: { id: answerId },
        include: { member: true, round: true },
      })
    : null;
  const t = await translatorForActor(deps.prisma, actor, answer ? { teamId: answer.round.teamId } : {});
  if (!answer) return say(reply, t('checkins.privateAnswer.gone'));
  const reader = await ensureMember(deps.prisma, actor);
  // The same rule the delivery worker asked before sending the notice (src/access).
  const request = {
    kind: 'checkin-answer' as const,
    subjectId: answer.id,
    aboutMemberId: answer.memberId,
    recipientMemberId: reader.id,
    teamId: answer.round.teamId,
  };
  if (!(await mayReceivePrivate(deps.prisma, request, reader.id)))
    return say(reply, t('checkins.privateAnswer.notYours'));
  const items = decryptItems(deps.cipher, answer)
    .filter((i) => i.audience === 'supervisor')
    .map((i) => ({ questionId: i.questionId, question: i.question, kind: i.kind, value: i.value }));
  if (reader.id !== answer.memberId)
    await deps.prisma.auditLog.create({
      data: {
        actorMemberId: reader.id,
        action: 'read.checkin-answer',
        subjectType: 'Member',
        subjectId: answer.memberId,
        detail: { answerId: answer.id },
        at: deps.clock.now(),
      },
    });
  await reply.privately(privateAnswerView(answer.member.displayName, items, t));
}

async function templateForLead(
  deps: CheckinsDeps,
  actor: Parameters<ActionHandler>[0]['actor'],
  templateId: string | undefined,
) {
  const template = templateId
    ? await deps.prisma.checkinTemplate.findUnique({
        where: { id: templateId },
        include: { team: { include: { workspace: true } } },
      })
    : null;
  if (!template || template.deletedAt) return undefined;
  return (await mayManage(deps, actor, template.teamId)) ? template : null;
}

/**
 * Stored as the deleted check-in's name, so it is written once, in the team's language: rounds
 * already run keep a name that says what happened.
 */
const deletedName = (template: { name: string; id: string }, now: Date, t: Translate): string =>
  toPlainText(
    t('checkins.manage.deletedName', {
      name: literal(template.name),
      date: literal(now.toISOString().slice(0, 10)),
      id: literal(template.id.slice(-6)),
    }),
  );

/** A lead's translator for a message about one team. */
const leadT = (deps: CheckinsDeps, actor: Parameters<ActionHandler>[0]['actor'], teamId?: string) =>
  translatorForActor(deps.prisma, actor, { teamId });

export function checkinActions(deps: CheckinsDeps): ActionHandler {
  return actionsByName({
    answer: async ({ actor, place, value, reply }) => {
      const round = await roundToAnswer(deps, actor, value);
      if (!round.ok)
        return refused(
          reply,
          round.reason,
          await translatorForActor(deps.prisma, actor, { channelId: place.channelId }),
        );
      const { id, template, teamId } = round.value.round;
      const supervisor = await primaryOf(deps.prisma, teamId, round.value.member.id);
      const t = await translatorForActor(deps.prisma, actor, { teamId });
      await reply.openForm(answerForm(id, template.name, questionsOf(template), supervisor !== undefined, t));
    },
    skip: async ({ actor, place, value, reply }) => {
      const done = await recordSkip(deps, actor, value);
      const t = await translatorForActor(deps.prisma, actor, { channelId: place.channelId });
      await (done.ok ? reply.privately(skippedView(t)) : refused(reply, done.reason, t));
    },
    snooze: async ({ actor, place, value, reply }) => {
      const done = await snooze(deps, actor, value);
      const t = await translatorForActor(deps.prisma, actor, { channelId: place.channelId });
      await (done.ok ? reply.privately(snoozedView(t)) : refused(reply, done.reason, t));
    },
    read: ({ actor, value, reply }) => readPrivateAnswer(deps, actor, value, reply),
    edit: async ({ actor, value, reply }) => {
      const template = await templateForLead(deps, actor, value);
      const t = await leadT(deps, actor, template?.teamId);
      if (!template) return refused(reply, template === null ? notLead : gone, t);
      await reply.openForm({
        ...setupForm(template.team.timeZone, { ...template, questions: questionsOf(template) }, t),
        context: `edit:${template.teamId}:${template.id}`,
      });
    },
    toggle: async ({ actor, value, reply }) => {
      const template = await templateForLead(deps, actor, value);
      const t = await leadT(deps, actor, template?.teamId);
      if (!template) return refused(reply, template === null ? notLead : gone, t);
      await deps.prisma.$transaction(async (tx) => {
        const updated = await tx.checkinTemplate.update({
          where: { id: template.id },
          data: { active: !template.active },
        });
        await syncSchedules(tx, template.team, updated, deps.clock.now());
      });
      const name = literal(template.name);
      await say(
        reply,
        template.active ? t('checkins.manage.paused', { name }) : t('checkins.manage.running', { name }),
      );
    },
    // Delete asks first (one press on a list must not end a team's check-in); nothing changes
    // until "Delete", and that press checks the lead again.
    delete: async ({ actor, value, reply }) => {
      const template = await templateForLead(deps, actor, value);
      const t = await leadT(deps, actor, template?.teamId);
      if (!template) return refused(reply, template === null ? notLead : gone, t);
      await reply.privately(
        confirmView({
          question: t('checkins.manage.deleteQuestion', { name: literal(template.name) }),
          detail: t('checkins.manage.deleteDetail'),
          confirm: {
            actionId: 'checkins:delete-yes',
            label: t('checkins.manage.delete'),
            value: template.id,
          },
          keep: { actionId: 'checkins:delete-no', label: t('checkins.manage.keep'), value: template.id },
        }),
      );
    },
    'delete-no': async ({ actor, value, reply }) => {
      const template = await templateForLead(deps, actor, value);
      const t = await leadT(deps, actor, template?.teamId);
      if (!template) return refused(reply, template === null ? notLead : gone, t);
      await reply.updateSource(textView(t('checkins.manage.unchanged', { name: literal(template.name) })));
    },
    'delete-yes': async ({ actor, value, reply }) => {
      const template = await templateForLead(deps, actor, value);
      const t = await leadT(deps, actor, template?.teamId);
      if (!template) return refused(reply, template === null ? notLead : gone, t);
      const now = deps.clock.now();
      const renamed = deletedName(template, now, translatorOf(channelLanguage(template.team.language)));
      await deps.prisma.$transaction(async (tx) => {
        const updated = await tx.checkinTemplate.update({
          where: { id: template.id },
          // The name is freed for a new check-in; rounds already run keep a name that says what happened.
          data: { active: false, deletedAt: now, name: renamed },
        });
        await syncSchedules(tx, template.team, updated, now);
      });
      await reply.updateSource(textView(t('checkins.manage.deleted', { name: literal(template.name) })));
    },
  });
}

export function checkinForms(deps: CheckinsDeps): FormHandler {
  return formsByName({
    answer: async ({ actor, context, values, reply }) => {
      const found: FollowUpResult = { redraw: [] };
      const recorded = await recordAnswer(deps, actor, context, values, followUps(deps, found));
      if (!recorded.ok)
        return refused(reply, recorded.reason, await translatorForActor(deps.prisma, actor, {}));
      const r = recorded.value;
      await redrawPosts(deps, found.redraw, 'replaced');
      const t = await translatorForActor(deps.prisma, actor, { teamId: r.round.teamId });
      if (r.mood === HARD_PLACE) {
        const [steps, lines] = await Promise.all([
          deps.planSteps.helpfulSteps(r.member.id),
          deps.crisisLines.forRegion(r.round.team.crisisRegion, r.round.team.workspaceId, t.language),
        ]);
        await reply.privately(hardPlaceView(steps, lines, t));
      }
      await reply.privately(thanksView(receipt(r, found, await minGroupOf(deps.prisma, r.round.teamId)), t));
    },
    setup: async ({ actor, context, values, reply }) => {
      const [mode, teamId, templateId] = (context ?? '').split(':');
      const team = teamId
        ? await deps.prisma.team.findUnique({ where: { id: teamId }, include: { workspace: true } })
        : null;
      const t = await leadT(deps, actor, team?.id);
      if (!team || (mode !== 'new' && mode !== 'edit')) return say(reply, t('checkins.manage.unknownTeam'));
      if (!(await mayManage(deps, actor, team.id))) return refused(reply, notLead, t);
      const parsed = parseSetup(values, team.timeZone);
      if (!parsed.ok) return say(reply, t('checkins.manage.notSaved', { reason: parsed.reason(t) }));
      const clash = await deps.prisma.checkinTemplate.findFirst({
        where: { teamId: team.id, name: parsed.value.name, id: { not: templateId ?? '' } },
      });
      if (clash) return say(reply, t('checkins.manage.nameTaken', { name: literal(parsed.value.name) }));
      await deps.prisma.$transaction((tx) =>
        saveDefinition(tx, team, parsed.value, deps.clock.now(), mode === 'edit' ? templateId : undefined),
      );
      await say(reply, t('checkins.manage.saved', { name: literal(parsed.value.name) }));
    },
  });
}
