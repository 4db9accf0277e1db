// Spanish on Slack, end to end (issue 24): the real Bolt against the fake Slack. Lucía's Slack
// language is Latin American Spanish (users.info with include_locale says es-LA); Sam's is
// English. One round gives each their own prompt in their own language while the team channel
// gets the team's (English); Lucía answers "in a hard place", flags, and looks for crisis lines,
// all in Spanish, with the lines that answer in Spanish first; `/peer help` follows each reader.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import type { Scheduler } from '../../../src/scheduling/index.ts';
import {
  blockActionsPayload,
  type FakeSlackApi,
  type SlackActor,
  type SlackCall,
  type SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { type SlackWorld, startSlackWorld } from '../../support/slack-world.ts';
import { shownText, waitForCalls } from './support.ts';

const TEAM = 'C0SPANISH01';
const sam: SlackActor = { userId: 'U0SAMES0001', userName: 'sam' };
const lucia: SlackActor = { userId: 'U0LUCIA0001', userName: 'lucia' };

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
let scheduler: Scheduler;
let world: SlackWorld;
const checkinJobs = checkinJobsOnTestScheduler();

// Each test has a world of its own: a fresh fake Slack and the app on a fresh database, with the
// Faro team set up and its roster read once (users.info with include_locale).
beforeEach(async () => {
  world = await startSlackWorld({
    users: {
      [sam.userId]: { name: 'sam', displayName: 'Sam', locale: 'en-US' },
      [lucia.userId]: { name: 'lucia', displayName: 'Lucía', locale: 'es-LA' },
    },
    channelMembers: { [TEAM]: [sam.userId, lucia.userId] },
    features: checkinJobs.features,
  });
  ({ fake, app, sender } = world);
  scheduler = checkinJobs.scheduler(app.storage.db.prisma);
  await command(sam, 'setup name:Faro region:US');
  await fake.waitForCall(
    'chat.postMessage',
    (c) => c.args.channel === TEAM && shownText(c).includes('now the team'),
  );
  await scheduler.tick();
}, 120_000);

afterEach(async () => {
  await world?.stop();
});

const command = (actor: SlackActor, text: string) =>
  sender.slashCommand({ command: '/peer', text, channelId: TEAM, actor });
const dmOf = (actor: SlackActor) => (call: SlackCall) =>
  call.args.channel === fake.dmChannelFor(actor.userId);

function buttonValue(call: SlackCall, actionId: string): string {
  const blocks = (call.args.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId && e.value);
  if (!button?.value) throw new Error(`no ${actionId} button in ${JSON.stringify(call.args.blocks)}`);
  return button.value;
}

describe('Spanish on Slack, end to end', () => {
  it('reads each member’s Slack language with the roster', async () => {
    // The set-up and the roster read are the beforeEach's.
    expect(fake.calls('users.info').some((c) => String(c.args.include_locale) === 'true')).toBe(true);
    const members = await app.storage.db.prisma.member.findMany({ orderBy: { platformUserId: 'asc' } });
    expect(members.map((m) => [m.platformUserId, m.platformLocale])).toEqual([
      [lucia.userId, 'es-LA'],
      [sam.userId, 'en-US'],
    ]);
  });

  it('sends each member the round in their own language; the channel gets the team’s', async () => {
    await command(sam, 'checkin now');
    const prompts = await waitForCalls(fake, 'chat.postMessage', 2, (c) =>
      [sam, lucia].some((p) => dmOf(p)(c)),
    );
    const toLucia = prompts.find(dmOf(lucia)) as SlackCall;
    const toSam = prompts.find(dmOf(sam)) as SlackCall;
    expect(shownText(toLucia)).toContain('¿cómo llegas hoy?');
    expect(shownText(toLucia)).toContain('Recuérdamelo en una hora');
    expect(shownText(toLucia)).not.toContain('Remind me in an hour');
    expect(shownText(toSam)).toContain('Remind me in an hour');
    const note = await fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === TEAM && shownText(c).includes('is open'),
    );
    expect(shownText(note)).toContain('a check-in is open');

    // The answer form, then "in a hard place": the reply and the crisis lines in Spanish.
    await sender.interactive(
      blockActionsPayload({
        actionId: 'checkins:answer',
        value: buttonValue(toLucia, 'checkins:answer'),
        actor: lucia,
        message: {
          ts: String((toLucia.response as { ts: string }).ts),
          channelId: fake.dmChannelFor(lucia.userId),
        },
        urls: fake,
      }),
    );
    const form = await fake.waitForCall('views.open', (c) =>
      shownText(c).includes('¿Quién ve esta respuesta?'),
    );
    expect(shownText(form)).toContain('¿Cómo llegas hoy?');
    expect(shownText(form)).toContain('en un momento muy difícil');
    await sender.interactive(
      viewSubmissionPayload({
        view: fake.openedView('checkins:answer'),
        answers: { q1: '1', 'q1-who': 'team' },
        actor: lucia,
        urls: fake,
      }),
    );
    const hard = await fake.waitForCall('chat.postMessage', (c) =>
      shownText(c).includes('No tienes que cargarlo en soledad'),
    );
    const shown = shownText(hard);
    expect(shown).toContain('Si quieres hablar con alguien ahora');
    // Lines that answer in Spanish lead; the English-only Crisis Text Line comes after them.
    expect(shown).toContain('en español');
    const spanishAt = Math.min(
      ...['988 Lifeline en español', 'Crisis Text Line en español']
        .map((t) => shown.indexOf(t))
        .filter((i) => i >= 0),
    );
    const englishOnly = shown.indexOf('text 741741 (text HOME)');
    expect(spanishAt).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(englishOnly === -1 || englishOnly > spanishAt, shown).toBe(true);
    await fake.waitForCall(
      'chat.postMessage',
      (c) => dmOf(lucia)(c) && shownText(c).includes('Gracias por compartir cómo estás'),
    );
  }, 120_000);

  it('opens the flag form and confirms the flag in Spanish', async () => {
    const opened = fake.calls('views.open').length;
    await command(lucia, 'flag');
    await waitForCalls(fake, 'views.open', opened + 1);
    const form = fake.calls('views.open').at(-1) as SlackCall;
    expect(shownText(form)).toContain('Avisar en privado');
    expect(shownText(form)).toContain('Me está costando mucho');
    // The modal's own close button is Slack's part, and in her language too.
    expect(JSON.stringify(form.args.view)).toContain('Ahora no');
    expect(JSON.stringify(form.args.view)).not.toContain('Not now');
    await sender.interactive(
      viewSubmissionPayload({
        view: fake.openedView('flags:submit'),
        answers: { level: 'struggling', wish: 'talk-today' },
        actor: lucia,
        urls: fake,
      }),
    );
    // A command in the channel is answered privately there (an ephemeral message).
    const confirmed = await fake.waitForCall('chat.postEphemeral', (c) =>
      shownText(c).includes('Gracias por decirlo'),
    );
    expect(shownText(confirmed)).toContain('Si necesitas a alguien ahora mismo');
    expect(shownText(confirmed)).toContain('Un minuto para ti');
  });

  it('answers /peer help in Spanish for Lucía and in English for Sam', async () => {
    await command(lucia, 'help');
    const spanish = await fake.waitForCall('response_url', (c) =>
      shownText(c).includes('En qué te puedo ayudar'),
    );
    expect(shownText(spanish)).toContain('Para todas las personas');
    expect(shownText(spanish)).not.toContain('What I can help with');
    await command(sam, 'help');
    const english = await fake.waitForCall('response_url', (c) =>
      shownText(c).includes('What I can help with'),
    );
    expect(shownText(english)).toContain('For everyone');
  });

  it('says what it could not read in a typed command in Spanish for Lucía, and in English for Sam', async () => {
    // A slash command carries no locale: the router words it, knowing the member.
    await command(lucia, 'chekin');
    const spanish = await fake.waitForCall('response_url', (c) => shownText(c).includes('Quisiste decir'));
    expect(shownText(spanish)).toContain('/peer checkin');
    expect(shownText(spanish)).not.toContain('Did you mean');
    await command(sam, 'chekin');
    const english = await fake.waitForCall('response_url', (c) => shownText(c).includes('Did you mean'));
    expect(shownText(english)).toContain('/peer checkin');
  });

  it('answers /peer find crisis in Spanish, and Sam in English', async () => {
    await command(lucia, 'find crisis');
    const found = await fake.waitForCall('response_url', (c) =>
      shownText(c).includes('Líneas de crisis para US'),
    );
    expect(shownText(found)).toContain('Enviármelo');
    await command(sam, 'find crisis');
    await fake.waitForCall('response_url', (c) => shownText(c).includes('Crisis lines for US'));
  });
});
