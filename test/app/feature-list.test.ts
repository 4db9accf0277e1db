// Point 1's proof: the app is built from a plain list of features, and a feature that is not
// one of ours (a tiny "wave" feature with a command, a button and a scheduled occurrence)
// joins it by being one more entry in that list. Driven end to end in the shell playground,
// in-process: command table, router, scheduler claim, outbox row, outbox worker, shell client.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { featureList, type RunningApp } from '../../src/app.ts';
import { actionsByName, defineCommand, view } from '../../src/chat/index.ts';
import { literal, markup } from '../../src/chat/markup.ts';
import type { Feature, FeatureDeps } from '../../src/features/feature.ts';
import {
  encodeScheduleRule,
  enqueueOutbox,
  ManualClock,
  type OccurrenceHandler,
} from '../../src/scheduling/index.ts';
import { terminal, within } from '../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../support/app-harness.ts';

const waveButton = { type: 'button', actionId: 'wave:back', label: 'Wave back', value: 'hi' } as const;

/** The smallest feature there is: a command, an action and a scheduled occurrence handler. */
function waveFeature({ prisma, cipher, clock, notifyOutbox }: FeatureDeps): Feature {
  const wave = defineCommand({
    name: 'wave',
    description: 'Wave to the team',
    help: 'Posts a wave in the channel, with a button to wave back.',
    who: 'everyone',
    verb: 'help',
    where: 'channel',
    options: { to: { type: 'string', description: 'Who to wave to', required: true } },
    handler: async ({ options, reply }) => {
      await reply.publicly(
        view(markup`Hello, ${literal(options.to)}!`, {
          type: 'text',
          text: markup`A wave for ${literal(options.to)}.`,
        }),
      );
    },
  });
  // A reminder due now posts, through the outbox, a wave with a button to the team channel.
  const reminder: OccurrenceHandler = async (occurrence) => {
    await prisma.$transaction((tx) =>
      enqueueOutbox(tx, cipher, {
        idempotencyKey: `wave:${occurrence.key}`,
        platform: 'shell',
        workspaceExternalId: 'local',
        target: { kind: 'channel', channelId: 'team' },
        view: view(
          markup`Morning wave`,
          { type: 'text', text: markup`Good morning, team. A scheduled wave.` },
          { type: 'actions', elements: [waveButton] },
        ),
        notBefore: clock.now(),
      }),
    );
    notifyOutbox();
  };
  return {
    name: 'wave',
    commands: [wave],
    // A new feature names the verb of its buttons, or the router refuses them.
    verbs: { 'wave:*': 'help' },
    actions: {
      wave: actionsByName({
        back: async ({ actor, value, reply }) => {
          await reply.privately(
            view(markup`Waved back`, {
              type: 'text',
              text: markup`${literal(actor.displayName ?? actor.userId)} waved back (${literal(value ?? '')}).`,
            }),
          );
        },
      }),
    },
    occurrences: { reminder },
  };
}

let app: RunningApp | undefined;
afterEach(() => app?.stop());

describe('the app, built from a list of features', () => {
  it('runs a new feature next to the real ones: its command, its button and its scheduled occurrence', async () => {
    const term = terminal();
    const clock = new ManualClock('2026-03-02T09:00:30Z');
    let scheduleId = '';
    app = await startTestApp(
      {},
      {
        mode: 'shell',
        stdio: { input: term.input, output: term.output },
        clock,
        // One line more than the app's own list: that is all it takes to add a feature.
        features: (deps) => [...featureList(deps), waveFeature(deps)],
        prepare: async ({ db }) => {
          const schedule = await db.prisma.schedule.create({
            data: {
              kind: 'reminder',
              ...encodeScheduleRule({ kind: 'weekly', days: ['MO'], time: '09:00', timeZone: 'UTC' }),
              startsAt: new Date('2026-03-01T00:00:00Z'),
            },
          });
          scheduleId = schedule.id;
        },
      },
    );

    // The scheduler's first tick claims Monday 09:00 and the outbox worker posts the wave.
    await term.waitFor('Good morning, team. A scheduled wave.', { timeoutMs: 20_000 });
    expect(term.text()).toContain(
      '[#team] PeerBridge:\n  Good morning, team. A scheduled wave.\n  [1] Wave back',
    );
    term.type('/peer wave to:sam', '1', '/peer help');
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    const text = term.text();

    expect(text).toContain('alex in #team> /peer wave to:sam\n\n[#team] PeerBridge:\n  A wave for sam.');
    expect(text).toContain('alex in #team> 1\n\n[to alex, only you] PeerBridge:\n  alex waved back (hi).');
    // The command table, and so help, knows the new command.
    expect(text.slice(text.indexOf('> /peer help'))).toContain('/peer wave');

    const prisma = app.storage.db.prisma;
    expect(await prisma.occurrenceClaim.findMany({ where: { scheduleId } })).toMatchObject([
      { key: `${scheduleId}@2026-03-02T09:00:00.000Z`, status: 'done' },
    ]);
    // The worker records a send in a group commit just after it: wait for it, not a fixed time.
    await vi.waitFor(
      async () =>
        expect(
          await prisma.outboxMessage.findMany({ select: { idempotencyKey: true, status: true } }),
        ).toEqual([{ idempotencyKey: `wave:${scheduleId}@2026-03-02T09:00:00.000Z`, status: 'sent' }]),
      { timeout: 10_000, interval: 50 },
    );
    // The whole app starts and stops here, with two waits of up to 20 s on a busy machine.
  }, 60_000);
});
