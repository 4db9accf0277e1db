// Issue 21's live repros of "anonymous answers shown with their author's name", replayed end to
// end on Slack (the real Bolt against the fake Slack): a round with answers as they come, where
// members mix "the team", "the team, without my name" and "only my supervisor", and one member
// replaces a named answer with the same words without her name. What reached the channel:
// each named answer alone in its own post; nothing anonymous until the closing digest; the
// replaced post edited, no nameless copy added; the digest with the anonymous answers in the
// order of their words and no name at all.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import {
  blockActionsPayload,
  FakeSlackApi,
  type SlackActor,
  type SlackCall,
  SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { BOT_TOKEN, freePort, SIGNING_SECRET, shownText, waitForCalls } from './support.ts';

const TEAM = 'C0ANON00001';
const people = {
  sam: { userId: 'U0SAMANON01', userName: 'SamLead', name: 'SamLead' },
  ana: { userId: 'U0ANAANON01', userName: 'AnaMorales', name: 'AnaMorales' },
  ben: { userId: 'U0BENANON01', userName: 'BenOkafor', name: 'BenOkafor' },
  cal: { userId: 'U0CALANON01', userName: 'CalNovak', name: 'CalNovak' },
} satisfies Record<string, SlackActor & { name: string }>;
type Person = keyof typeof people;
const names = Object.values(people).map((p) => p.name);

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  for (const p of Object.values(people))
    fake.setUser(p.userId, { name: p.userName, displayName: p.name, realName: p.name, tz: 'Europe/Berlin' });
  fake.setChannelMembers(
    TEAM,
    Object.values(people).map((p) => p.userId),
  );
  const port = await freePort();
  app = await startTestApp({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
  });
  sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

/** Bolt closes idle keep-alive sockets after 5 s; a request caught by that is sent again. */
async function resending<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return send();
  }
}
const command = (who: Person, text: string) =>
  resending(() => sender.slashCommand({ command: '/peer', text, channelId: TEAM, actor: people[who] }));
const interactive = (payload: unknown) => resending(() => sender.interactive(payload));

const channelPosts = () =>
  fake.calls('chat.postMessage').filter((c) => c.args.channel === TEAM && !shownText(c).includes('is open'));
const channelEdits = () => fake.calls('chat.update').filter((c) => c.args.channel === TEAM);

function answerButton(prompt: SlackCall): string {
  const blocks = (prompt.args.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
  const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'checkins:answer')?.value;
  if (!value) throw new Error('no Answer button');
  return value;
}

async function answer(who: Person, prompt: SlackCall, answers: Record<string, string>, receipt: string) {
  const opened = fake.calls('views.open').length;
  await interactive(
    blockActionsPayload({
      actionId: 'checkins:answer',
      value: answerButton(prompt),
      actor: people[who],
      message: {
        ts: String((prompt.response as { ts: string }).ts),
        channelId: fake.dmChannelFor(people[who].userId),
      },
      urls: fake,
    }),
  );
  await waitForCalls(fake, 'views.open', opened + 1);
  const said = privately(who, receipt).length;
  await interactive(
    viewSubmissionPayload({
      view: fake.openedView('checkins:answer'),
      answers,
      actor: people[who],
      urls: fake,
    }),
  );
  await vi.waitFor(() => expect(privately(who, receipt).length).toBe(said + 1), {
    timeout: 10_000,
    interval: 50,
  });
}

/** What reached this person privately (ephemeral, response URL or DM) and says `words`. */
function privately(who: Person, words: string): SlackCall[] {
  const dm = fake.dmChannelFor(people[who].userId);
  return fake
    .calls()
    .filter(
      (c) =>
        (c.method === 'chat.postEphemeral' && c.args.user === people[who].userId) ||
        (c.method === 'chat.postMessage' && c.args.channel === dm) ||
        c.method === 'response_url',
    )
    .filter((c) => shownText(c).includes(words));
}

describe('a live round with mixed audiences and a replacement, on Slack', () => {
  it('posts named answers alone, edits a replaced one, and keeps anonymous ones for the closing digest', async () => {
    await command('sam', 'setup name:Harbor timezone:Europe/Berlin');
    await fake.waitForCall('chat.postMessage', (c) => shownText(c).includes('now the team'));
    await command('sam', 'checkin setup');
    await waitForCalls(fake, 'views.open', 1);
    await interactive(
      viewSubmissionPayload({
        view: fake.openedView('checkins:setup'),
        answers: {
          name: 'Live circle',
          questions: 'scale: How are you arriving?\nOne thing that went well\nWhat is weighing on you?',
          when: 'none',
          clock: 'team',
          hours: '8',
          digest: 'live',
        },
        actor: people.sam,
        urls: fake,
      }),
    );
    await vi.waitFor(() => expect(privately('sam', 'Saved')).not.toEqual([]), {
      timeout: 10_000,
      interval: 50,
    });
    await command('sam', 'checkin now');
    const prompts = await waitForCalls(fake, 'chat.postMessage', 4, (c) =>
      shownText(c).includes('Remind me in an hour'),
    );
    const promptFor = (who: Person) =>
      prompts.find((c) => c.args.channel === fake.dmChannelFor(people[who].userId)) as SlackCall;

    // Ana: her mood and a win under her name, a worry without it.
    await answer(
      'ana',
      promptFor('ana'),
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
    const anaPost = await fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === TEAM && shownText(c).includes('ANA-WIN'),
    );
    expect(shownText(anaPost)).toContain('AnaMorales');
    expect(shownText(anaPost)).not.toContain('ANA-ANON');

    // Then she replaces it: the same win, now without her name.
    await answer(
      'ana',
      promptFor('ana'),
      { q1: '4', 'q1-who': 'anonymous', q2: 'ANA-WIN a quiet shift', 'q2-who': 'anonymous' },
      'replaces the one you gave before',
    );
    const edit = await fake.waitForCall(
      'chat.update',
      (c) => c.args.channel === TEAM && c.args.ts === (anaPost.response as { ts: string }).ts,
    );
    expect(shownText(edit)).not.toMatch(/ANA-|AnaMorales/);

    // Ben: a named win, an anonymous worry, and something for his supervisor only.
    await answer(
      'ben',
      promptFor('ben'),
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
    await fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === TEAM && shownText(c).includes('BEN-WIN'),
    );
    // Cal: only without a name.
    await answer(
      'cal',
      promptFor('cal'),
      { q3: 'CAL-ANON money', 'q3-who': 'anonymous' },
      'Thank you for checking in',
    );

    // Before the close, nothing anonymous reached the channel, and ana's words had one post.
    for (const post of [...channelPosts(), ...channelEdits()])
      expect(shownText(post)).not.toMatch(/-ANON|supervisor only/);
    expect(channelPosts().filter((c) => shownText(c).includes('ANA-WIN'))).toHaveLength(1);

    await command('sam', 'checkin close');
    const digest = await fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === TEAM && shownText(c).includes('the digest'),
    );
    const shown = shownText(digest);
    expect(shown).toContain('3 people took part');
    // By their words, not by who answered when (cal answered last; ana's replaced win first).
    expect(shown).toMatch(/ANA-WIN[\s\S]*BEN-ANON[\s\S]*CAL-ANON/);
    expect(shown).not.toContain('BEN-WIN');
    for (const name of names) expect(shown).not.toContain(name);
    // No channel post holds a name beside an anonymous answer, ever.
    for (const post of [...channelPosts(), ...channelEdits()]) {
      const text = shownText(post);
      // The named original is the only other post with ana's win: never a nameless copy.
      if (/ANA-WIN/.test(text) && text !== shown) expect(text).toContain('AnaMorales');
      if (/-ANON/.test(text) && text !== shown) expect.fail(`anonymous words outside the digest: ${text}`);
      if (/-ANON/.test(text)) for (const name of names) expect(text).not.toContain(name);
    }
  }, 120_000);
});
