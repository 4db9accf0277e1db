// Issue 21's live repros of "anonymous answers shown with their author's name", on Mattermost
// (the real @mattermost/client against the fake server), as the Slack twin replays them: a round
// with answers as they come ("live" digest), where members mix "the team", "the team, without my
// name" and "only my supervisor", and one member replaces a named answer with the same words
// without her name. What reached the channel: each named answer alone in its own post; nothing
// anonymous until the closing digest; the replaced post patched, no nameless copy added; the
// digest with the anonymous answers in the order of their words and no name at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePost } from '../../fakes/mattermost/index.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { type MattermostWorldUnderTest, shown, startMattermostApp } from './support.ts';
import { answerParts } from './support-journeys.ts';

const WAIT = 60_000;
const people = { sam: 'SamLead', ana: 'AnaMorales', ben: 'BenOkafor', cal: 'CalNguyen' } as const;
type Person = keyof typeof people;
// A member is named by their Mattermost nickname or username (whichever the server gave last).
const names = [...Object.values(people), ...Object.keys(people).map((u) => `**${u}**`)];
const namedAna = /AnaMorales|\*\*ana\*\*/;
let world: MattermostWorldUnderTest;
let team = '';
const checkinJobs = checkinJobsOnTestScheduler();

beforeAll(async () => {
  world = await startMattermostApp({
    features: checkinJobs.features,
    before: (fake) => {
      const room = fake.world.addChannel(fake.world.team.id, 'harbor');
      team = room.id;
      fake.world.joinChannel(team, fake.world.bot.id);
      for (const [username, nickname] of Object.entries(people)) {
        const user = fake.world.user(username);
        user.nickname = nickname;
        fake.world.joinChannel(team, user.id);
      }
    },
  });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

const userId = (who: Person) => world.fake.world.user(who).id;
const dialogsOf = (who: Person) => world.fake.world.dialogs.filter((d) => d.user_id === userId(who)).length;

/** The next post only `who` sees saying `words`. */
function toldLater(who: Person, words: string) {
  const { fake } = world;
  const from = fake.posted.size;
  return () =>
    fake.waitForPost(
      (p) =>
        fake.posted.all().indexOf(p) >= from &&
        (p.ephemeralFor === userId(who) || p.channel_id === fake.dmChannelOf(who)) &&
        shown(p).includes(words),
      `${who} told "${words}"`,
      WAIT,
    );
}

/** Presses Answer on the prompt and answers the form, part after part. */
async function answer(who: Person, prompt: FakePost, answers: Record<string, unknown>, thanks: string) {
  const { fake } = world;
  const told = toldLater(who, thanks);
  const opened = dialogsOf(who);
  // The prompt as it was sent (its Answer button), even after the bot changed it.
  expect((await fake.press(who, prompt, 'Answer')).status).toBe(200);
  await answerParts(fake, who, opened, answers);
  await told();
}

describe('anonymity of check-in answers on Mattermost', { timeout: 180_000 }, () => {
  it('posts named answers alone, patches a replaced one, and keeps anonymous ones for the closing digest', async () => {
    const { fake, app } = world;
    expect(
      (await fake.slash('sam', 'setup name:Harbor timezone:Europe/Berlin', { channelId: team })).status,
    ).toBe(200);
    await fake.waitForPost(
      (p) => p.channel_id === team && p.message.includes('now the team'),
      'set-up',
      WAIT,
    );
    await checkinJobs.scheduler(app.storage.db.prisma).tick();
    const saved = toldLater('sam', 'Saved');
    const opened = dialogsOf('sam');
    await fake.slash('sam', 'checkin setup', { channelId: team });
    await answerParts(fake, 'sam', opened, {
      name: 'Live circle',
      questions: 'scale: How are you arriving?\nOne thing that went well\nWhat is weighing on you?',
      when: 'none',
      clock: 'team',
      hours: '8',
      digest: 'live',
    });
    await saved();

    await fake.slash('sam', 'checkin now', { channelId: team });
    const promptFor = (who: Person) =>
      fake.waitForPost(
        (p) => p.channel_id === fake.dmChannelOf(who) && shown(p).includes('Remind me in an hour'),
        `${who}'s prompt`,
        WAIT,
      );
    const channelPosts = () => fake.posted.all().filter((p) => p.channel_id === team && !p.ephemeralFor);

    // Ana: her mood and a win under her name, a worry without it.
    const anaPrompt = await promptFor('ana');
    await answer(
      'ana',
      anaPrompt,
      {
        q1: '4',
        'q1-who': 'team',
        q2: 'ANA-WIN a quiet shift',
        'q2-who': 'team',
        q3: 'ANA-ANON rent',
        'q3-who': 'anonymous',
      },
      'Thank you for checking in',
    );
    const anaPost = await fake.waitForPost(
      (p) => p.channel_id === team && !p.ephemeralFor && p.message.includes('ANA-WIN'),
      "ana's named post",
      WAIT,
    );
    expect(anaPost.message).toMatch(namedAna);
    expect(anaPost.message).not.toContain('ANA-ANON');

    // Then she replaces it: the same win, now without her name.
    const patches = () => fake.calls.all().filter((c) => c.path === `/api/v4/posts/${anaPost.id}/patch`);
    await answer(
      'ana',
      anaPrompt,
      { q1: '4', 'q1-who': 'anonymous', q2: 'ANA-WIN a quiet shift', 'q2-who': 'anonymous' },
      'replaces the one you gave before',
    );
    await fake.waitForPost(
      (p) => p.id === anaPost.id && !p.message.includes('ANA-'),
      'the post patched',
      WAIT,
    );
    expect(patches().length).toBeGreaterThan(0);
    expect(fake.world.posts.get(anaPost.id)?.message).not.toMatch(/ANA-/);
    expect(fake.world.posts.get(anaPost.id)?.message).not.toMatch(namedAna);

    // Ben: a named win, an anonymous worry, and something for his supervisor only.
    await answer(
      'ben',
      await promptFor('ben'),
      {
        q2: 'BEN-WIN a good walk',
        'q2-who': 'team',
        q3: 'BEN-ANON sleep',
        'q3-who': 'anonymous',
        q1: '2',
        'q1-who': 'supervisor',
      },
      'Thank you for checking in',
    );
    await fake.waitForPost((p) => p.channel_id === team && p.message.includes('BEN-WIN'), "ben's post", WAIT);
    // Cal: only without a name.
    await answer(
      'cal',
      await promptFor('cal'),
      { q3: 'CAL-ANON money', 'q3-who': 'anonymous' },
      'Thank you for checking in',
    );

    // Before the close, nothing anonymous reached the channel, and ana's words had one post.
    for (const post of channelPosts()) expect(shown(post)).not.toMatch(/-ANON|supervisor only/);
    expect(
      new Set(
        channelPosts()
          .filter((p) => p.message.includes('ANA-WIN'))
          .map((p) => p.id),
      ).size,
    ).toBe(1);

    await fake.slash('sam', 'checkin close', { channelId: team });
    const digest = await fake.waitForPost(
      (p) => p.channel_id === team && !p.ephemeralFor && p.message.includes('the digest'),
      'digest',
      WAIT,
    );
    const text = shown(digest);
    expect(text).toContain('3 people took part');
    // By their words, not by who answered when (cal answered last; ana's replaced win first).
    expect(text).toMatch(/ANA-WIN[\s\S]*BEN-ANON[\s\S]*CAL-ANON/);
    expect(text).not.toContain('BEN-WIN');
    for (const name of names) expect(text).not.toContain(name);
    for (const who of Object.keys(people) as Person[]) expect(text).not.toContain(userId(who));
    // No channel post, nor any version of one, holds a name beside an anonymous answer.
    for (const post of channelPosts()) {
      const seen = shown(post);
      if (post.id === digest.id) continue;
      if (/ANA-WIN/.test(seen)) expect(seen).toMatch(namedAna);
      expect(seen, 'anonymous words outside the digest').not.toMatch(/-ANON/);
    }
  });
});
