// Export, erase, export with the app's whole feature list (featureList, as app.ts runs it): a
// member writes private text in every feature that keeps some (a check-in answer, a flag note,
// a wellness plan section, a supervision topic, a resource suggestion, a queued DM), and after
// the erase no table holds any of it, not even encrypted: the sweep decrypts every column that
// `encryptedColumns` lists, so a feature that forgot to erase its rows fails here.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, FileUpload, UserRef } from '../../../src/chat/index.ts';
import { createKeyRing, type Database } from '../../../src/db/index.ts';
import { levelChoices, wishChoices } from '../../../src/features/flags/levels.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { testFeatureList } from '../../support/feature-list.ts';
import { clientsFor, shellPeople } from '../../support/people.ts';
import { everyRowAsText, everyRowDecrypted } from './support.ts';

// Distinctive private strings, one per feature, so the sweep can look for each.
const secret = {
  answer: 'quietly-drowning-in-casework-81f',
  flag: 'flag-note-about-my-brother-3c2',
  plan: 'my-plan-says-walk-the-dog-9d7',
  topic: 'topic-about-my-own-relapse-5e1',
  suggestion: 'Blakes Secret Grief Circle 2a4',
  zone: 'Pacific/Chatham',
};

let db: Database;
let chat: ReturnType<typeof featureHarness>;
const cipher = createKeyRing(randomBytes(32));
const files: { to: UserRef | ChannelRef; file: FileUpload }[] = [];

beforeAll(async () => {
  db = await clonedDatabase();
});

// Each test's world: an empty database in which blake has written private text in every
// feature that keeps some.
beforeEach(async () => {
  await emptyDatabase(db);
  files.length = 0;
  const features = testFeatureList(db.prisma, {
    cipher,
    clientFor: clientsFor({
      ...shellPeople,
      async uploadFile(to, file) {
        files.push({ to, file });
        return undefined;
      },
    }),
  });
  chat = featureHarness(db.prisma, features);
  await chat.command('alex', ['setup'], { name: 'Harbor', region: 'US' });
  await chat.joined('blake');
  await chat.command('alex', ['team', 'role'], { user: '@alex', role: 'supervisor' });
  await chat.command('alex', ['team', 'supervisor'], { member: '@blake', supervisor: '@alex' });
  await chat.command('blake', ['timezone'], { zone: secret.zone });

  // A check-in answer.
  await chat.command('alex', ['checkin', 'now']);
  const round = await db.prisma.checkinRound.findFirstOrThrow();
  const answered = await chat.form(
    'blake',
    'checkins:answer',
    { q1: '2', 'q1-who': 'supervisor', q3: secret.answer, 'q3-who': 'supervisor' },
    'C-team',
    round.id,
  );
  expect(answered.text()).not.toMatch(/nothing was saved|couldn't/i);
  // A flag with a note, a wellness plan section, a supervision topic, a resource suggestion.
  await chat.form('blake', 'flags:submit', {
    level: levelChoices[0]!.value,
    wish: wishChoices[0]!.value,
    note: secret.flag,
  });
  await chat.form('blake', 'plans:section', { text: secret.plan }, 'C-team', 'daily');
  await chat.command('alex', ['supervision', 'new'], {
    title: 'Group',
    date: '2026-12-15',
    time: '18:00',
    length: 60,
  });
  await chat.command('blake', ['supervision', 'topic'], { text: secret.topic });
  const session = await db.prisma.supervisionSession.findFirstOrThrow();
  expect((await chat.action('blake', 'supervision:rsvp', `${session.id}:going`)).text()).toContain('Thanks');
  // The supervisor reads blake's flag: an audited read of their text.
  const flag = await db.prisma.triggerFlag.findFirstOrThrow();
  expect((await chat.action('alex', 'flags:open', flag.id)).text()).toContain(secret.flag);
  await chat.form('blake', 'resources:suggest-form', {
    title: secret.suggestion,
    category: 'peer-support-organisation',
    summary: 'A circle I run.',
    contacts: 'web: https://circle.example.org',
    regions: 'US',
    hours: '',
    tags: 'grief',
    source: '',
  });
});
afterAll(() => db?.close());

const blakeId = async () =>
  (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'blake' } })).id;

/** The rows (decrypted) that still hold any of blake's private strings, by table. */
async function leftAnywhere(strings: readonly string[]) {
  const rows = await everyRowDecrypted(db.prisma, cipher);
  return rows.filter((r) => strings.some((s) => r.row.includes(s))).map((r) => r.table);
}

describe('privacy export and erase across every feature', () => {
  it('each feature stored its private text (encrypted where it should be)', async () => {
    const found = new Set(await leftAnywhere(Object.values(secret)));
    for (const table of ['CheckinAnswer', 'TriggerFlag', 'WellnessPlan', 'AgendaTopic', 'ResourceSuggestion'])
      expect(found, table).toContain(table);
    // Encrypted columns are not readable by a raw query.
    const raw = (await everyRowAsText(db.prisma)).filter((r) =>
      [secret.answer, secret.flag, secret.plan].some((s) => r.row.includes(s)),
    );
    expect(raw.map((r) => r.table).filter((t) => t !== 'OutboxMessage')).toEqual([]);
  });

  it('the export holds every feature’s data, then erase leaves nothing of it in any table', async () => {
    expect((await chat.command('blake', ['privacy'])).text()).toContain(
      '**Times someone else read, received or exported your private text:** 1.',
    );
    await chat.command('blake', ['privacy'], { action: 'export' });
    const first = files.at(-1);
    expect(first?.to).toMatchObject({ userId: 'blake' });
    const exported = String(first?.file.content);
    for (const s of [secret.answer, secret.flag, secret.plan, secret.topic, secret.suggestion, secret.zone])
      expect(exported).toContain(s);
    const data = JSON.parse(exported) as {
      features: { supervision: unknown };
      audit: { action: string; by: string }[];
    };
    expect(JSON.stringify(data.features.supervision)).toMatch(/going|yes/);
    // Reads of their text by others are in the export, without naming the reader.
    expect(data.audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'read.flag.note', by: 'someone else' })]),
    );

    await chat.command('blake', ['privacy'], { action: 'erase' });
    const done = await chat.action('blake', 'privacy:erase', await blakeId());
    expect(done.text()).toContain('your data is erased');

    const again = await chat.command('blake', ['privacy'], { action: 'export' });
    expect(again.text()).toContain('I don’t keep anything about you');
    expect(files.at(-1)).toBe(first);

    expect(await leftAnywhere([...Object.values(secret), 'blake'])).toEqual([]);
  });
});
