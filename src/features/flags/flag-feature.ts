// `/peer flag` and `/peer flags`, the supervisor's buttons, and the escalation and retention
// jobs. Flags never reach a channel: every reply here is private, every message a DM.

import { type Access, createAccess } from '../../access/index.ts';
import {
  type Actor,
  actionsByName,
  defineCommand,
  type Form,
  formsByName,
  type Reply,
} from '../../chat/index.ts';
import { literal } from '../../chat/markup.ts';
import type { Config } from '../../config.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Clock, LogPort } from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import type { CrisisLinesPort, PlanStepsPort } from '../ports.ts';
import { ensureMember, translatorForActor, translatorForMember } from '../teams/index.ts';
import { escalationJob } from './escalation.ts';
import { acknowledge, closeFlag, flagForSupervisor, readNote } from './flag-answer.ts';
import { createFlag } from './flag-create.ts';
import { adminFigures, flagsView, ownFlags, supervisedFlags } from './flag-lists.ts';
import { parseFlagForm, parseFollowUp } from './flag-schemas.ts';
import { afterFlagView, flagForm, openFlagView, plainView } from './flag-views.ts';
import { showsCrisisLines } from './levels.ts';
import { teamOf } from './member-team.ts';
import { flagPersonalData, flagPrivacy } from './personal-data.ts';
import { retentionJob } from './retention.ts';
import { chainFor } from './routing.ts';

export interface FlagsDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly config: Pick<Config, 'flagRetentionDays'>;
  readonly logger: LogPort;
  readonly notifyOutbox: () => void;
  readonly ports: { readonly crisisLines: CrisisLinesPort; readonly planSteps: PlanStepsPort };
  /** The access policy (app.ts passes the app's; feature tests get the same policy bound here). */
  readonly access?: Access;
}

export function createFlagsFeature(deps: FlagsDeps): Feature {
  const { prisma, cipher, clock } = deps;
  const access = deps.access ?? createAccess({ prisma, clientFor: () => undefined });
  const wordsOf = (actor: Actor, where: { channelId?: string; teamId?: string } = {}): Promise<Translate> =>
    translatorForActor(prisma, actor, where);
  const stale = async (actor: Actor, reply: Reply) =>
    reply.privately(plainView((await wordsOf(actor))('flags.errors.staleButton')));

  async function openFlagForm(actor: Actor, channelId: string | undefined, reply: Reply): Promise<void> {
    const member = await ensureMember(prisma, actor);
    const team = await teamOf(prisma, actor, member.id, channelId ? { channelId } : {});
    if (!team) return reply.privately(plainView((await wordsOf(actor))('flags.errors.noTeam')));
    const t = translatorForMember(member, team, actor.locale);
    await reply.openForm(flagForm(await chainFor(prisma, team.id, member.id), team, t));
  }

  async function submitFlag(
    actor: Actor,
    teamId: string | undefined,
    values: Parameters<typeof parseFlagForm>[0],
    reply: Reply,
  ) {
    const asked = await wordsOf(actor, teamId ? { teamId } : {});
    const parsed = parseFlagForm(values, asked);
    if (!parsed.ok) return reply.privately(plainView(parsed.reason));
    const member = await ensureMember(prisma, actor);
    const team = await teamOf(prisma, actor, member.id, teamId ? { teamId } : {});
    if (!team) return reply.privately(plainView(asked('flags.errors.noTeam')));
    const created = await createFlag(deps, actor, member, team, parsed.value);
    deps.notifyOutbox();
    deps.logger.info(
      {
        // No severity and nothing about the member: this line shares the request id of the
        // event, and who flagged at what level is theirs and their supervisor's to know.
        event: 'flags.raised',
        flagId: created.flag.id,
        routed: created.kind,
      },
      'A private flag was raised',
    );
    const t = translatorForMember(member, team, actor.locale);
    const [steps, crisis] = await Promise.all([
      deps.ports.planSteps.helpfulSteps(member.id),
      showsCrisisLines(parsed.value.severity)
        ? deps.ports.crisisLines.forRegion(team.crisisRegion, team.workspaceId, t.language)
        : Promise.resolve([]),
    ]);
    const admins = created.kind === 'no-supervisor' ? created.admins : [];
    await reply.privately(
      afterFlagView(
        {
          ...(created.kind === 'sent' ? { sentTo: created.to.displayName } : {}),
          ...(steps ? { steps } : {}),
          crisis,
          ...(created.kind === 'no-supervisor'
            ? {
                noSupervisor:
                  admins.length > 0
                    ? t('flags.after.noSupervisorAdmins', { admins: literal(admins.join(', ')) })
                    : t('flags.after.noSupervisorNoAdmins'),
              }
            : {}),
        },
        t,
      ),
    );
  }

  const flag = defineCommand({
    name: 'flag',
    description: 'Tell your supervisor privately that a session weighed on you',
    help: 'Opens a private form: how strong it is, what would help, and an optional note. It goes only to your supervisor by direct message (the form says who), never to a channel.',
    who: 'everyone',
    verb: 'flag.raise',
    where: 'anywhere',
    handler: ({ actor, place, reply }) => openFlagForm(actor, place.channelId, reply),
  });

  const flags = defineCommand({
    name: 'flags',
    description: 'See open flags of the people you supervise, or your own',
    help: 'Supervisors see the open flags of their own supervisees (open one to read its note; the read is logged). Everyone sees their own flags and who has seen each. Admins see anonymous team figures only.',
    who: 'everyone',
    verb: 'flag.raise',
    where: 'anywhere',
    handler: async ({ actor, reply }) => {
      const member = await ensureMember(prisma, actor);
      const [supervised, own, figures] = await Promise.all([
        supervisedFlags(prisma, member),
        ownFlags(prisma, member),
        adminFigures(prisma, access, actor, member),
      ]);
      const t = await wordsOf(actor);
      await reply.privately(flagsView({ supervised, own, figures, now: clock.now(), t }));
    },
  });

  const ack =
    (kind: Db.FlagAckKind) =>
    async ({ actor, value, reply }: { actor: Actor; value?: string; reply: Reply }) => {
      if (!value) return stale(actor, reply);
      const viewer = await ensureMember(prisma, actor);
      const t = await wordsOf(actor);
      const answered = await acknowledge(deps, actor, viewer, value, kind, t);
      if (!answered.ok) return reply.privately(plainView(answered.reason));
      deps.notifyOutbox();
      const name = literal(answered.value.authorName);
      await reply.privately(
        plainView(
          kind === 'reach_out' ? t('flags.answer.reachOut', { name }) : t('flags.answer.noted', { name }),
        ),
      );
    };

  const closeForm = (flagId: string, t: Translate): Form => ({
    formId: 'flags:close',
    title: t('flags.close.title'),
    submitLabel: t('flags.close.submit'),
    context: flagId,
    intro: t('flags.close.intro'),
    inputs: [
      {
        id: 'followup',
        type: 'text',
        label: t('flags.close.label'),
        multiline: true,
        optional: true,
        maxLength: 2000,
      },
    ],
  });

  const actions = actionsByName({
    start: ({ actor, place, reply }) => openFlagForm(actor, place.channelId, reply),
    'reach-out': ack('reach_out'),
    noted: ack('noted'),
    open: async ({ actor, value, reply }) => {
      if (!value) return stale(actor, reply);
      const t = await wordsOf(actor);
      const read = await readNote(deps, await ensureMember(prisma, actor), value, t);
      if (!read.ok) return reply.privately(plainView(read.reason));
      const { flag, note, followUp } = read.value;
      await reply.privately(openFlagView(flag, note, followUp, t));
    },
    close: async ({ actor, value, reply }) => {
      if (!value) return stale(actor, reply);
      const t = await wordsOf(actor);
      const found = await flagForSupervisor(deps, await ensureMember(prisma, actor), value, t);
      if (!found.ok) return reply.privately(plainView(found.reason));
      await reply.openForm(closeForm(value, t));
    },
  });

  const forms = formsByName({
    submit: ({ actor, context, values, reply }) => submitFlag(actor, context, values, reply),
    close: async ({ actor, context, values, reply }) => {
      if (!context) return stale(actor, reply);
      const t = await wordsOf(actor);
      const parsed = parseFollowUp(values, t);
      if (!parsed.ok) return reply.privately(plainView(parsed.reason));
      const closed = await closeFlag(
        deps,
        actor,
        await ensureMember(prisma, actor),
        context,
        parsed.value,
        t,
      );
      if (!closed.ok) return reply.privately(plainView(closed.reason));
      deps.notifyOutbox();
      await reply.privately(
        plainView(t('flags.answer.closedReply', { name: literal(closed.value.authorName) })),
      );
    },
  });

  return {
    name: 'flags',
    commands: [flag, flags],
    actions: { flags: actions },
    forms: { flags: forms },
    verbs: {
      'flags:start': 'flag.raise',
      'flags:submit': 'flag.raise',
      'flags:open': 'flag.respond',
      'flags:noted': 'flag.respond',
      'flags:reach-out': 'flag.respond',
      'flags:close': 'flag.respond',
    },
    jobs: [
      escalationJob({ ...deps, crisisLines: deps.ports.crisisLines }),
      retentionJob({ prisma, retentionDays: deps.config.flagRetentionDays, logger: deps.logger }),
    ],
    async home(actor) {
      const t = await wordsOf(actor);
      return [
        { type: 'text', text: t('flags.home') },
        {
          type: 'actions',
          elements: [
            { type: 'button', actionId: 'flags:start', label: t('flags.form.title'), style: 'primary' },
          ],
        },
      ];
    },
    privacy: (memberId, t) => flagPrivacy(prisma, memberId, deps.config.flagRetentionDays, t),
    personalData: flagPersonalData(prisma, cipher),
  };
}
