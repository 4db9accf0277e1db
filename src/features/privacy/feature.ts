// `/peer privacy` for everyone: see what PeerBridge keeps (every feature's lines), export it
// as a JSON file by DM, or erase it after a confirmation. An export goes only to its subject;
// a workspace admin may see the counts of, or erase, a person the platform says has left
// (subject.ts, on the access policy's verbs); each act is audited. Also the audit log's
// retention job.
//
// Discord cannot hold a subcommand group named like a subcommand, so `export` and `erase` are
// not subcommands: `privacy` takes an optional first word (`show`, `export`, `erase`), which
// typed text fills positionally (`/peer privacy export`) and Discord offers as a choice.
import type { Access } from '../../access/index.ts';
import type { OptionCheck } from '../../chat/command-options.ts';
import type { Actor, ChatClient, FileUpload, Platform, UserRef } from '../../chat/index.ts';
import { actionsByName, defineCommand, literal, refusalView } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { wording } from '../../i18n/translate.ts';
import type { Clock, LogPort } from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import { translatorForActor } from '../teams/index.ts';
import { auditRetentionJob } from './audit-retention.ts';
import { aboutMember, eraseData, exportData, type FeatureSource } from './personal-data.ts';
import { resolveSubject, resolveSubjectById, type Subject } from './subject.ts';
import { confirmEraseView, erasedView, exportSentView, keptView, summaryView, textView } from './views.ts';

export interface PrivacyDeps {
  readonly prisma: PrismaClient;
  readonly access: Access;
  /** The platform is asked whether a person has left before anyone else erases their data. */
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
  readonly clock: Clock;
  /** Every feature in the app (this one included), bound by app.ts after composition. */
  readonly features: FeatureSource;
  /** Sends a file to a person's direct messages; false when their platform is not connected here. */
  readonly sendFile: (to: UserRef, file: FileUpload) => Promise<boolean>;
  readonly auditRetentionDays: number;
  readonly logger?: LogPort;
}

const mentionPattern = /^<@!?([A-Za-z0-9]+)(\|[^>]*)?>$|^@?([A-Za-z0-9._-]{1,64})$/;
const mentioned = (text: string): string | undefined => {
  const match = mentionPattern.exec(text.trim());
  return match ? (match[1] ?? match[3]) : undefined;
};

const checkMember: OptionCheck = (value) =>
  mentioned(value) ? undefined : wording('privacy.notAMention', { value: literal(value) });

/**
 * Every time someone else read, received or exported the member's private text: the audited
 * reads (`read.*`: a flag's note, a shared plan section, a supervisor-only answer, each opened
 * from a notice; notices themselves carry no private text) and exports made by an admin.
 */
async function readsByOthers(prisma: PrismaClient, memberId: string): Promise<number> {
  return prisma.auditLog.count({
    where: {
      AND: [
        { OR: [{ action: { startsWith: 'read.' } }, { action: 'privacy.exported' }] },
        { OR: await aboutMember(prisma, memberId) },
      ],
      actorMemberId: { not: memberId },
    },
  });
}

export function createPrivacyFeature(deps: PrivacyDeps): Feature {
  const { prisma } = deps;
  const subjects = { prisma, access: deps.access, clientFor: deps.clientFor };
  const forOther = (subject: Subject) => (subject.byAdmin ? subject.displayName : undefined);

  async function show(subject: Subject | undefined, t: Translate) {
    if (!subject) return summaryView([], 0, t);
    const lines = [];
    for (const feature of deps.features())
      if (feature.privacy) lines.push(...(await feature.privacy(subject.memberId, t)));
    return summaryView(lines, await readsByOthers(prisma, subject.memberId), t);
  }

  async function sendExport(actor: Actor, subject: Subject, t: Translate) {
    const document = await exportData(prisma, deps.features, subject, deps.clock.now());
    const day = deps.clock.now().toISOString().slice(0, 10);
    const sent = await deps.sendFile(
      { platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId },
      {
        filename: `peerbridge-export-${day}.json`,
        title: t('privacy.export.fileTitle'),
        mimeType: 'application/json',
        content: `${JSON.stringify(document, null, 2)}\n`,
      },
    );
    return sent ? exportSentView(forOther(subject), t) : textView(t('privacy.export.unreachable'));
  }

  const privacy = defineCommand({
    name: 'privacy',
    description: 'See what I store about you; export it or erase it',
    help: 'A plain summary of what PeerBridge keeps about you and who can read it. `export` sends it all to you as a file; `erase` deletes it (you confirm first). A workspace admin can erase the data of someone who has left; nobody can export someone else’s.',
    who: 'everyone',
    verb: 'privacy.own',
    where: 'anywhere',
    options: {
      action: {
        type: 'choice',
        description: 'show (the default), export or erase',
        choices: ['show', 'export', 'erase'],
      },
      member: {
        type: 'string',
        description: 'Workspace admins only: someone who has left, to erase their data',
        maxLength: 100,
        check: checkMember,
      },
    },
    handler: async ({ actor, reply, options }) => {
      const target = options.member === undefined ? undefined : mentioned(options.member);
      const action = options.action ?? 'show';
      const t = await translatorForActor(prisma, actor);
      const outcome = await resolveSubject(subjects, actor, target, action, t);
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason));
      const subject = outcome.subject;
      if (action === 'show') return reply.privately(await show(subject, t));
      if (!subject) return reply.privately(textView(t('privacy.export.nothing')));
      if (action === 'export') return reply.privately(await sendExport(actor, subject, t));
      await reply.privately(confirmEraseView(subject.memberId, forOther(subject), t));
    },
  });

  const actions = actionsByName({
    erase: async ({ actor, value, reply }) => {
      // The asker's words, read before an erase of their own data takes their language with it.
      const t = await translatorForActor(prisma, actor);
      if (!value) return reply.privately(refusalView(t('privacy.erase.stale')));
      // Asked again at the press: roles and whether the person has left may have changed.
      const outcome = await resolveSubjectById(subjects, actor, value, 'erase', t);
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason));
      if (!outcome.subject) return reply.privately(textView(t('privacy.erase.nothingLeft')));
      const result = await eraseData(prisma, deps.features, outcome.subject);
      deps.logger?.info({ event: 'privacy.erased', byAdmin: outcome.subject.byAdmin, rows: result.rows });
      await reply.updateSource(erasedView(forOther(outcome.subject), t));
    },
    keep: async ({ actor, reply }) => reply.updateSource(keptView(await translatorForActor(prisma, actor))),
  });

  return {
    name: 'privacy',
    commands: [privacy],
    actions: { privacy: actions },
    // Whose data an erase is about is decided in the handler, on the member row.
    verbs: { 'privacy:*': 'privacy.own' },
    jobs: [auditRetentionJob(prisma, deps.auditRetentionDays, deps.logger)],
  };
}
