// Keeping the store current: admins add, edit, retire and confirm entries; members suggest one
// and an admin approves or declines it (the suggester is told, through the outbox, in the same
// transaction as the decision). Every form is validated whole: nothing is half-written.
import { randomBytes } from 'node:crypto';
import type { Access } from '../../access/index.ts';
import type { ActionContext, FormContext, View } from '../../chat/index.ts';
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import { type Clock, enqueueOutboxMany } from '../../scheduling/index.ts';
import { formToInput, resourceForm } from './forms.ts';
import { adminsOf, askerOf, mayChange } from './people.ts';
import { idFromTitle, type ResourceRecord, ResourceRecordSchema, reasonsOf } from './record.ts';
import { rowToRecord, writeRecords } from './store.ts';
import { recordLine, text } from './views.ts';

export interface ManageDeps {
  readonly prisma: PrismaClient;
  readonly access: Access;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly defaultRegion: string;
  readonly notifyOutbox: () => void;
}

type Context = Pick<ActionContext, 'actor' | 'place' | 'reply'>;

export const notAdmin = text(
  'Only team admins can change the shared list. You can suggest an entry with `/peer resources suggest`, and an admin will look at it.',
);

function problemsView(problems: readonly string[]): View {
  return {
    text: 'The entry needs a small change',
    blocks: [
      { type: 'text', text: 'I could not save it yet; a few things need a small change:' },
      { type: 'text', text: problems.map((p) => `• ${p}`).join('\n') },
      { type: 'context', text: 'Nothing was saved. Try again whenever you are ready.' },
    ],
  };
}

const asker = (deps: ManageDeps, context: Context) =>
  askerOf(deps.prisma, deps.access, context.actor, context.place, deps.defaultRegion);

/** Parses a submitted form into a valid record, or the plain reasons it is not one. */
function recordFromForm(form: FormContext, id: string, base?: ResourceRecord) {
  const { input, problems, visibility } = formToInput(form.values, id, base);
  const parsed = ResourceRecordSchema.safeParse(input);
  if (!parsed.success) problems.push(...reasonsOf(parsed.error).split('; '));
  return problems.length > 0 || !parsed.success
    ? ({ ok: false, problems } as const)
    : ({ ok: true, record: parsed.data, visibility } as const);
}

export async function openAddForm(deps: ManageDeps, context: Context): Promise<void> {
  const who = await asker(deps, context);
  if (!who.isAdmin) return context.reply.privately(notAdmin);
  // In a team channel the policy allowed this as that team's admin (or a workspace admin).
  const teamChoice = who.team !== undefined;
  await context.reply.openForm(
    resourceForm('add', { teamChoice, ...(teamChoice && who.team ? { context: who.team.id } : {}) }),
  );
}

export async function submitAdd(deps: ManageDeps, form: FormContext): Promise<void> {
  const who = await asker(deps, form);
  // A modal's submission may carry no channel: the form names the team it was opened for.
  const forTeam = form.context
    ? (await deps.access.check(form.actor, 'resources.edit', { teamId: form.context })).ok
    : false;
  if (!who.isAdmin && !forTeam) return form.reply.privately(notAdmin);
  const id = idFromTitle(String(form.values.title ?? ''), randomBytes(3).toString('hex'));
  const parsed = recordFromForm(form, id);
  if (!parsed.ok) return form.reply.privately(problemsView(parsed.problems));
  const teamId = parsed.visibility === 'team' && form.context && forTeam ? form.context : null;
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
      },
    );
    await tx.auditLog.create({
      data: { actorMemberId: who.memberId, action: 'resource.added', subjectType: 'Resource', subjectId: id },
    });
  });
  await form.reply.privately(text(`Added **${parsed.record.title}**. It shows in \`/peer find\` now.`));
}

async function changeable(deps: ManageDeps, context: Context, id: string | undefined) {
  const who = await asker(deps, context);
  const row = id ? await deps.prisma.resource.findUnique({ where: { id } }) : null;
  if (!row)
    return {
      ok: false,
      view: text('I could not find that entry any more. It may have been removed.'),
    } as const;
  if (!(await mayChange(deps.access, context.actor, row))) return { ok: false, view: notAdmin } as const;
  return { ok: true, who, row } as const;
}

export async function openEditForm(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  await context.reply.openForm(
    resourceForm('edit', { initial: rowToRecord(found.row), context: found.row.id }),
  );
}

export async function submitEdit(deps: ManageDeps, form: FormContext): Promise<void> {
  const found = await changeable(deps, form, form.context);
  if (!found.ok) return form.reply.privately(found.view);
  const base = rowToRecord(found.row);
  const parsed = recordFromForm(form, found.row.id, base);
  if (!parsed.ok) return form.reply.privately(problemsView(parsed.problems));
  const now = deps.clock.now();
  await deps.prisma.$transaction(async (tx) => {
    await writeRecords(
      tx,
      [{ ...parsed.record, verifiedOn: now.toISOString().slice(0, 10), verifiedBy: found.who.displayName }],
      {
        scope: { workspaceId: found.row.workspaceId, teamId: found.row.teamId },
        origin: 'admin',
        keepEdited: false,
        editedAt: now,
      },
    );
    await tx.auditLog.create({
      data: {
        actorMemberId: found.who.memberId,
        action: 'resource.edited',
        subjectType: 'Resource',
        subjectId: found.row.id,
      },
    });
  });
  await form.reply.privately(text(`Saved **${parsed.record.title}**.`));
}

export async function retire(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  const now = deps.clock.now();
  await deps.prisma.$transaction([
    deps.prisma.resource.update({ where: { id: found.row.id }, data: { archivedAt: now, editedAt: now } }),
    deps.prisma.auditLog.create({
      data: {
        actorMemberId: found.who.memberId,
        action: 'resource.retired',
        subjectType: 'Resource',
        subjectId: found.row.id,
      },
    }),
  ]);
  await context.reply.privately(text(`Retired **${found.row.title}**. It no longer shows in searches.`));
}

export async function stillRight(deps: ManageDeps, context: ActionContext): Promise<void> {
  const found = await changeable(deps, context, context.value);
  if (!found.ok) return context.reply.privately(found.view);
  const now = deps.clock.now();
  await deps.prisma.resource.update({
    where: { id: found.row.id },
    data: {
      verifiedOn: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
      verifiedBy: found.who.displayName,
      editedAt: now,
    },
  });
  await context.reply.privately(text(`Thanks: **${found.row.title}** is marked as checked today.`));
}

export async function openSuggestForm(context: Context): Promise<void> {
  await context.reply.openForm(resourceForm('suggest'));
}

function suggestionView(title: string, line: string, suggestionId: string): View {
  return {
    text: `A new resource suggestion: ${title}`,
    blocks: [
      { type: 'header', text: 'A resource suggestion' },
      { type: 'text', text: line },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: 'resources:approve',
            label: 'Approve',
            value: suggestionId,
            style: 'primary',
          },
          { type: 'button', actionId: 'resources:decline', label: 'Decline', value: suggestionId },
        ],
      },
    ],
  };
}

export async function submitSuggestion(deps: ManageDeps, form: FormContext): Promise<void> {
  const who = await asker(deps, form);
  const parsed = recordFromForm(
    form,
    idFromTitle(String(form.values.title ?? ''), randomBytes(3).toString('hex')),
  );
  if (!parsed.ok) return form.reply.privately(problemsView(parsed.problems));
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
        view: suggestionView(parsed.record.title, recordLine(parsed.record), made.id),
        notBefore: deps.clock.now(),
      })),
    );
  });
  if (admins.length > 0) deps.notifyOutbox();
  await form.reply.privately(
    text(
      `Thank you. I passed **${parsed.record.title}** to the admins${admins.length === 0 ? ' (once a team has an admin, they will see it in `/peer resources review`)' : ''}, and I will tell you what they decide.`,
    ),
  );
}

export async function decide(deps: ManageDeps, context: ActionContext, approve: boolean): Promise<void> {
  const who = await asker(deps, context);
  if (!who.isAdmin) return context.reply.privately(notAdmin);
  const suggestion = context.value
    ? await deps.prisma.resourceSuggestion.findFirst({
        where: { id: context.value, workspaceId: who.workspaceId },
        include: { suggestedBy: { include: { workspace: true } } },
      })
    : null;
  if (!suggestion) return context.reply.privately(text('I could not find that suggestion any more.'));
  if (suggestion.status !== 'pending') {
    return context.reply.privately(text(`Another admin already ${suggestion.status} that suggestion.`));
  }
  const parsed = ResourceRecordSchema.safeParse(suggestion.proposal);
  if (!parsed.success)
    return context.reply.privately(text('That suggestion can no longer be read; please decline it.'));
  const record = parsed.data;
  const now = deps.clock.now();
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
          scope: { workspaceId: suggestion.workspaceId, teamId: null },
          origin: 'suggestion',
          keepEdited: false,
          editedAt: now,
        },
      );
    }
    const member = suggestion.suggestedBy;
    const told = approve
      ? `Your suggestion **${record.title}** was added to the shared resources. Thank you for helping everyone find it.`
      : `Thank you for suggesting **${record.title}**. The admins did not add it this time; you are welcome to ask them about it.`;
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
  if (!decided) return context.reply.privately(text('Another admin decided that suggestion a moment ago.'));
  deps.notifyOutbox();
  await context.reply.privately(
    text(
      approve
        ? `Approved: **${record.title}** is in the list now.`
        : `Declined **${record.title}**. I let them know, kindly.`,
    ),
  );
}
