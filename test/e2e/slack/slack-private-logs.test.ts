// Issue 21: "logs link people to private acts". The whole app on Slack (the real Bolt against the
// fake Slack) with the production logger (JSON, info level, request ids from the lifecycle's
// mixin) writing into the test. A member raises a flag, answers a self-care prompt "it was
// heavy", answers a check-in and adds an anonymous agenda topic; another skips the check-in.
// No log line names either of them (user id, display name or their direct conversation), none
// carries the flag's level, and no request id joins a private act to a line that names them.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { createLogger } from '../../../src/logger.ts';
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

const TEAM = 'C0LOGS00001';
const sam: SlackActor = { userId: 'U0SAMLOGS01', userName: 'SamLogsLead' };
const ana: SlackActor = { userId: 'U0ANALOGS01', userName: 'AnaLogsMember' };
const ben: SlackActor = { userId: 'U0BENLOGS01', userName: 'BenLogsMember' };

type Line = Record<string, unknown>;
const lines: Line[] = [];
let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  for (const p of [sam, ana, ben]) fake.setUser(p.userId, { name: p.userName, displayName: p.userName });
  fake.setChannelMembers(TEAM, [sam.userId, ana.userId, ben.userId]);
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const port = await freePort();
  app = await startTestApp(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    },
    { logger: createLogger({ level: 'info', format: 'json', levelGiven: true }, stream) },
  );
  sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

async function resending<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return send();
  }
}
const command = (actor: SlackActor, text: string) =>
  resending(() => sender.slashCommand({ command: '/peer', text, channelId: TEAM, actor }));
const interactive = (payload: unknown) => resending(() => sender.interactive(payload));

/** Waits until someone was told `words` (privately, by response URL, ephemeral or DM). */
async function told(words: string, from = 0): Promise<SlackCall> {
  let found: SlackCall | undefined;
  await vi.waitFor(
    () => {
      found = fake
        .calls()
        .slice(from)
        .find(
          (c) =>
            ['response_url', 'chat.postEphemeral', 'chat.postMessage', 'chat.update'].includes(c.method) &&
            shownText(c).includes(words),
        );
      expect(found, `nobody was told "${words}"`).toBeDefined();
    },
    { timeout: 10_000, interval: 50 },
  );
  return found as SlackCall;
}

function button(call: SlackCall, actionId: string): string {
  const blocks = (call.args.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
  const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value;
  if (!value) throw new Error(`no ${actionId} button`);
  return value;
}

const inDm = (actor: SlackActor, prompt?: SlackCall) => ({
  ts: String((prompt?.response as { ts?: string } | undefined)?.ts ?? '1700000000.000100'),
  channelId: fake.dmChannelFor(actor.userId),
});

/** Runs a private act and returns the log lines it wrote. */
async function act(work: () => Promise<unknown>): Promise<Line[]> {
  const from = lines.length;
  await work();
  return lines.slice(from);
}

describe('logs of private acts on Slack', () => {
  it('name nobody, carry no flag level, and share no request id with a line that names the actor', async () => {
    // Set-up, by the lead: a team, a supervisor for ana, a group session ahead.
    await command(sam, 'setup name:Harbor timezone:Europe/Berlin');
    await told('now the team');
    await command(sam, `team role user:<@${sam.userId}> role:supervisor`);
    await told('now a supervisor');
    await command(sam, `team supervisor member:<@${ana.userId}> supervisor:<@${sam.userId}>`);
    await told('primary supervisor for');
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await command(
      sam,
      `supervision new title:"Group supervision" date:${date} time:18:00 length:90 timezone:Europe/Berlin count:2`,
    );
    await told('is planned');

    const privateActs: Line[] = [];
    // A flag.
    privateActs.push(
      ...(await act(async () => {
        const opened = fake.calls('views.open').length;
        await command(ana, 'flag');
        await waitForCalls(fake, 'views.open', opened + 1);
        await interactive(
          viewSubmissionPayload({
            view: fake.openedView('flags:submit'),
            actor: ana,
            answers: { level: 'talk-now', wish: 'talk-now', note: 'LOG-FLAG-NOTE' },
            urls: fake,
          }),
        );
        await told('went privately to');
      })),
    );
    // A self-care answer: "it was heavy".
    privateActs.push(
      ...(await act(async () => {
        const from = fake.calls().length;
        await interactive(
          blockActionsPayload({
            actionId: 'selfcare:heavy',
            value: 'nudge',
            actor: ana,
            message: inDm(ana),
            urls: fake,
          }),
        );
        await told('Thank you for noticing', from);
      })),
    );
    // A check-in: ana answers, ben skips.
    await command(sam, 'checkin now');
    const prompts = await waitForCalls(fake, 'chat.postMessage', 3, (c) =>
      shownText(c).includes('Remind me in an hour'),
    );
    const promptFor = (actor: SlackActor) =>
      prompts.find((c) => c.args.channel === fake.dmChannelFor(actor.userId)) as SlackCall;
    privateActs.push(
      ...(await act(async () => {
        const opened = fake.calls('views.open').length;
        await interactive(
          blockActionsPayload({
            actionId: 'checkins:answer',
            value: button(promptFor(ana), 'checkins:answer'),
            actor: ana,
            message: inDm(ana, promptFor(ana)),
            urls: fake,
          }),
        );
        await waitForCalls(fake, 'views.open', opened + 1);
        const from = fake.calls().length;
        await interactive(
          viewSubmissionPayload({
            view: fake.openedView('checkins:answer'),
            actor: ana,
            answers: { q1: '2', 'q1-who': 'anonymous', q3: 'LOG-ANSWER', 'q3-who': 'supervisor' },
            urls: fake,
          }),
        );
        await told('Thank you for checking in', from);
      })),
      ...(await act(async () => {
        const from = fake.calls().length;
        await interactive(
          blockActionsPayload({
            actionId: 'checkins:skip',
            value: button(promptFor(ben), 'checkins:skip'),
            actor: ben,
            message: inDm(ben, promptFor(ben)),
            urls: fake,
          }),
        );
        await told('Skipped, no problem', from);
      })),
    );
    // An anonymous agenda topic.
    privateActs.push(
      ...(await act(async () => {
        const from = fake.calls().length;
        await command(ana, 'supervision topic anonymous:yes LOG-TOPIC');
        await told('anonymously', from);
      })),
    );

    // The acts were logged (the router answers each event with a line)...
    expect(
      privateActs.filter((l) => String(l.event).startsWith('chat.event.')).length,
    ).toBeGreaterThanOrEqual(6);
    expect(privateActs.some((l) => l.event === 'flags.raised')).toBe(true);
    // ...and none of their lines names who acted, nor the flag's level, nor what was written.
    const names = (actor: SlackActor) => [actor.userId, actor.userName, fake.dmChannelFor(actor.userId)];
    const identities = [...names(ana), ...names(ben)];
    for (const line of privateActs) {
      const text = JSON.stringify(line);
      for (const identity of identities)
        expect(text, `${line.event} names the actor`).not.toContain(identity);
      expect(text).not.toMatch(/LOG-(FLAG-NOTE|ANSWER|TOPIC)|talk-now|severity/);
    }
    // No request id of a private act appears on any line, in the whole log, that names them.
    const actRequests = new Set(
      privateActs.flatMap((l) => (typeof l.requestId === 'string' ? [l.requestId] : [])),
    );
    expect(actRequests.size).toBeGreaterThanOrEqual(6);
    const naming = lines.filter((l) => identities.some((identity) => JSON.stringify(l).includes(identity)));
    expect(naming.filter((l) => actRequests.has(String(l.requestId)))).toEqual([]);
  }, 120_000);
});
