// Spanish on Mattermost, end to end, as on Slack (issue 24): the real @mattermost/client against
// the fake server. Lucía's Mattermost language (her profile's `locale`) is Spanish; Sam's is
// English. One round gives each their own prompt in their own language while the team channel
// gets the team's (English); Lucía answers "in a hard place", flags, and looks for crisis lines,
// all in Spanish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePost, FakePostAction } from '../../fakes/mattermost/index.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { type MattermostWorldUnderTest, shown, startMattermostApp } from './support.ts';
import { answerForm, answerParts } from './support-journeys.ts';

const WAIT = 60_000;
let world: MattermostWorldUnderTest;
let team = '';
const checkinJobs = checkinJobsOnTestScheduler();

beforeAll(async () => {
  world = await startMattermostApp({
    features: checkinJobs.features,
    before: (fake) => {
      const room = fake.world.addChannel(fake.world.team.id, 'faro');
      team = room.id;
      fake.world.joinChannel(team, fake.world.bot.id);
      const lucia = fake.world.user('lucia');
      lucia.nickname = 'Lucía';
      lucia.locale = 'es';
      fake.world.user('sam').locale = 'en';
      for (const name of ['lucia', 'sam']) fake.world.joinChannel(team, fake.world.user(name).id);
    },
  });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

const dm = (who: string) => world.fake.dmChannelOf(who);

describe('Spanish on Mattermost, end to end', { timeout: 180_000 }, () => {
  it('reads each member’s language with the roster, and speaks it in the round, the flag and the crisis lines', async () => {
    const { fake, app } = world;
    expect((await fake.slash('sam', 'setup name:Faro region:US', { channelId: team })).status).toBe(200);
    await fake.waitForPost(
      (p) => p.channel_id === team && p.message.includes('now the team'),
      'set-up',
      WAIT,
    );
    await checkinJobs.scheduler(app.storage.db.prisma).tick();
    const members = await app.storage.db.prisma.member.findMany();
    expect(Object.fromEntries(members.map((m) => [m.displayName, m.platformLocale]))).toMatchObject({
      Lucía: 'es',
    });

    // The round: each their own language; the channel the team's.
    await fake.slash('sam', 'checkin now', { channelId: team });
    const promptTo = (who: string) =>
      fake.waitForPost(
        (p) => p.channel_id === dm(who) && actionNamesOf(p).length > 1,
        `${who}'s prompt`,
        WAIT,
      );
    const toLucia = await promptTo('lucia');
    const toSam = await promptTo('sam');
    expect(shown(toLucia)).toContain('Responde lo que quieras, en privado');
    expect(actionNamesOf(toLucia)).toEqual(['Responder', 'Saltar esta vez', 'Recuérdamelo en una hora']);
    expect(shown(toLucia)).toContain('Recuérdamelo en una hora');
    expect(shown(toLucia)).not.toContain('Remind me in an hour');
    expect(shown(toSam)).toContain('Remind me in an hour');
    expect(shown(toSam)).not.toContain('Recuérdamelo');
    const note = await fake.waitForPost(
      (p) => p.channel_id === team && !p.ephemeralFor && p.message.includes('is open'),
      'round note',
      WAIT,
    );
    expect(note.message).toContain("I've sent each of you a private");

    // "In a hard place": the reply and the crisis lines in Spanish.
    const dialogs = await answerForm(
      fake,
      'lucia',
      toLucia,
      (a: FakePostAction) => a.integration?.context?.a === 'checkins:answer',
      { q1: '1', 'q1-who': 'team' },
    );
    expect(JSON.stringify(dialogs[0]?.dialog)).toContain('¿Quién ve esta respuesta?');
    // The platform's own words between the parts of the form are hers too.
    expect(
      fake.posted.all().some((p) => p.channel_id === dm('lucia') && p.message.includes('Pulsa Continuar')),
    ).toBe(dialogs.length > 1);
    const hard = await fake.waitForPost(
      (p) => p.channel_id === dm('lucia') && p.message.includes('No tienes que cargarlo en soledad'),
      'the reply to a hard place',
      WAIT,
    );
    expect(hard.message).toContain('Si quieres hablar con alguien ahora');
    expect(hard.message).toContain('en español');

    // The flag form and its confirmation.
    const opened = fake.world.dialogs.filter((d) => d.user_id === fake.world.user('lucia').id).length;
    await fake.slash('lucia', 'flag', { channelId: team });
    const flagForm = await answerParts(fake, 'lucia', opened, { level: 'struggling', wish: 'talk-today' });
    expect(JSON.stringify(flagForm[0]?.dialog)).toContain('Me está costando mucho');
    const confirmed = await fake.waitForPost(
      (p) => p.ephemeralFor === fake.world.user('lucia').id && p.message.includes('Gracias por decirlo'),
      'the flag confirmed',
      WAIT,
    );
    expect(confirmed.message).toContain('Si necesitas a alguien ahora mismo');

    // Crisis lines: Lucía in Spanish, Sam in English.
    await fake.slash('lucia', 'find crisis', { channelId: team });
    const found = await fake.waitForPost((p) => p.message.includes('Líneas de crisis para US'), 'hers', WAIT);
    expect(found.ephemeralFor).toBe(fake.world.user('lucia').id);
    expect(shown(found)).toContain('Enviármelo');
    await fake.slash('sam', 'find crisis', { channelId: team });
    await fake.waitForPost((p) => p.message.includes('Crisis lines for US'), 'his', WAIT);
  });
});

const actionNamesOf = (post: FakePost): string[] =>
  (Array.isArray(post.props.attachments) ? post.props.attachments : []).flatMap(
    (a: { actions?: { name: string }[] }) => (a.actions ?? []).map((x) => x.name),
  );
