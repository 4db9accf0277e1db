// A whole check-in on Mattermost: the real @mattermost/client and the app against the fake
// Mattermost. The roster comes from the channel's members (the other bot and a deactivated
// account left out); one member answers "the team without my name", one "only my supervisor",
// one skips, one does nothing; the reminder reaches only the one who did nothing; the digest
// holds exactly what each chose to share, and no channel post carries a private answer. On
// PGlite and on PostgreSQL (which skips on a laptop without a server and fails on CI without one).
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import type { FakePost } from '../../fakes/mattermost/index.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { openPostgres, type PostgresSchema, postgresAvailable } from '../../support/database.ts';
import { migratedPostgresSchema } from '../../support/postgres-template.ts';
import { type MattermostWorldUnderTest, shown, startMattermostApp } from './support.ts';
import { answerForm } from './support-journeys.ts';

const WAIT = 20_000;
let world: MattermostWorldUnderTest | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function checkinJourney(database?: Database) {
  const checkinJobs = checkinJobsOnTestScheduler();
  let team = '';
  world = await startMattermostApp({
    features: checkinJobs.features,
    ...(database ? { database } : {}),
    before: (fake) => {
      const channel = fake.world.addChannel(fake.world.team.id, 'harbor');
      team = channel.id;
      fake.world.joinChannel(team, fake.world.bot.id);
      for (const [name, full, zone] of [
        ['sam', 'Sam Supervisor', 'Europe/Berlin'],
        ['ana', 'Ana Anonymous', 'America/New_York'],
        ['ben', 'Ben Private', 'Asia/Kolkata'],
        ['cal', 'Cal Skipper', 'Europe/London'],
      ] as const) {
        const user = fake.world.user(name);
        user.nickname = full;
        user.timezone = { useAutomaticTimezone: 'false', automaticTimezone: '', manualTimezone: zone };
        fake.world.joinChannel(team, user.id);
      }
      fake.world.joinChannel(team, fake.world.addUser('helper', { is_bot: true }).id);
      fake.world.joinChannel(team, fake.world.addUser('gone', { delete_at: 1 }).id);
    },
  });
  const { fake, app } = world;
  const scheduler = checkinJobs.scheduler(app.storage.db.prisma);
  const peer = async (who: string, text: string) => {
    const answer = await fake.slash(who, text, { channelId: team });
    expect(answer.status).toBe(200);
  };
  const dmOf = (who: string) => fake.dmChannelOf(who);

  // The roster at set-up, from the channel: four people, bots and the deactivated left out.
  await peer('sam', 'setup name:Harbor timezone:Europe/Berlin');
  await fake.waitForPost(
    (p) => p.channel_id === team && p.message.includes('now the team'),
    'set-up post',
    WAIT,
  );
  await scheduler.tick();
  const roster = await app.storage.db.prisma.checkinRosterEntry.findMany({ include: { member: true } });
  expect(roster.map((r) => r.member.displayName).sort()).toEqual([
    'Ana Anonymous',
    'Ben Private',
    'Cal Skipper',
    'Sam Supervisor',
  ]);
  expect(roster.find((r) => r.member.displayName === 'Ben Private')?.member.timeZone).toBe('Asia/Kolkata');

  // A round: prompts, answers by audience, a skip, a reminder to the silent one, a digest.
  await peer('sam', 'team role user:@sam role:supervisor');
  await fake.waitForPost((p) => p.message.includes('is now a supervisor'), 'role answer', WAIT);
  await peer('sam', 'team supervisor member:@ben supervisor:@sam');
  await fake.waitForPost((p) => p.message.includes('primary supervisor for'), 'supervisor answer', WAIT);
  await peer('sam', 'checkin now');
  const promptFor = (who: string) =>
    fake.waitForPost(
      (p) => p.channel_id === dmOf(who) && shown(p).includes('Remind me in an hour'),
      `${who}'s prompt`,
      WAIT,
    );
  const note = await fake.waitForPost(
    (p) => p.channel_id === team && !p.ephemeralFor && p.message.includes('is open'),
    'round note',
    WAIT,
  );

  await answerForm(fake, 'ana', await promptFor('ana'), 'Answer', {
    q1: '4',
    'q1-who': 'anonymous',
    q2: 'A client laughed at my terrible joke',
    'q2-who': 'anonymous',
  });
  await fake.waitForPost(
    (p) => p.channel_id === dmOf('ana') && /thank/i.test(p.message),
    "ana's thanks",
    WAIT,
  );
  await answerForm(fake, 'ben', await promptFor('ben'), 'Answer', {
    q1: '2',
    'q1-who': 'supervisor',
    q3: 'My sister is in hospital',
    'q3-who': 'supervisor',
  });
  await fake.press('cal', (await promptFor('cal')).id, 'Skip this one');
  await fake.waitForPost((p) => p.message.includes('Skipped, no problem'), "cal's skip", WAIT);
  // The supervisor is told privately that something waits for them; the words do not travel.
  const notice = await fake.waitForPost(
    (p) => p.channel_id === dmOf('sam') && p.message.includes('shared an answer'),
    'notice',
    WAIT,
  );
  expect(notice.message).not.toContain('hospital');

  await scheduler.tick(new Date(Date.now() + 20 * 3_600_000));
  const reminder = await fake.waitForPost((p) => p.message.includes('A gentle nudge'), 'reminder', WAIT);
  expect(reminder.channel_id).toBe(dmOf('sam'));

  await peer('sam', 'checkin close');
  const digest = await fake.waitForPost(
    (p) => p.channel_id === team && !p.ephemeralFor && p.message.includes('the digest'),
    'digest',
    WAIT,
  );
  // The digest answers in the round's thread (root_id).
  expect(digest.root_id).toBe(note.id);
  expect(digest.message).toContain('2 people took part');
  expect(digest.message).not.toContain('A client laughed at my terrible joke');

  expect(fake.posted.all().filter((p) => p.message.includes('A gentle nudge'))).toHaveLength(1);
  const inChannel: FakePost[] = fake.posted.all().filter((p) => p.channel_id === team);
  for (const post of inChannel) {
    const text = shown(post);
    expect(text).not.toContain('hospital');
    expect(text).not.toContain('Ana Anonymous');
    expect(text).not.toContain(fake.world.user('ana').id);
  }
}

describe('a check-in on Mattermost, end to end (PGlite)', { timeout: 180_000 }, () => {
  it('reads the roster from the channel and runs a round: answers by audience, a skip, a reminder, a digest', async () => {
    await checkinJourney();
  });
});

const pgAvailable = await postgresAvailable();

describe.skipIf(!pgAvailable)(
  'a check-in on Mattermost, end to end (PostgreSQL)',
  { timeout: 240_000 },
  () => {
    let schema: PostgresSchema | undefined;
    afterEach(async () => {
      await schema?.drop();
      schema = undefined;
    });

    it('reads the roster from the channel and runs a round, on PostgreSQL', async () => {
      const made = await migratedPostgresSchema('pb_mm_checkins');
      schema = made;
      const database = await openPostgres(made.url);
      await checkinJourney(database);
    });
  },
);
