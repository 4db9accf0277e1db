// The supervision feature with teams, on a cloned database and a manual clock, driven through
// the real router through the shared chat harness (forms from a direct message are sent with
// `chat.form(…, dm, context)`). `files` records what was sent as a file.

import { randomBytes } from 'node:crypto';
import { shellPerson } from '../../../src/adapters/shell/shell-client.ts';
import type { ChatClient, FileUpload, View } from '../../../src/chat/index.ts';
import { toPlainText } from '../../../src/chat/markup.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { createSupervisionFeature } from '../../../src/features/supervision/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createOutbox, ManualClock } from '../../../src/scheduling/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clientsFor, shellPeople } from '../../support/people.ts';

export function supervisionWorld(db: Database, start = '2026-02-20T12:00:00Z', workspaceId?: string) {
  const clock = new ManualClock(start);
  const cipher = createFieldCipher(randomBytes(32));
  const files: FileUpload[] = [];
  const client = {
    platform: 'shell',
    uploadFile: async (_target: unknown, file: FileUpload) => {
      files.push(file);
    },
    updateMessage: async () => undefined,
  } as unknown as ChatClient;
  const outbox = createOutbox(cipher);
  const supervision = createSupervisionFeature({
    prisma: db.prisma,
    outbox,
    clock,
    logger: silentLogger,
    // The shell's people are whoever is named: lookups confirm them as the playground does.
    clientFor: () => ({ ...client, lookupUser: async (user) => shellPerson(user) }),
  });
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    clientFor: clientsFor(shellPeople),
  });
  const chat = featureHarness(db.prisma, [teams, supervision], workspaceId ? { workspaceId } : {});
  const job = supervision.jobs?.[0];
  if (!job) throw new Error('the supervision feature has no job');
  return {
    clock,
    cipher,
    chat,
    files,
    supervision,
    tick: () => job.run({ instanceId: 'test', now: clock.now() }),
    /** A team in C-team: sam supervises (and is admin), the others are members, each in their own zone. */
    async team(zones: Record<string, string> = {}, channelId = 'C-team') {
      await chat.command('sam', ['setup'], { timezone: 'Europe/Berlin', name: 'Harbor' }, channelId);
      await chat.command('sam', ['team', 'role'], { user: '@sam', role: 'supervisor' }, channelId);
      for (const [user, zone] of Object.entries(zones)) {
        await chat.command(user, ['timezone'], { zone }, channelId);
        await chat.command('sam', ['team', 'role'], { user: `@${user}`, role: 'member' }, channelId);
      }
      return db.prisma.team.findFirstOrThrow({ where: { channelId } });
    },
  };
}

/** Everything a view says, as a person reads it (markup removed, escapes read back). */
export function viewWords(view: View): string {
  return [
    view.text,
    ...view.blocks.map((b) =>
      'text' in b
        ? b.text
        : b.type === 'fields'
          ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n')
          : '',
    ),
  ]
    .map(toPlainText)
    .join('\n');
}
