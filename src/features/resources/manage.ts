// Keeping the store current: admins add, edit, retire and confirm entries; members suggest one
// and an admin approves or declines it (the suggester is told, through the outbox, in the same
// transaction as the decision). Every form is validated whole: nothing is half-written.
import { randomBytes } from 'node:crypto';
import type { Access, AccessTarget } from '../../access/index.ts';
import {
  type ActionContext,
  confirmView,
  type FormContext,
  literal,
  type MarkupText,
  markup,
  refusalView,
  type View,
} from '../../chat/index.ts';
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { type Clock, type DbClient, enqueueOutboxMany } from '../../scheduling/index.ts';
import { translatorForActor, translatorForMember } from '../teams/index.ts';
import { formToInput, resourceForm } from './forms.ts';
import { type Asker, adminsOf, askerOf, changeTarget, placeTarget } from './people.ts';
import { idFromTitle, type ResourceRecord, ResourceRecordSchema, reasonsOf } from './record.ts';
import {
  copyIdFor,
  isShared,
  type ResourceRow,
  recordData,
  rowToRecord,
  type Scope,
  writeRecords,
} from './store.ts';
import { recordLine, text } from './views.ts';

export interface ManageDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly defaultRegion: string;
  readonly notifyOutbox: () => void;
  /** The access policy: who may change which entry. */
  readonly access: Access;
}

type Context = Pick<ActionContext, 'actor' | 'place' | 'reply'>;

/**
 * Asks the access policy (src/access) about a change: a crisis line (as the entry is, or as the
 * form would make it) is `resources.edit-crisis-line`, for workspace admins only; anything else
 * is `resources.edit` on the team or workspace the change lands in. One place, so add, edit,
 * retire, "still right" and approving a suggestion cannot disagree. Undefined when allowed.
 */
async function mayWrite(
  deps: ManageDeps,
  context: Context,
  crisis: boolean,
  target: AccessTarget,
): Promise<View | undefined> {
  const verb = crisis ? 'resources.edit-crisis-line' : 'resources.edit';
  const decision = await deps.access.check(context.actor, verb, target);
  return decision.ok ? undefined : refusalView((await translatorOf(deps, context))(decision.refusal));
}

function problemsView(problems: readonly MarkupText[], t: Translate): View {
  return {
    text: t('resources.manage.problemsSummary'),
    blocks: [
      { type: 'text', text: t('resources.manage.problemsIntro') },
      {
        type: 'text',
        text: problems.map((p) => markup`• ${p}`).reduce((all, p) => markup`${all}\n${p}`, markup``),
      },
      { type: 'context', text: t('resources.manage.nothingSaved') },
    ],
  };
}

const asker = (deps: ManageDeps, context: Context) =>
  askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);

/** The person's own language, for a reply to them. */
const translatorOf = (deps: ManageDeps, context: Context) =>
  translatorForActor(deps.prisma, context.actor, { channelId: context.place.channelId });

/**
 * Parses a submitted form into a valid record, or the plain reasons it is not one. The schema's
 * reasons quote what was typed, so they are shown literally (and are still English).
 */
function recordFromForm(form: FormContext, id: string, t: Translate, base?: ResourceRecord) {
  const { input, problems, visibility } = formToInput(form.values, id, base, t);
  const parsed = ResourceRecordSchema.safeParse(input);
  if (!parsed.success)
    problems.push(
      ...reasonsOf(parsed.error)
        .split('; ')
        .map((r) => markup`${literal(r)}`),
    );
  return problems.length > 0 || !parsed.success
    ? ({ ok: false, problems } as const)
    : ({ ok: true, record: parsed.data, visibility } as const);
}

/** Whether this person may add entries to the team of this channel (the form then offers it). */
async function mayAddToTeam(deps: ManageDeps, context: Context, teamId: string | undefined) {
  return teamId !== undefined && (await deps.access.check(context.actor, 'resources.edit', { teamId })).ok;
}

export async function openAddForm(deps: ManageDeps, context: Context): Promise<void> {
  const who = await asker(deps, context);
  const teamChoice = await mayAddToTeam(deps, context, who.team?.id);
  const refused = teamChoice
    ? undefined
    : await mayWrite(deps, context, false, placeTarget(who, context.place));
  if (refused) return context.reply.privately(refused);
  await context.reply.openForm(
    resourceForm(
      'add',
      { teamChoice, ...(teamChoice && who.team ? { context: who.team.id } : {}) },
      await translatorOf(deps, context),
    ),
  );
}

export async function submitAdd(deps: ManageDeps, form: FormContext): Promise<void> {
  const who = await asker(deps, form);
  const t = await translatorOf(deps, form);
  const id = idFromTitle(String(form.values.title ?? ''), randomBytes(3).toString('hex'));
  const parsed = recordFromForm(form, id, t);
  const crisis = parsed.ok && parsed.record.category === 'crisis-line';
  // The team the form was opened for, when this person may add to it; a team admin who may not
  // add for the whole workspace adds for their team.
  const formTeam = form.context ?? who.team?.id;
  const team = formTeam && (await mayAddToTeam(deps, form, formTeam)) ? formTeam : null;
  const forWorkspace = parsed.ok && parsed.visibility !== 'team';
  let teamId = forWorkspace ? null : team;
  let refused = await mayWrite(deps, form, crisis, teamId ? { teamId } : { workspaceId: who.workspaceId });
  if (refused && forWorkspace && team && !crisis) {
    teamId = team;
    refused = undefined;
  }
  if (refused) return form.reply.privately(refused);
  if (!parsed.ok) return form.reply.privately(problemsView(parsed.problems, t));
  const now = deps.clock.now();
  await deps.prisma.$transaction(async (tx) => {
    await writeRecords(
      tx,
      [{ ...parsed.record, verifiedOn: now.toISOString().slice(0, 10), verifiedBy: who.displayName }],
      {
        scope: { workspaceId: who.workspaceId, teamId },
        origin: 'admin',
        keepEdited: false,
        editedAt: now,
        editedBy: who.displayName,
      },
    );
    await tx.auditLog.create({
      data: { actorMemberId: who.memberId, action: 'resource.added', subjectType: 'Resource', subjectId: id },
    });
  });
  await form.reply.privately(text(t('resources.manage.added', { title: literal(parsed.record.title) })));
}

interface Changeable {
  readonly who: Asker;
  /** What the person changes: their workspace's or team's own row, or a shared row (then a copy is made). */
  readonly row: ResourceRow;
}

/**
 * The entry a button or form names, as this workspace sees it: a shared entry this workspace
 * already copied is changed through its copy. Refused unless the person may change it.
 */
async function changeable(deps: ManageDeps, context: Context, id: string | undefined, becomesCrisis = false) {
  const who = await asker(deps, context);
  const named = id ? await deps.prisma.resource.findUnique({ where: { id } }) : null;
  if (!named) {
    const t = await translatorOf(deps, context);
    return { ok: false, view: text(t('resources.manage.notFound')) } as const;
  }
  const copy = isShared(named)
    ? await deps.prisma.resource.findFirst({ where: { workspaceId: who.workspaceId, replacesId: named.id } })
    : null;
  const row = copy ?? named;
  const crisis = becomesCrisis || row.category === 'crisis-line' || named.category === 'crisis-line';
  const refused = await mayWrite(deps, context, crisis, changeTarget(who, row));
  if (refused) return { ok: false, view: refused } as const;
  return { ok: true, who, row } satisfies Changeable & { ok: true };
}

/** Whether a change applies to this workspace's copy (said so: other workspaces keep the shared entry). */
const forThisWorkspace = (row: ResourceRow) => isShared(row) || row.replacesId !== null;

/**
 * Applies `data` (a retirement, a check) to the entry: to the row itself when it is this
 * workspace's or team's own, else to this workspace's copy of the shared entry, made from it now.
 * Returns the id of the row changed.
 */
async function changeRow(
  tx: DbClient,
  target: Changeable,
  data: { readonly archivedAt?: Date; readonly verifiedOn?: Date; readonly verifiedBy?: string },
  now: Date,
): Promise<string> {
  const stamp = { ...data, editedAt: now, editedBy: target.who.displayName };
  if (!isShared(target.row)) {
    await tx.resource.update({ where: { id: target.row.id }, data: stamp });
    return target.row.id;
  }
  const id = copyIdFor(target.row.id, target.who.workspaceId);
  await tx.resource.upsert({
    where: { id },
    update: stamp,
    create: {
      id,
      ...recordData(rowToRecord(target.row)),
      ...stamp,
      workspaceId: target.who.workspaceId,
      teamId: null,
      origin: 'admin',
      replacesId: target.row.id,
    },
  });
  return id;
}

export async function openEditForm(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  await context.reply.openForm(
    resourceForm(
      'edit',
      { initial: rowToRecord(found.row), context: found.row.id },
      await translatorOf(deps, context),
    ),
  );
}

export async function submitEdit(deps: ManageDeps, form: FormContext): Promise<void> {
  const named = form.context ? await deps.prisma.resource.findUnique({ where: { id: form.context } }) : null;
  const base = named ? rowToRecord(named) : undefined;
  const t = await translatorOf(deps, form);
  const parsed = named ? recordFromForm(form, named.id, t, base) : undefined;
  const found = await changeable(
    deps,
    form,
    form.context,
    parsed?.ok === true && parsed.record.category === 'crisis-line',
  );
  if (!found.ok) return form.reply.privately(found.view);
  if (!parsed?.ok) return form.reply.privately(problemsView(parsed?.problems ?? [], t));
  const { who, row } = found;
  const now = deps.clock.now();
  // A shared entry is written as this workspace's copy (writeRecords aims it there).
  const record = { ...parsed.record, id: row.replacesId ?? row.id };
  await deps.prisma.$transaction(async (tx) => {
    await writeRecords(
      tx,
      [{ ...record, verifiedOn: now.toISOString().slice(0, 10), verifiedBy: who.displayName }],
      {
        scope: isShared(row) ? { workspaceId: who.workspaceId, teamId: null } : row,
        origin: 'admin',
        keepEdited: false,
        editedAt: now,
        editedBy: who.displayName,
        copySharedFor: who.workspaceId,
      },
    );
    await tx.auditLog.create({
      data: {
        actorMemberId: who.memberId,
        action: 'resource.edited',
        subjectType: 'Resource',
        subjectId: isShared(row) ? copyIdFor(row.id, who.workspaceId) : row.id,
      },
    });
  });
  const title = literal(parsed.record.title);
  await form.reply.privately(
    text(
      forThisWorkspace(row)
        ? t('resources.manage.savedWorkspace', { title })
        : t('resources.manage.saved', { title }),
    ),
  );
}

/**
 * Retire asks first: one press on a long list must not take a crisis line out of every
 * search. Nothing changes until "Retire"; that press runs `retire`, which checks access again.
 */
export async function askRetire(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  const t = await translatorOf(deps, context);
  await context.reply.privately(
    confirmView({
      question: t('resources.manage.retireQuestion', { title: literal(found.row.title) }),
      detail: forThisWorkspace(found.row)
        ? t('resources.manage.retireDetailWorkspace')
        : t('resources.manage.retireDetail'),
      confirm: { actionId: 'resources:retire-yes', label: t('resources.manage.retire'), value: found.row.id },
      keep: { actionId: 'resources:retire-no', label: t('resources.manage.keep'), value: found.row.id },
    }),
  );
}

export async function keepEntry(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  const t = await translatorOf(deps, context);
  await context.reply.updateSource(text(t('resources.manage.kept', { title: literal(found.row.title) })));
}

export async function retire(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  const now = deps.clock.now();
  await deps.prisma.$transaction(async (tx) => {
    const id = await changeRow(tx, found, { archivedAt: now }, now);
    await tx.auditLog.create({
      data: {
        actorMemberId: found.who.memberId,
        action: 'resource.retired',
        subjectType: 'Resource',
        subjectId: id,
      },
    });
  });
  const t = await translatorOf(deps, context);
  const title = literal(found.row.title);
  await context.reply.updateSource(
    text(
      forThisWorkspace(found.row)
        ? t('resources.manage.retiredWorkspace', { title })
        : t('resources.manage.retired', { title }),
    ),
  );
}

export async function stillRight(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  const now = deps.clock.now();
  await deps.prisma.$transaction(async (tx) => {
    const id = await changeRow(
      tx,
      found,
      {
        verifiedOn: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
        verifiedBy: found.who.displayName,
      },
      now,
    );
    await tx.auditLog.create({
      data: {
        actorMemberId: found.who.memberId,
        action: 'resource.verified',
        subjectType: 'Resource',
        subjectId: id,
      },
    });
  });
  const t = await translatorOf(deps, context);
  const title = literal(found.row.title);
  await context.reply.privately(
    text(
      forThisWorkspace(found.row)
        ? t('resources.manage.checkedWorkspace', { title })
        : t('resources.manage.checked', { title }),
    ),
  );
}

export async function openSuggestForm(deps: ManageDeps, context: Context): Promise<void> {
  await context.reply.openForm(resourceForm('suggest', {}, await translatorOf(deps, context)));
}

/** To one admin, in their language. */
function suggestionView(record: ResourceRecord, suggestionId: string, t: Translate): View {
  return {
    text: t('resources.manage.suggestionSummary', { title: literal(record.title) }),
    blocks: [
      { type: 'header', text: t('resources.manage.suggestionHeader') },
      { type: 'text', text: recordLine(record, t) },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: 'resources:approve',
            label: t('resources.manage.approve'),
            value: suggestionId,
            style: 'primary',
          },
          {
            type: 'button',
            actionId: 'resources:decline',
            label: t('resources.manage.decline'),
            value: suggestionId,
          },
        ],
      },
    ],
  };
}

export async function submitSuggestion(deps: ManageDeps, form: FormContext): Promise<void> {
  const who = await asker(deps, form);
  const t = await translatorOf(deps, form);
  const parsed = recordFromForm(
    form,
    idFromTitle(String(form.values.title ?? ''), randomBytes(3).toString('hex')),
    t,
  );
  if (!parsed.ok) return form.reply.privately(problemsView(parsed.problems, t));
  const admins = await adminsOf(deps.prisma, who.workspaceId);
  await deps.prisma.$transaction(async (tx) => {
    const made = await tx.resourceSuggestion.create({
      data: {
        workspaceId: who.workspaceId,
        teamId: who.team?.id ?? null,
        suggestedById: who.memberId,
        proposal: { ...parsed.record, extras: {} },
      },
    });
    await enqueueOutboxMany(
      tx,
      deps.cipher,
      admins.map((admin) => ({
        idempotencyKey: `resources-suggestion:${made.id}:${admin.id}`,
        platform: admin.workspace.platform,
        workspaceExternalId: admin.workspace.externalId,
        target: { kind: 'dm' as const, userId: admin.platformUserId },
        recipientMemberId: admin.id,
        view: suggestionView(parsed.record, made.id, translatorForMember(admin, null)),
        notBefore: deps.clock.now(),
      })),
    );
  });
  if (admins.length > 0) deps.notifyOutbox();
  const title = literal(parsed.record.title);
  await form.reply.privately(
    text(
      admins.length === 0
        ? t('resources.manage.suggestedNoAdmin', { title })
        : t('resources.manage.suggested', { title }),
    ),
  );
}

export async function decide(deps: ManageDeps, context: ActionContext, approve: boolean): Promise<void> {
  const who = await asker(deps, context);
  const t = await translatorOf(deps, context);
  const suggestion = context.value
    ? await deps.prisma.resourceSuggestion.findFirst({
        where: { id: context.value, workspaceId: who.workspaceId },
        include: { suggestedBy: { include: { workspace: true } } },
      })
    : null;
  if (!suggestion) {
    // Someone who may not review is told so, not that the suggestion is gone.
    const here = await deps.access.check(context.actor, 'resources.review', placeTarget(who, context.place));
    return context.reply.privately(
      here.ok ? text(t('resources.manage.suggestionGone')) : refusalView(t(here.refusal)),
    );
  }
  if (suggestion.status !== 'pending') {
    return context.reply.privately(
      text(
        suggestion.status === 'approved'
          ? t('resources.manage.alreadyApproved')
          : t('resources.manage.alreadyDeclined'),
      ),
    );
  }
  const parsed = ResourceRecordSchema.safeParse(suggestion.proposal);
  if (!parsed.success) return context.reply.privately(text(t('resources.manage.unreadable')));
  const record = parsed.data;
  // Approving adds the entry to the workspace: that is a change like any other.
  const decision = await deps.access.check(context.actor, 'resources.review', {
    workspaceId: suggestion.workspaceId,
    ...(suggestion.teamId ? { teamId: suggestion.teamId } : {}),
  });
  if (!decision.ok) return context.reply.privately(refusalView(t(decision.refusal)));
  // A workspace admin adds it for the workspace; a team admin for the team it was suggested in.
  let scope: Scope = { workspaceId: suggestion.workspaceId, teamId: null };
  if (approve) {
    const crisis = record.category === 'crisis-line';
    const refused = await mayWrite(deps, context, crisis, { workspaceId: suggestion.workspaceId });
    if (refused) {
      const teamId = suggestion.teamId ?? undefined;
      if (crisis || !(await mayAddToTeam(deps, context, teamId))) return context.reply.privately(refused);
      scope = { workspaceId: suggestion.workspaceId, teamId: teamId ?? null };
    }
  }
  const now = deps.clock.now();
  // The suggester is told in their own language (their choice, then the team they suggested in).
  const suggestedIn = suggestion.teamId
    ? await deps.prisma.team.findUnique({ where: { id: suggestion.teamId } })
    : null;
  const theirs = translatorForMember(suggestion.suggestedBy, suggestedIn);
  const decided = await deps.prisma.$transaction(async (tx) => {
    // Compare-and-set: two admins pressing at once decide it once.
    const claimed = await tx.resourceSuggestion.updateMany({
      where: { id: suggestion.id, status: 'pending' },
      data: {
        status: approve ? 'approved' : 'declined',
        decidedById: who.memberId,
        decidedAt: now,
        ...(approve ? { resourceId: record.id } : {}),
      },
    });
    if (claimed.count === 0) return false;
    if (approve) {
      await writeRecords(
        tx,
        [{ ...record, verifiedOn: now.toISOString().slice(0, 10), verifiedBy: who.displayName }],
        {
          scope,
          origin: 'suggestion',
          keepEdited: false,
          editedAt: now,
          editedBy: who.displayName,
        },
      );
    }
    const member = suggestion.suggestedBy;
    const title = literal(record.title);
    const told = approve
      ? theirs('resources.manage.toldApproved', { title })
      : theirs('resources.manage.toldDeclined', { title });
    await enqueueOutboxMany(tx, deps.cipher, [
      {
        idempotencyKey: `resources-decision:${suggestion.id}`,
        platform: member.workspace.platform,
        workspaceExternalId: member.workspace.externalId,
        target: { kind: 'dm', userId: member.platformUserId },
        recipientMemberId: member.id,
        view: text(told),
        notBefore: now,
      },
    ]);
    return true;
  });
  if (!decided) return context.reply.privately(text(t('resources.manage.decidedMoment')));
  deps.notifyOutbox();
  const title = literal(record.title);
  await context.reply.privately(
    text(approve ? t('resources.manage.approved', { title }) : t('resources.manage.declined', { title })),
  );
}
