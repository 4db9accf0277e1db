// The must-show scenario on Mattermost, the whole app, on PGlite and on PostgreSQL: a member
// flags "I need to talk now" with a note in a dialog; the supervisor's direct message arrives
// as a notice with buttons; "I'll reach out" tells the member who and when; Open shows the
// note to the supervisor alone (an ephemeral post). The note is in no other post, no log line
// and no database column in clear text. A made-up press (no MAC, a wrong MAC) and a command
// with a wrong token are refused before any handler sees them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { openPostgres, type PostgresSchema, postgresAvailable } from '../../support/database.ts';
import { migratedPostgresSchema } from '../../support/postgres-template.ts';
import { capturingLogger } from '../slack/support.ts';
import { type MattermostWorldUnderTest, shown, startMattermostApp } from './support.ts';

const WAIT = 20_000;
const secret = 'MM-NOTE-7a1c a client sounded like my father';
let world: MattermostWorldUnderTest | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function flagJourney(database?: Database) {
  const { logger, lines } = capturingLogger('trace');
  world = await startMattermostApp({
    logger,
    ...(database ? { database } : {}),
    before: (fake) => {
      for (const name of ['alice', 'sam', 'maya']) fake.world.user(name);
    },
  });
  const { fake, app } = world;
  const channel = fake.world.townSquare.id;
  const peer = async (who: string, text: string) => expect((await fake.slash(who, text)).status).toBe(200);
  await peer('alice', 'setup name:Peers');
  await fake.waitForPost(
    (p) => p.channel_id === channel && p.message.includes('now the team'),
    'set-up',
    WAIT,
  );
  await peer('alice', 'team role user:@sam role:supervisor');
  await fake.waitForPost((p) => p.message.includes('is now a supervisor'), 'role', WAIT);
  await peer('alice', 'team supervisor member:@maya supervisor:@sam');
  await fake.waitForPost((p) => p.message.includes('primary supervisor for'), 'pairing', WAIT);

  await peer('maya', 'flag');
  const dialog = await fake.waitForDialog('maya', 0, WAIT);
  expect(dialog.dialog.callback_id).toBe('flags:submit');
  expect(dialog.dialog.introduction_text ?? '').toMatch(/only \*{0,2}sam/i);
  expect(
    (await fake.submitDialog(dialog, { level: 'talk-now', wish: 'talk-now', note: secret })).status,
  ).toBe(200);

  const samDm = fake.dmChannelOf('sam');
  const notice = await fake.waitForPost(
    (p) => p.channel_id === samDm && p.message.includes('A private flag from'),
    'notice',
    WAIT,
  );
  expect(shown(notice)).not.toContain('MM-NOTE');
  expect(shown(notice)).toContain("I'll reach out");
  expect(shown(notice)).toContain('Open');
  const told = await fake.waitForPost(
    (p) => p.ephemeralFor === fake.world.user('maya').id && p.message.includes('went privately to'),
    'member answer',
    WAIT,
  );
  expect(told.message).not.toContain('MM-NOTE');

  expect((await fake.press('sam', notice.id, "I'll reach out")).status).toBe(200);
  const seen = await fake.waitForPost(
    (p) => p.channel_id === fake.dmChannelOf('maya') && p.message.includes('has seen your flag'),
    'seen',
    WAIT,
  );
  expect(seen.message).toMatch(/has seen your flag \(\w{3} \d{2}:\d{2}\) and will reach out to you/);

  expect((await fake.press('sam', notice.id, 'Open')).status).toBe(200);
  const opened = await fake.waitForPost((p) => p.message.includes('MM-NOTE-7a1c'), 'the note, opened', WAIT);
  expect(opened.ephemeralFor).toBe(fake.world.user('sam').id);
  expect(fake.posted.all().filter((p) => p.message.includes('MM-NOTE'))).toHaveLength(1);
  expect(lines.all().filter((line) => JSON.stringify(line).includes('MM-NOTE'))).toEqual([]);
  expect(lines.all().some((line) => line.event === 'flags.raised')).toBe(true);

  const prisma = app.storage.db.prisma;
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  for (const { table_name } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text LIKE '%MM-NOTE%' OR t::text LIKE '%father%'`,
    );
    expect(rows[0]?.n, table_name).toBe(0);
  }
}

describe('flags on Mattermost (PGlite)', { timeout: 180_000 }, () => {
  it('delivers a "talk now" flag to the supervisor only, and tells the member who has seen it', async () => {
    await flagJourney();
  });

  it('refuses a press without a valid MAC and a command with a wrong token, before any handler', async () => {
    world = await startMattermostApp();
    const { fake } = world;
    const actionUrl = `http://127.0.0.1:${world.port}/mattermost/action`;
    const before = fake.posted.size;
    expect((await fake.forgedPress(actionUrl, { a: 'flags:reach-out', v: 'x' })).status).toBe(401);
    expect((await fake.forgedPress(actionUrl, { a: 'flags:reach-out', v: 'x', m: 'AAAA' })).status).toBe(401);
    const forged = await fetch(`http://127.0.0.1:${world.port}/mattermost/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: 'not-the-token',
        team_id: fake.world.team.id,
        channel_id: fake.world.townSquare.id,
        user_id: fake.world.user('mallory').id,
        text: 'setup name:Mine',
        trigger_id: 'x',
      }).toString(),
    });
    expect(forged.status).toBe(401);
    expect(fake.posted.size).toBe(before);
    expect(await world.app.storage.db.prisma.team.count()).toBe(0);
  });
});

const pgAvailable = await postgresAvailable();

describe.skipIf(!pgAvailable)('flags on Mattermost (PostgreSQL)', { timeout: 240_000 }, () => {
  let schema: PostgresSchema | undefined;
  afterEach(async () => {
    await schema?.drop();
    schema = undefined;
  });

  it('delivers a "talk now" flag to the supervisor only, on PostgreSQL', async () => {
    const made = await migratedPostgresSchema('pb_mattermost');
    schema = made;
    const database = await openPostgres(made.url);
    await flagJourney(database);
  });
});
