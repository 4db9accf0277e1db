// Import and export from chat, for admins. `/peer resources import` says how: send the file in a
// direct message to the bot (HSDS JSON, a zipped HSDS CSV data package, or the simple CSV). The
// upload is checked exactly as the CLI checks a file: every row validated, nothing written when
// any row is bad, a report naming each bad row; the report then offers "Import the N good rows"
// (or the words "good rows only" with the upload do that at once). `/peer resources export`
// sends the store as a file to the admin's direct messages.
import { randomBytes } from 'node:crypto';
import type { Access } from '../../access/index.ts';
import {
  type ActionContext,
  type Actor,
  type Attachment,
  type DirectMessageContext,
  type FileUpload,
  literal,
  type MarkupText,
  markup,
  type Place,
  type Reply,
  refusalView,
  type UserRef,
  type View,
} from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { Clock, LogPort } from '../../scheduling/index.ts';
import { translatorForActor } from '../teams/index.ts';
import { type ExportFormat, exportContent, workspaceRecords } from './formats/export.ts';
import { bytesSource, formatOfName, type ImportReport, importSource } from './formats/import.ts';
import { chatImportLimits, ImportLimitError, megabytes } from './formats/limits.ts';
import { askerOf } from './people.ts';
import type { Scope } from './store.ts';
import { text } from './views.ts';

export const exportFormats = ['hsds-json', 'hsds-csv', 'simple-csv'] as const;
// 10 MB is a directory of thousands of entries. The bot runs with a 256 MB old-space heap
// (package.json `start`): what a file unpacks to, its files and its rows are capped too
// (formats/limits.ts), and one upload is read at a time, so memory stays bounded whatever is
// sent. Bigger files go through `npm run resources -- import`, which runs in its own process.
export const MAX_UPLOAD_BYTES = chatImportLimits.uploadBytes;
/** How long the file behind an "Import the N good rows" button is kept (in this process). */
const PENDING_MS = 30 * 60 * 1000;
/** Files kept for that button, all together: the oldest go first beyond this. */
const PENDING_BYTES = 2 * chatImportLimits.uploadBytes;
const SHOWN_BAD_ROWS = 15;

export interface TransferDeps {
  readonly prisma: PrismaClient;
  readonly clock: Clock;
  readonly logger: LogPort;
  readonly defaultRegion: string;
  /** Sends a file to a person's direct messages; false when their platform is not connected here. */
  readonly sendFile: (to: UserRef, file: FileUpload) => Promise<boolean>;
  /** The access policy: imports are `resources.import` (workspace admins). */
  readonly access: Access;
  readonly maxUploadBytes?: number;
}

interface Pending {
  readonly memberId: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly scope: Scope;
  readonly at: number;
}

export const importHowView = (maxBytes = MAX_UPLOAD_BYTES, t: Translate = english): View => ({
  text: t('resources.transfer.howSummary'),
  blocks: [
    { type: 'text', text: t('resources.transfer.howSend', { size: literal(megabytes(maxBytes)) }) },
    { type: 'text', text: t('resources.transfer.howFormats') },
    { type: 'context', text: t('resources.transfer.howCheck') },
  ],
});

/**
 * The report of one upload. Where a bad row is and why come from the file readers
 * (formats/import.ts, record.ts): the reason quotes the row's own input, so both are shown
 * literally (their words are still English).
 */
function reportView(name: string, report: ImportReport, t: Translate, pendingId?: string): View {
  const good = report.rows - report.bad.length;
  const shown = report.bad.slice(0, SHOWN_BAD_ROWS);
  const badText: MarkupText[] = shown.map((row) =>
    row.id
      ? t('resources.transfer.badRowId', {
          where: literal(row.where),
          id: literal(row.id),
          reason: literal(row.reason),
        })
      : t('resources.transfer.badRow', { where: literal(row.where), reason: literal(row.reason) }),
  );
  if (report.bad.length > shown.length)
    badText.push(t('resources.transfer.moreBad', { count: report.bad.length - shown.length }));
  const w = report.written;
  const outcome = report.imported
    ? t('resources.transfer.imported', { added: w.added, updated: w.updated, unchanged: w.unchanged })
    : t('resources.transfer.nothingImported');
  const file = literal(name);
  return {
    text: t('resources.transfer.reportSummary', { name: file, outcome }),
    blocks: [
      {
        type: 'text',
        text: t('resources.transfer.read', { rows: report.rows, name: file, format: literal(report.format) }),
      },
      ...(badText.length > 0
        ? [
            { type: 'text' as const, text: t('resources.transfer.needChange', { count: report.bad.length }) },
            { type: 'text' as const, text: badText.reduce((all, line) => markup`${all}\n${line}`) },
          ]
        : []),
      { type: 'text', text: markup`**${outcome}**` },
      ...(pendingId && good > 0
        ? [
            {
              type: 'actions' as const,
              elements: [
                {
                  type: 'button' as const,
                  actionId: 'resources:import-good',
                  label: t('resources.transfer.importGood', { count: good }),
                  value: pendingId,
                },
              ],
            },
            { type: 'context' as const, text: t('resources.transfer.orFix') },
          ]
        : []),
    ],
  };
}

function problemOf(attachments: readonly Attachment[], maxBytes: number, t: Translate): View | undefined {
  if (attachments.length > 1) return text(t('resources.transfer.oneFile'));
  const file = attachments[0];
  if (!file) return text(t('resources.transfer.notChatting'));
  const name = literal(file.name);
  if (file.size > maxBytes) {
    return text(
      t('resources.transfer.tooBig', {
        name,
        size: literal(megabytes(file.size)),
        max: literal(megabytes(maxBytes)),
      }),
    );
  }
  try {
    formatOfName(file.name);
  } catch {
    return text(t('resources.transfer.unknownFormat', { name }));
  }
  return undefined;
}

/** Why a file could not be read: a platform's or a parser's own words are shown literally. */
const reasonOf = (error: unknown, t: Translate): MarkupText =>
  error instanceof SyntaxError
    ? t('resources.transfer.notJson')
    : error instanceof Error && error.message.trim()
      ? markup`${literal(error.message.split('\n')[0] ?? '')}`
      : t('resources.transfer.unreadable');

export function createTransfer(deps: TransferDeps) {
  const maxBytes = deps.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const limits = { ...chatImportLimits, uploadBytes: maxBytes };
  const pending = new Map<string, Pending>();
  // One upload is read at a time in this process: two at once would each have their own budget.
  let reading = false;

  function remember(entry: Omit<Pending, 'at'>): string {
    const now = deps.clock.now().getTime();
    for (const [id, old] of pending) if (now - old.at > PENDING_MS) pending.delete(id);
    // One file per person, and a byte budget for all of them (oldest forgotten first).
    for (const [id, old] of pending) if (old.memberId === entry.memberId) pending.delete(id);
    const held = () => [...pending.values()].reduce((sum, p) => sum + p.bytes.byteLength, 0);
    while (pending.size > 0 && held() + entry.bytes.byteLength > PENDING_BYTES)
      pending.delete(pending.keys().next().value ?? '');
    const id = randomBytes(9).toString('base64url');
    pending.set(id, { ...entry, at: now });
    return id;
  }

  async function runImport(
    entry: Omit<Pending, 'at'>,
    goodRowsOnly: boolean,
    reply: Reply,
    by: string,
    t: Translate,
  ) {
    let report: ImportReport;
    try {
      report = await importSource(deps.prisma, bytesSource(entry.name, entry.bytes, limits), {
        scope: entry.scope,
        goodRowsOnly,
        workspaceCopies: { workspaceId: entry.scope.workspaceId ?? '', by, at: deps.clock.now() },
      });
    } catch (error) {
      deps.logger.info({
        event: 'resources.import.refused',
        limit: error instanceof ImportLimitError,
      });
      return reply.privately(
        text(t('resources.transfer.couldNotRead', { name: literal(entry.name), reason: reasonOf(error, t) })),
      );
    }
    deps.logger.info({
      event: 'resources.import.chat',
      rows: report.rows,
      bad: report.bad.length,
      imported: report.imported,
    });
    const offer = !report.imported && report.rows > report.bad.length ? remember(entry) : undefined;
    await reply.privately(reportView(entry.name, report, t, offer));
  }

  /** A file sent in a DM has no team: importing is the workspace admins' (`resources.import`). */
  const mayImport = (actor: Actor) => deps.access.check(actor, 'resources.import', {});

  /** Runs `work` unless another upload is being read; then says so. */
  async function oneAtATime(reply: Reply, t: Translate, work: () => Promise<void>): Promise<void> {
    if (reading) return reply.privately(text(t('resources.transfer.busy')));
    reading = true;
    try {
      await work();
    } finally {
      reading = false;
    }
  }

  async function receive(context: DirectMessageContext): Promise<void> {
    const attachments = context.event.attachments ?? [];
    const t = await translatorForActor(deps.prisma, context.actor);
    const notChatting = text(t('resources.transfer.notChatting'));
    const problem = problemOf(attachments, maxBytes, t);
    if (problem || !attachments[0]) return context.reply.privately(problem ?? notChatting);
    const allowed = await mayImport(context.actor);
    if (!allowed.ok) return context.reply.privately(refusalView(t(allowed.refusal)));
    const who = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
    const file = attachments[0];
    await oneAtATime(context.reply, t, async () => {
      const bytes = await file.fetch();
      if (bytes.byteLength > maxBytes)
        return context.reply.privately(
          problemOf([{ ...file, size: bytes.byteLength }], maxBytes, t) ?? notChatting,
        );
      const entry = {
        memberId: who.memberId,
        name: file.name,
        bytes,
        scope: { workspaceId: who.workspaceId, teamId: null },
      };
      await runImport(
        entry,
        /\bgood[ -]rows?[ -]only\b/i.test(context.text),
        context.reply,
        who.displayName,
        t,
      );
    });
  }

  async function importGood(context: ActionContext): Promise<void> {
    const t = await translatorForActor(deps.prisma, context.actor, { channelId: context.place.channelId });
    const allowed = await mayImport(context.actor);
    if (!allowed.ok) return context.reply.privately(refusalView(t(allowed.refusal)));
    const who = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
    const entry = context.value ? pending.get(context.value) : undefined;
    // The window is checked on the press: the clean-up in `remember` runs only on a new upload.
    const expired = entry !== undefined && deps.clock.now().getTime() - entry.at > PENDING_MS;
    if (expired) pending.delete(context.value ?? '');
    if (!entry || expired || entry.memberId !== who.memberId) {
      return context.reply.privately(text(t('resources.transfer.fileGone')));
    }
    pending.delete(context.value ?? '');
    await oneAtATime(context.reply, t, () => runImport(entry, true, context.reply, who.displayName, t));
  }

  async function exportTo(
    context: { actor: Actor; place: Place; reply: Reply },
    format: ExportFormat,
  ): Promise<void> {
    // The router asked the access policy (`resources.export`) before this ran.
    const who = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
    const records = await workspaceRecords(deps.prisma, who.workspaceId);
    const file = exportContent(records, format);
    const { actor } = context;
    const sent = await deps.sendFile(
      { platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId },
      { ...file, title: `PeerBridge resources (${format})` },
    );
    const t = await translatorForActor(deps.prisma, actor, { channelId: context.place.channelId });
    await context.reply.privately(
      text(
        sent
          ? t('resources.transfer.exported', {
              count: records.length,
              format: literal(format),
              file: literal(file.filename),
            })
          : t('resources.transfer.exportFailed'),
      ),
    );
  }

  async function importHow(context: { actor: Actor; place: Place; reply: Reply }): Promise<void> {
    const allowed = await mayImport(context.actor);
    const t = await translatorForActor(deps.prisma, context.actor, { channelId: context.place.channelId });
    await context.reply.privately(allowed.ok ? importHowView(maxBytes, t) : refusalView(t(allowed.refusal)));
  }

  return { receive, importGood, exportTo, importHow };
}
