// Import and export from chat, for admins. `/peer resources import` says how: send the file in a
// direct message to the bot (HSDS JSON, a zipped HSDS CSV data package, or the simple CSV). The
// upload is checked exactly as the CLI checks a file: every row validated, nothing written when
// any row is bad, a report naming each bad row; the report then offers "Import the N good rows"
// (or the words "good rows only" with the upload do that at once). `/peer resources export`
// sends the store as a file to the admin's direct messages.
import { randomBytes } from 'node:crypto';
import type { Access } from '../../access/index.ts';
import type {
  ActionContext,
  Actor,
  Attachment,
  DirectMessageContext,
  FileUpload,
  Place,
  Reply,
  UserRef,
  View,
} from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { Clock, LogPort } from '../../scheduling/index.ts';
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

export const importHowView = (maxBytes = MAX_UPLOAD_BYTES): View => ({
  text: 'How to import resources',
  blocks: [
    {
      type: 'text',
      text: `Send me the file in a direct message (attach it, no command needed), up to ${megabytes(maxBytes)}. I read:`,
    },
    {
      type: 'text',
      text: [
        '• **HSDS JSON** (`.json`): Open Referral services, with their organization, phones, schedules and service areas inside',
        '• **HSDS CSV data package** (`.zip`): `datapackage.json` with `services.csv`, `phones.csv` and the other tables',
        '• **The simple CSV** (`.csv`): one row per entry; `/peer resources export format:simple-csv` gives you one to start from',
      ].join('\n'),
    },
    {
      type: 'context',
      text: 'I check every row first. If any row needs a change, nothing is imported and I name each one; then you can fix the file, or import just the good rows. Write "good rows only" with the file to do that at once. Importing the same file twice changes nothing.',
    },
  ],
});

const busy = text(
  'I am reading another file just now. Please send yours again in a minute; nothing was imported.',
);
const notChatting = text(
  "Thanks for the message. I'm a bot, so I can't chat, but `/peer help` shows what I can help with.",
);

function reportView(name: string, report: ImportReport, pendingId?: string): View {
  const good = report.rows - report.bad.length;
  const shown = report.bad.slice(0, SHOWN_BAD_ROWS);
  const badText = shown.map((row) => `• ${row.where}${row.id ? ` (id ${row.id})` : ''}: ${row.reason}`);
  if (report.bad.length > shown.length) badText.push(`…and ${report.bad.length - shown.length} more.`);
  const w = report.written;
  const outcome = report.imported
    ? `Imported: ${w.added} added, ${w.updated} updated, ${w.unchanged} unchanged.`
    : 'Nothing was imported: the list is unchanged.';
  return {
    text: `Import of ${name}: ${outcome}`,
    blocks: [
      { type: 'text', text: `I read **${report.rows}** row(s) of \`${name}\` as ${report.format}.` },
      ...(badText.length > 0
        ? [
            { type: 'text' as const, text: `${report.bad.length} row(s) need a change:` },
            { type: 'text' as const, text: badText.join('\n') },
          ]
        : []),
      { type: 'text', text: `**${outcome}**` },
      ...(pendingId && good > 0
        ? [
            {
              type: 'actions' as const,
              elements: [
                {
                  type: 'button' as const,
                  actionId: 'resources:import-good',
                  label: good === 1 ? 'Import the 1 good row' : `Import the ${good} good rows`,
                  value: pendingId,
                },
              ],
            },
            { type: 'context' as const, text: 'Or fix the rows above and send the file again.' },
          ]
        : []),
    ],
  };
}

function problemOf(attachments: readonly Attachment[], maxBytes: number): View | undefined {
  if (attachments.length > 1) return text('Please send one file at a time, and I will import it.');
  const file = attachments[0];
  if (!file) return notChatting;
  if (file.size > maxBytes) {
    return text(
      `\`${file.name}\` is ${megabytes(file.size)}; I can take files up to ${megabytes(maxBytes)}. Nothing was imported. You could split it into smaller files, or ask whoever runs PeerBridge to import it with \`npm run resources -- import\`.`,
    );
  }
  try {
    formatOfName(file.name);
  } catch {
    return text(
      `I can't read \`${file.name}\`: I import HSDS JSON (.json), a zipped HSDS CSV data package (.zip) or the simple CSV (.csv). Nothing was imported. \`/peer resources import\` says more.`,
    );
  }
  return undefined;
}

const reasonOf = (error: unknown) =>
  error instanceof SyntaxError
    ? 'it is not valid JSON'
    : error instanceof Error && error.message.trim()
      ? (error.message.split('\n')[0] ?? 'it could not be read')
      : 'it could not be read';

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

  async function runImport(entry: Omit<Pending, 'at'>, goodRowsOnly: boolean, reply: Reply, by: string) {
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
        text(`I could not read \`${entry.name}\`: ${reasonOf(error)}. Nothing was imported.`),
      );
    }
    deps.logger.info({
      event: 'resources.import.chat',
      rows: report.rows,
      bad: report.bad.length,
      imported: report.imported,
    });
    const offer = !report.imported && report.rows > report.bad.length ? remember(entry) : undefined;
    await reply.privately(reportView(entry.name, report, offer));
  }

  /** A file sent in a DM has no team: importing is the workspace admins' (`resources.import`). */
  const mayImport = (actor: Actor) => deps.access.check(actor, 'resources.import', {});

  /** Runs `work` unless another upload is being read; then says so. */
  async function oneAtATime(reply: Reply, work: () => Promise<void>): Promise<void> {
    if (reading) return reply.privately(busy);
    reading = true;
    try {
      await work();
    } finally {
      reading = false;
    }
  }

  async function receive(context: DirectMessageContext): Promise<void> {
    const attachments = context.event.attachments ?? [];
    const problem = problemOf(attachments, maxBytes);
    if (problem || !attachments[0]) return context.reply.privately(problem ?? notChatting);
    const allowed = await mayImport(context.actor);
    if (!allowed.ok) return context.reply.privately(text(allowed.reason));
    const who = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
    const file = attachments[0];
    await oneAtATime(context.reply, async () => {
      const bytes = await file.fetch();
      if (bytes.byteLength > maxBytes)
        return context.reply.privately(
          problemOf([{ ...file, size: bytes.byteLength }], maxBytes) ?? notChatting,
        );
      const entry = {
        memberId: who.memberId,
        name: file.name,
        bytes,
        scope: { workspaceId: who.workspaceId, teamId: null },
      };
      await runImport(entry, /\bgood[ -]rows?[ -]only\b/i.test(context.text), context.reply, who.displayName);
    });
  }

  async function importGood(context: ActionContext): Promise<void> {
    const allowed = await mayImport(context.actor);
    if (!allowed.ok) return context.reply.privately(text(allowed.reason));
    const who = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
    const entry = context.value ? pending.get(context.value) : undefined;
    // The window is checked on the press: the clean-up in `remember` runs only on a new upload.
    const expired = entry !== undefined && deps.clock.now().getTime() - entry.at > PENDING_MS;
    if (expired) pending.delete(context.value ?? '');
    if (!entry || expired || entry.memberId !== who.memberId) {
      return context.reply.privately(
        text(
          'I no longer have that file (I keep it for 30 minutes). Send it again with the words "good rows only" and I will import the good rows.',
        ),
      );
    }
    pending.delete(context.value ?? '');
    await oneAtATime(context.reply, () => runImport(entry, true, context.reply, who.displayName));
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
    await context.reply.privately(
      text(
        sent
          ? `I sent ${records.length} entries as ${format} (\`${file.filename}\`) to your direct messages.`
          : 'I could not send the file from here just now. Please try again in a moment.',
      ),
    );
  }

  async function importHow(context: { actor: Actor; place: Place; reply: Reply }): Promise<void> {
    const allowed = await mayImport(context.actor);
    await context.reply.privately(allowed.ok ? importHowView(maxBytes) : text(allowed.reason));
  }

  return { receive, importGood, exportTo, importHow };
}
