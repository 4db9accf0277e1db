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
  markup,
  type Reply,
} from '../../chat/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { enqueueOutbox } from '../../scheduling/index.ts';
import { translatorForActor } from '../teams/index.ts';
import { decryptItems, type Recorded, recordAnswer, recordSkip, roundToAnswer, snooze } from './answers.ts';
import { type CheckinsDeps, ensureMember, mayManage, notLead } from './context.ts';
import { questionsOf, saveDefinition, syncSchedules } from './definitions.ts';
import { minGroupOf } from './digest.ts';
import { postNamedAnswer } from './named-posts.ts';
import { answerForm, HARD_PLACE, scaleLabel } from './questions.ts';
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

const say = (reply: Reply, text: string) => reply.privately(textView(text));

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
          view: supervisorNoticeView(r.answer.id, r.member.displayName, r.round.template.name),
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
  if (!answer) return say(reply, 'I could not find that answer any more.');
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
    return say(reply, 'Only their supervisor can read an answer shared with the supervisor only.');
  const items = decryptItems(deps.cipher, answer)
    .filter((i) => i.audience === 'supervisor')
    .map((i) => ({ question: i.question, value: i.kind === 'scale' ? scaleLabel(i.value) : i.value }));
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
  await reply.privately(privateAnswerView(answer.member.displayName, items));
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

const deletedName = (t: { name: string; id: string }, now: Date) =>
  `${t.name} (deleted ${now.toISOString().slice(0, 10)}, #${t.id.slice(-6)})`;

export function checkinActions(deps: CheckinsDeps): ActionHandler {
  return actionsByName({
    answer: async ({ actor, value, reply }) => {
      const round = await roundToAnswer(deps, actor, value);
      if (!round.ok) return say(reply, round.reason);
      const { id, template, teamId } = round.value.round;
      const supervisor = await primaryOf(deps.prisma, teamId, round.value.member.id);
      const t = await translatorForActor(deps.prisma, actor, { teamId });
      await reply.openForm(answerForm(id, template.name, questionsOf(template), supervisor !== undefined, t));
    },
    skip: async ({ actor, place, value, reply }) => {
      const done = await recordSkip(deps, actor, value);
      const t = await translatorForActor(deps.prisma, actor, { channelId: place.channelId });
      await (done.ok ? reply.privately(skippedView(t)) : say(reply, done.reason));
    },
    snooze: async ({ actor, place, value, reply }) => {
      const done = await snooze(deps, actor, value);
      const t = await translatorForActor(deps.prisma, actor, { channelId: place.channelId });
      await (done.ok ? reply.privately(snoozedView(t)) : say(reply, done.reason));
    },
    read: ({ actor, value, reply }) => readPrivateAnswer(deps, actor, value, reply),
    edit: async ({ actor, value, reply }) => {
      const t = await templateForLead(deps, actor, value);
      if (!t) return say(reply, t === null ? notLead : 'That check-in is gone.');
      await reply.openForm({
        ...setupForm(t.team.timeZone, { ...t, questions: questionsOf(t) }),
        context: `edit:${t.teamId}:${t.id}`,
      });
    },
    toggle: async ({ actor, value, reply }) => {
      const t = await templateForLead(deps, actor, value);
      if (!t) return say(reply, t === null ? notLead : 'That check-in is gone.');
      await deps.prisma.$transaction(async (tx) => {
        const updated = await tx.checkinTemplate.update({ where: { id: t.id }, data: { active: !t.active } });
        await syncSchedules(tx, t.team, updated, deps.clock.now());
      });
      await say(
        reply,
        t.active
          ? `${t.name} is paused. Resume it from \`/peer checkin list\`.`
          : `${t.name} is running again.`,
      );
    },
    // Delete asks first (one press on a list must not end a team's check-in); nothing changes
    // until "Delete", and that press checks the lead again.
    delete: async ({ actor, value, reply }) => {
      const t = await templateForLead(deps, actor, value);
      if (!t) return say(reply, t === null ? notLead : 'That check-in is gone.');
      await reply.privately(
        confirmView({
          question: markup`Delete **${literal(t.name)}**?`,
          detail: markup`No more rounds will open. Answers already given stay with the people who gave them.`,
          confirm: { actionId: 'checkins:delete-yes', label: 'Delete', value: t.id },
          keep: { actionId: 'checkins:delete-no', label: 'Keep it', value: t.id },
        }),
      );
    },
    'delete-no': async ({ actor, value, reply }) => {
      const t = await templateForLead(deps, actor, value);
      if (!t) return say(reply, t === null ? notLead : 'That check-in is gone.');
      await reply.updateSource(textView(`Nothing changed: ${t.name} stays as it was.`));
    },
    'delete-yes': async ({ actor, value, reply }) => {
      const t = await templateForLead(deps, actor, value);
      if (!t) return say(reply, t === null ? notLead : 'That check-in is gone.');
      await deps.prisma.$transaction(async (tx) => {
        const updated = await tx.checkinTemplate.update({
          where: { id: t.id },
          // The name is freed for a new check-in; rounds already run keep a name that says what happened.
          data: { active: false, deletedAt: deps.clock.now(), name: deletedName(t, deps.clock.now()) },
        });
        await syncSchedules(tx, t.team, updated, deps.clock.now());
      });
      await reply.updateSource(
        textView(`${t.name} is deleted. Answers already given stay with the people who gave them.`),
      );
    },
  });
}

export function checkinForms(deps: CheckinsDeps): FormHandler {
  return formsByName({
    answer: async ({ actor, context, values, reply }) => {
      const found: FollowUpResult = { redraw: [] };
      const recorded = await recordAnswer(deps, actor, context, values, followUps(deps, found));
      if (!recorded.ok) return say(reply, recorded.reason);
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
      if (!team || (mode !== 'new' && mode !== 'edit'))
        return say(reply, 'I could not tell which team this form was for. Nothing was saved.');
      if (!(await mayManage(deps, actor, team.id))) return say(reply, notLead);
      const parsed = parseSetup(values, team.timeZone);
      if (!parsed.ok) return say(reply, `${parsed.reason} Nothing was saved.`);
      const clash = await deps.prisma.checkinTemplate.findFirst({
        where: { teamId: team.id, name: parsed.value.name, id: { not: templateId ?? '' } },
      });
      if (clash)
        return say(
          reply,
          `This team already has a check-in called "${parsed.value.name}". Pick another name; nothing was saved.`,
        );
      await deps.prisma.$transaction((tx) =>
        saveDefinition(tx, team, parsed.value, deps.clock.now(), mode === 'edit' ? templateId : undefined),
      );
      await say(
        reply,
        `Saved **${parsed.value.name}**. \`/peer checkin list\` shows it; \`/peer checkin now\` runs a round at once.`,
      );
    },
  });
}
