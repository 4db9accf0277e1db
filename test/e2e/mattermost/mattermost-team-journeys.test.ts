// Journeys the Slack end-to-end tests cover, on Mattermost through the real @mattermost/client
// against the fake server, each test in its own world:
// - supervision reminders reach a person by direct message 24 hours and 15 minutes before, in
//   their own time zone (a manual clock);
// - `/peer team show` lists the roster the server gives (the channel's members), with roles,
//   pairings and the escalation settings, and leaves the other bot out;
// - a member who answered a check-in without her name erases her data: the posted digest stays
//   exactly as it was (redrawing it would show, by what changed, which answer was hers).
import { afterEach, describe, expect, it } from 'vitest';
import { featureList } from '../../../src/app.ts';
import { ManualClock, type PeriodicJob } from '../../../src/scheduling/index.ts';
import type { FakePost, FakePostAction } from '../../fakes/mattermost/index.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { type MattermostWorldUnderTest, readable, shown, startMattermostApp } from './support.ts';
import { answerForm } from './support-journeys.ts';

const WAIT = 60_000;
let world: MattermostWorldUnderTest | undefined;
let channel = '';

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/** A channel `peers` with these people (nicknames = usernames, so names read as typed). */
const peopleIn = (names: readonly string[]) => (fake: MattermostWorldUnderTest['fake']) => {
  const room = fake.world.addChannel(fake.world.team.id, 'peers');
  channel = room.id;
  fake.world.joinChannel(room.id, fake.world.bot.id);
  for (const name of names) {
    const user = fake.world.user(name);
    user.nickname = name;
    fake.world.joinChannel(room.id, user.id);
  }
};

/** `/peer <text>` in the team's channel, and the private answer `who` got. */
async function peer(who: string, text: string): Promise<FakePost> {
  const fake = world!.fake;
  const from = fake.posted.size;
  expect((await fake.slash(who, text, { channelId: channel })).status).toBe(200);
  return fake.waitForPost(
    (p) =>
      fake.posted.all().indexOf(p) >= from &&
      (p.ephemeralFor === fake.world.user(who).id || p.channel_id === fake.dmChannelOf(who)),
    `the answer to ${who}'s /peer ${text}`,
    WAIT,
  );
}

describe('team journeys on Mattermost', { timeout: 180_000 }, () => {
  it('reminds of a supervision session 24 h and 15 min before, in the person’s own zone', async () => {
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    let jobs: PeriodicJob[] = [];
    world = await startMattermostApp({
      clock,
      features: (deps) => {
        const list = featureList(deps);
        jobs = list.flatMap((feature) => feature.jobs ?? []);
        return list;
      },
      before: peopleIn(['sam', 'riley']),
    });
    const { fake, app } = world;
    const runJobs = () => Promise.all(jobs.map((job) => job.run({ instanceId: 'e2e', now: clock.now() })));
    await fake.slash('sam', 'setup timezone:Europe/Berlin name:Harbor', { channelId: channel });
    await fake.waitForPost(
      (p) => p.channel_id === channel && p.message.includes('now the team'),
      'set-up',
      WAIT,
    );
    expect(shown(await peer('sam', 'team role user:@sam role:supervisor'))).toContain('now a supervisor');
    expect(readable(await peer('riley', 'timezone zone:America/New_York'))).toContain('America/New_York');
    expect(
      shown(
        await peer(
          'sam',
          'supervision new title:"Group supervision" date:2026-03-02 time:18:00 length:90 timezone:Europe/Berlin count:3',
        ),
      ),
    ).toContain('is planned: 3 sessions');
    const post = await fake.waitForPost(
      (p) => p.channel_id === channel && !p.ephemeralFor && shown(p).includes('Going 0'),
      'the session post',
      WAIT,
    );
    const going = (a: FakePostAction) => a.name.startsWith('Going');
    expect((await fake.press('riley', post.id, going)).status).toBe(200);
    await fake.waitForPost(
      (p) => p.id === post.id && p.message.includes('Going 1'),
      'the patched count',
      WAIT,
    );

    const dm = fake.dmChannelOf('riley');
    const reminders = () =>
      fake.posted.all().filter((p) => p.channel_id === dm && p.message.includes('gentle reminder'));
    clock.advanceTo('2026-03-01T16:59:00Z');
    await runJobs();
    clock.advanceTo('2026-03-01T17:00:00Z');
    await runJobs();
    const dayBefore = await fake.waitForPost(
      (p) => p.channel_id === dm && p.message.includes('gentle reminder'),
      'the reminder a day before',
      WAIT,
    );
    expect(dayBefore.message).toContain('Mon 2 Mar 2026, 12:00–13:30 (America/New');
    expect(reminders()).toHaveLength(1);
    clock.advanceTo('2026-03-02T16:45:00Z');
    await runJobs();
    await fake.waitForPost(
      (p) => p.channel_id === dm && p.message.includes('in 15 minutes'),
      '15 minutes',
      WAIT,
    );
    await runJobs();
    expect(reminders()).toHaveLength(2);
    expect(await app.storage.db.prisma.rsvp.count({ where: { response: 'yes' } })).toBe(1);
  });

  it('shows the roster the server lists, with roles and pairings, in /peer team show', async () => {
    world = await startMattermostApp({
      before: (fake) => {
        peopleIn(['alice', 'sam', 'maya', 'lee'])(fake);
        fake.world.joinChannel(channel, fake.world.addUser('helper-bot', { is_bot: true }).id);
      },
    });
    const { fake } = world;
    await fake.slash('alice', 'setup name:Peers', { channelId: channel });
    await fake.waitForPost(
      (p) => p.channel_id === channel && p.message.includes('now the team'),
      'set-up',
      WAIT,
    );
    await peer('alice', 'team role user:@sam role:supervisor');
    await peer('alice', 'team supervisor member:@maya supervisor:@sam');
    await peer('alice', 'team supervisor member:@lee supervisor:@sam');
    await peer('alice', 'checkin roster');
    await peer('alice', 'team escalation after:3h urgent:20m');
    const text = shown(await peer('maya', 'team show'));
    expect(text).toContain('Team "Peers"');
    expect(text).toContain('maya (member) — primary: sam');
    expect(text).toContain('sam (supervisor, member)');
    expect(text).toContain('lee (member) — primary: sam');
    expect(text).toMatch(/alice \(admin, member\)/);
    expect(text).not.toContain('helper-bot');
    expect(text).toContain('3 hours (20 minutes for');
  });

  it('leaves the posted digest exactly as it was when a member who answered erases her data', async () => {
    const checkinJobs = checkinJobsOnTestScheduler();
    world = await startMattermostApp({
      features: checkinJobs.features,
      before: peopleIn(['sam', 'ana', 'ben']),
    });
    const { fake, app } = world;
    const prisma = app.storage.db.prisma;
    await fake.slash('sam', 'setup name:Harbor', { channelId: channel });
    await fake.waitForPost(
      (p) => p.channel_id === channel && p.message.includes('now the team'),
      'set-up',
      WAIT,
    );
    await checkinJobs.scheduler(prisma).tick();
    await fake.slash('sam', 'checkin now', { channelId: channel });
    const prompt = await fake.waitForPost(
      (p) => p.channel_id === fake.dmChannelOf('ana') && shown(p).includes('Remind me in an hour'),
      "ana's prompt",
      WAIT,
    );
    await answerForm(fake, 'ana', prompt, 'Answer', {
      q1: '4',
      'q1-who': 'anonymous',
      q2: 'A client laughed at my terrible joke',
      'q2-who': 'anonymous',
    });
    await fake.waitForPost(
      (p) => p.channel_id === fake.dmChannelOf('ana') && /thank/i.test(p.message),
      'thanks',
      WAIT,
    );
    await fake.slash('sam', 'checkin close', { channelId: channel });
    const digest = await fake.waitForPost(
      (p) => p.channel_id === channel && !p.ephemeralFor && p.message.includes('the digest'),
      'digest',
      WAIT,
    );
    const digestRow = () =>
      prisma.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'checkin-digest:' } } });
    const before = (await digestRow()).payload;
    const patchesBefore = fake.calls
      .all()
      .filter((c) => c.path === `/api/v4/posts/${digest.id}/patch`).length;

    const confirm = await peer('ana', 'privacy erase');
    expect(shown(confirm)).toContain('Erase your data?');
    const done = fake.waitForPost((p) => shown(p).includes('your data is erased'), 'erased', WAIT);
    expect(
      (
        await fake.press(
          'ana',
          confirm.id,
          (a: FakePostAction) => a.integration?.context?.a === 'privacy:erase',
        )
      ).status,
    ).toBe(200);
    await done;
    // Ana shared nothing under her name, so there is nothing to take back.
    expect(fake.calls.all().filter((c) => c.path === `/api/v4/posts/${digest.id}/patch`)).toHaveLength(
      patchesBefore,
    );
    expect(fake.world.posts.get(digest.id)?.message).toBe(digest.message);
    expect((await digestRow()).payload).toBe(before);
  });
});
