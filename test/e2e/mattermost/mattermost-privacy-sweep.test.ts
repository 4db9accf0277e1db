// The privacy sweep on Mattermost: the whole app through the real @mattermost/client against the
// fake server, with the production logger at its most talkative (JSON, trace). A member writes
// private text, each with a unique marker, in every feature that keeps some: a check-in answer
// for her supervisor only, a flag note, a wellness plan section, an agenda topic, a resource
// suggestion. Then every call the bot made to Mattermost is swept: a marker may travel only
// where no one but an allowed reader sees it (an ephemeral post for them, their direct
// channel with the bot, a dialog opened for them, a file in their direct channel); every log
// line, at every level, carries none. Her export (a file in her direct channel) holds them all,
// and after her erase no table holds any of them, not even encrypted.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';
import type { FakePostAction, MattermostCall } from '../../fakes/mattermost/index.ts';
import { everyRowDecrypted } from '../../features/privacy/support.ts';
import { type MattermostWorldUnderTest, shown, startMattermostApp } from './support.ts';
import { answerForm, answerParts } from './support-journeys.ts';

const WAIT = 30_000;
const secret = {
  answer: 'MMP-ANSWER-4c1 my sister is in hospital',
  flag: 'MMP-FLAG-77e a client sounded like my father',
  plan: 'MMP-PLAN-0b9 walk the dog before work',
  topic: 'MMP-TOPIC-d52 my own relapse',
  suggestion: 'MMP-SUGGEST-a13 Blakes Grief Circle',
};
/** Who may read each marker (usernames); everyone else, and every log line, must never see it. */
const readers: Record<keyof typeof secret, readonly string[]> = {
  answer: ['ana', 'sam'],
  flag: ['ana', 'sam'],
  plan: ['ana'],
  topic: ['ana', 'sam'],
  suggestion: ['ana', 'sam', 'wanda'],
};

type Line = Record<string, unknown>;
const lines: Line[] = [];
let world: MattermostWorldUnderTest;
let team = '';

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  world = await startMattermostApp({
    logger: createLogger({ level: 'trace', format: 'json', levelGiven: true }, stream),
    before: (fake) => {
      const channel = fake.world.addChannel(fake.world.team.id, 'harbor');
      team = channel.id;
      fake.world.user('wanda').roles = 'system_user system_admin';
      for (const id of [fake.world.bot.id, ...['sam', 'ana', 'ben'].map((n) => fake.world.user(n).id)])
        fake.world.joinChannel(team, id);
    },
  });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

const userId = (name: string) => world.fake.world.user(name).id;

async function peer(who: string, text: string): Promise<void> {
  expect((await world.fake.slash(who, text, { channelId: team })).status).toBe(200);
}

/** The next post `who` alone sees (ephemeral for them, or in their direct channel) saying `words`. */
function nextTo(who: string, words: string) {
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

/** The dialog `act` opens for `who`: at once, or (its trigger gone stale) through its button. */
async function dialogAfter(who: string, act: () => Promise<void>) {
  const { fake } = world;
  const before = fake.world.dialogs.filter((d) => d.user_id === userId(who)).length;
  const button = nextTo(who, 'is ready for you');
  await act();
  return fake.waitForDialog(who, before, 5_000).catch(async () => {
    await fake.press(who, (await button()).id, 'Open the form');
    return fake.waitForDialog(who, before, WAIT);
  });
}

/** A call's body as text, file parts decoded (an upload's bytes are what people read). */
function bodyText(call: MattermostCall): string {
  const decode = (value: unknown): unknown =>
    value instanceof Uint8Array
      ? new TextDecoder().decode(value)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]))
        : value;
  return JSON.stringify(decode(call.body) ?? null);
}

/** The people who see what this call carries, as the server would show it. */
function audienceOf(call: MattermostCall): string[] | 'anyone' {
  const { world: w } = world.fake;
  const body = (call.body ?? {}) as Record<string, unknown>;
  const members = (channelId: unknown) => [...(w.channels.get(String(channelId))?.members ?? [])];
  if (call.path === '/api/v4/posts/ephemeral') return [String(body.user_id)];
  if (call.path === '/api/v4/posts' || call.path === '/api/v4/files') {
    const channel = w.channels.get(String(body.channel_id));
    return channel?.type === 'D' ? members(channel.id) : 'anyone';
  }
  if (call.path === '/api/v4/actions/dialogs/open')
    return [w.triggers.get(String(body.trigger_id))?.userId ?? 'unknown'];
  const patched = /^\/api\/v4\/posts\/(\w+)\/patch$/.exec(call.path)?.[1];
  if (patched) {
    const channel = w.channels.get(w.posts.get(patched)?.channel_id ?? '');
    return channel?.type === 'D' ? members(channel.id) : 'anyone';
  }
  return call.method === 'GET' ? [] : 'anyone';
}

describe('the privacy sweep on Mattermost', () => {
  it('private text travels only to its readers, is in no log line, and is gone after the erase', async () => {
    const { fake, app } = world;
    // Set-up: a team, sam supervises ana, a group session ahead.
    const ready = nextTo('sam', 'primary supervisor for');
    await peer('sam', 'setup name:Harbor timezone:Europe/Berlin region:US');
    await fake.waitForPost(
      (p) => p.channel_id === team && p.message.includes('now the team'),
      'set-up',
      WAIT,
    );
    await peer('sam', 'team role user:@sam role:supervisor');
    await fake.waitForPost((p) => p.message.includes('is now a supervisor'), 'role', WAIT);
    await peer('sam', 'team supervisor member:@ana supervisor:@sam');
    await ready();
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const planned = nextTo('sam', 'is planned');
    await peer(
      'sam',
      `supervision new title:"Group supervision" date:${date} time:18:00 length:90 timezone:Europe/Berlin count:2`,
    );
    await planned();

    // A check-in answer for her supervisor only.
    const prompt = nextTo('ana', 'Remind me in an hour');
    await peer('sam', 'checkin now');
    const thanks = nextTo('ana', 'Thank you');
    await answerForm(fake, 'ana', await prompt(), 'Answer', {
      q1: '2',
      'q1-who': 'supervisor',
      q3: secret.answer,
      'q3-who': 'supervisor',
    });
    await thanks();

    // A flag with a note, which sam opens.
    const notice = nextTo('sam', 'A private flag from');
    const flagged = nextTo('ana', 'went privately to');
    const dialog = await dialogAfter('ana', () => peer('ana', 'flag'));
    await fake.submitDialog(dialog, { level: 'talk-now', wish: 'talk-now', note: secret.flag });
    await flagged();
    const opened = nextTo('sam', 'MMP-FLAG');
    expect((await fake.press('sam', (await notice()).id, 'Open')).status).toBe(200);
    expect((await opened()).ephemeralFor).toBe(userId('sam'));

    // A wellness plan section.
    const plan = nextTo('ana', 'Your wellness plan');
    await peer('ana', 'plan');
    const saved = nextTo('ana', secret.plan);
    await answerForm(
      fake,
      'ana',
      await plan(),
      (a: FakePostAction) => a.name.startsWith('Edit:') && a.integration?.context?.v === 'daily',
      { text: secret.plan },
    );
    await saved();

    // An agenda topic and a resource suggestion.
    const topic = nextTo('ana', 'Added with your name');
    await peer('ana', `supervision topic ${secret.topic}`);
    await topic();
    const suggested = nextTo('ana', 'I will tell you what');
    const before = fake.world.dialogs.filter((d) => d.user_id === userId('ana')).length;
    await peer('ana', 'resources suggest');
    const parts = await answerParts(fake, 'ana', before, {
      title: secret.suggestion,
      category: 'peer-support-organisation',
      summary: 'A circle I run.',
      contacts: 'web: https://circle.example.org',
      regions: 'US',
      tags: 'grief',
    });
    expect(parts[0]?.dialog.callback_id).toBe('resources:suggest-form');
    await suggested();
    expect(await app.storage.db.prisma.resourceSuggestion.count()).toBe(1);

    // Her export arrives as a file in her direct channel and holds every marker.
    const exported = nextTo('ana', 'as a file in a direct message');
    await peer('ana', 'privacy export');
    await exported();
    const file = [...fake.world.files.values()].filter((f) => f.channelId === fake.dmChannelOf('ana')).at(-1);
    const data = new TextDecoder().decode(file?.bytes);
    for (const value of Object.values(secret)) expect(data).toContain(value.split(' ')[0]);

    // Every call to Mattermost: a marker only where its readers alone see it.
    const calls = fake.calls.all();
    expect(calls.length).toBeGreaterThan(30);
    for (const [name, value] of Object.entries(secret) as [keyof typeof secret, string][]) {
      const marker = value.split(' ')[0] ?? value;
      const allowed = new Set([...readers[name].map(userId), fake.world.bot.id]);
      const carrying = calls.filter((c) => bodyText(c).includes(marker));
      expect(carrying.length, `${name} reached its reader`).toBeGreaterThan(0);
      for (const call of carrying) {
        const audience = audienceOf(call);
        expect(audience, `${name} in ${call.method} ${call.path}`).not.toBe('anyone');
        expect(
          (audience as string[]).filter((id) => !allowed.has(id)),
          `${name} seen by someone else through ${call.method} ${call.path}`,
        ).toEqual([]);
      }
    }
    // No post in the team's channel carries any of it.
    for (const post of fake.postsIn(team).filter((p) => !p.ephemeralFor))
      for (const value of Object.values(secret)) expect(shown(post)).not.toContain(value.split(' ')[0]);

    // Then the erase, confirmed by her press.
    const confirm = nextTo('ana', 'Yes, erase it');
    await peer('ana', 'privacy erase');
    const erased = nextTo('ana', 'your data is erased');
    expect(
      (
        await fake.press(
          'ana',
          (
            await confirm()
          ).id,
          (a: FakePostAction) => a.integration?.context?.a === 'privacy:erase',
        )
      ).status,
    ).toBe(200);
    await erased();
    const left = (await everyRowDecrypted(app.storage.db.prisma, app.storage.cipher)).filter((r) =>
      Object.values(secret).some((value) => r.row.includes(value.split(' ')[0] ?? value)),
    );
    expect(left.map((r) => r.table)).toEqual([]);

    // And not one log line, at any level, carried any of it.
    // (The app logs at info and above; the logger runs at trace so a debug line would count too.)
    const events = lines.map((l) => l.event);
    expect(events.filter((e) => e === 'chat.event.handled').length).toBeGreaterThanOrEqual(10);
    expect(events).toEqual(expect.arrayContaining(['flags.raised', 'privacy.erased', 'outbox.delivered']));
    const raised = lines.find((l) => l.event === 'flags.raised');
    expect(JSON.stringify(raised)).not.toMatch(new RegExp(`${userId('ana')}|talk-now`));
    const leaking = lines.filter((l) => /MMP-(ANSWER|FLAG|PLAN|TOPIC|SUGGEST)/.test(JSON.stringify(l)));
    expect(leaking).toEqual([]);
  }, 240_000);
});
