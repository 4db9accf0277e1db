import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import {
  type ActionContext,
  actionsByName,
  type ChatEvent,
  createRouter,
  defineCommand,
  type FormContext,
  type Logger,
  type RouterDeps,
} from '../../src/chat/index.ts';
import { translatorFor } from '../../src/i18n/index.ts';
import { memoryDedupe, recordingReply, sampleTable, setupCommand, viewText } from './sample-table.ts';

const actor = { platform: 'slack', workspaceId: 'T1', userId: 'U1' } as const;
const inChannel = { channelId: 'C1', isDirect: false } as const;
const inDirect = { isDirect: true } as const;

interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: Readonly<Record<string, unknown>>;
  readonly message: string;
}

function recordingLogger(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
  };
}

type SetupOptions = Parameters<typeof setupCommand.handler>[0]['options'];

function harness(extra: Partial<RouterDeps> = {}) {
  const setupCalls: SetupOptions[] = [];
  const setup = defineCommand({
    ...setupCommand,
    handler: async ({ options }) => {
      setupCalls.push(options);
    },
  });
  const logger = recordingLogger();
  const sink = createRouter({ table: sampleTable({ setup }), dedupe: memoryDedupe(), logger, ...extra });
  return { sink, logger, setupCalls };
}

const command = (
  path: string[],
  options: Record<string, string | number | boolean>,
  eventId = 'E1',
  place: ChatEvent['place'] = inChannel,
): ChatEvent => ({ kind: 'command', eventId, actor, place, path, options });

describe('router', () => {
  it('runs the command handler with parsed, typed options', async () => {
    const { sink, setupCalls } = harness();
    const reply = recordingReply();
    await sink(command(['setup'], { timezone: 'Europe/Berlin', region: 'us' }), reply);
    expect(setupCalls).toEqual([{ timezone: 'Europe/Berlin', region: 'US' }]);
    expect(reply.privateViews).toEqual([]);
  });

  it('answers bad options privately, naming each problem, and never runs the handler', async () => {
    const { sink, setupCalls, logger } = harness();
    const reply = recordingReply();
    await sink(command(['setup'], { timezone: 'Europe/Berln', region: 'FR' }), reply);
    expect(setupCalls).toEqual([]);
    expect(reply.publicViews).toEqual([]);
    const said = viewText(reply.privateViews[0]!);
    expect(said).toContain(
      "`timezone`: 'Europe/Berln' is not a time zone I know. Try one like Europe/Berlin or America/New_York.",
    );
    expect(said).toContain("`region`: 'FR' isn't one of the choices.");
    expect(said).toContain('Nothing was saved.');
    expect(JSON.stringify(logger.lines)).not.toContain('Berln');
  });

  it('runs a repeated delivery of the same event once', async () => {
    const { sink, setupCalls, logger } = harness();
    const event = command(['setup'], { timezone: 'UTC' }, 'Ev-retry');
    await sink(event, recordingReply());
    await sink(event, recordingReply());
    expect(setupCalls).toHaveLength(1);
    expect(logger.lines.filter((l) => l.fields.event === 'chat.event.duplicate')).toHaveLength(1);
  });

  it('apologises privately when a handler throws, and logs ids without what the person wrote', async () => {
    const secret = 'I was triggered by the story about my brother';
    const logger = recordingLogger();
    const sink = createRouter({
      table: sampleTable(),
      dedupe: memoryDedupe(),
      logger,
      directMessage: async () => {
        throw new Error('database is down');
      },
      forms: {
        flags: async () => {
          throw new Error('encryption key missing');
        },
      },
    });
    const dmReply = recordingReply();
    await sink({ kind: 'direct-message', eventId: 'D1', actor, place: inDirect, text: secret }, dmReply);
    const formReply = recordingReply();
    await sink(
      {
        kind: 'form',
        eventId: 'F1',
        actor,
        place: inDirect,
        formId: 'flags:raise',
        values: { note: secret },
      },
      formReply,
    );
    for (const reply of [dmReply, formReply]) {
      const said = viewText(reply.privateViews[0]!);
      expect(said).toContain("I'm sorry, something went wrong on my side");
      expect(said).toContain('Nothing was saved half-way');
      expect(said).toContain("You didn't do anything wrong.");
    }
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors.map((l) => l.fields.event)).toEqual(['chat.handler.failed', 'chat.handler.failed']);
    expect(errors[1]!.fields).toMatchObject({ formId: 'flags:raise', inputIds: ['note'], eventId: 'F1' });
    // Who acted is never on a router line: this one is a private act's (a flag).
    for (const line of logger.lines) expect(line.fields).not.toHaveProperty('userId');
    expect(JSON.stringify(logger.lines)).not.toContain('U1');
    expect(errors[0]!.fields.err).toMatchObject({ type: 'Error', message: 'database is down' });
    expect(JSON.stringify(logger.lines)).not.toContain('brother');
  });

  it('logs only the first line of an error that quotes what it failed on below it', async () => {
    const secret = 'I was triggered by the story about my brother';
    const logger = recordingLogger();
    const sink = createRouter({
      table: sampleTable(),
      dedupe: memoryDedupe(),
      logger,
      // The shape of a Prisma validation error: the query and its arguments follow the first line.
      directMessage: async ({ text }) => {
        throw new Error(`\nInvalid \`prisma.note.create()\` invocation:\n\n{ data: { text: "${text}" } }`);
      },
    });
    await sink(
      { kind: 'direct-message', eventId: 'D9', actor, place: inDirect, text: secret },
      recordingReply(),
    );
    const [failed] = logger.lines.filter((l) => l.fields.event === 'chat.handler.failed');
    expect(failed?.fields.err).toMatchObject({
      type: 'Error',
      message: 'Invalid `prisma.note.create()` invocation:',
      stack: expect.stringContaining('at '),
    });
    expect(JSON.stringify(logger.lines)).not.toContain('brother');
  });

  it('routes actions and forms by feature prefix, giving the name after it', async () => {
    const seen: string[] = [];
    const { sink } = harness({
      actions: {
        checkins: actionsByName({
          answer: async (c: ActionContext) => {
            seen.push(`${c.name}=${c.value}`);
          },
        }),
      },
      forms: {
        checkins: async (c: FormContext) => {
          seen.push(`${c.name}@${c.context}:${String(c.values.mood)}`);
        },
      },
    });
    await sink(
      { kind: 'action', eventId: 'A1', actor, place: inChannel, actionId: 'checkins:answer', value: 'r1' },
      recordingReply(),
    );
    await sink(
      {
        kind: 'form',
        eventId: 'F2',
        actor,
        place: inChannel,
        formId: 'checkins:answer',
        context: 'r1',
        values: { mood: 'okay' },
      },
      recordingReply(),
    );
    expect(seen).toEqual(['answer=r1', 'answer@r1:okay']);
  });

  it('answers an unknown button or form gently, not with an apology', async () => {
    const { sink, logger } = harness({ actions: { checkins: actionsByName({}) } });
    const stale = recordingReply();
    await sink(
      { kind: 'action', eventId: 'A2', actor, place: inChannel, actionId: 'checkins:old-button' },
      stale,
    );
    const noFeature = recordingReply();
    await sink(
      { kind: 'form', eventId: 'F3', actor, place: inChannel, formId: 'polls:vote', values: {} },
      noFeature,
    );
    expect(viewText(stale.privateViews[0]!)).toContain('That button seems to be from an older message');
    expect(viewText(noFeature.privateViews[0]!)).toContain('it may have expired. Nothing was saved');
    expect(logger.lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('answers an unknown command gently', async () => {
    const { sink } = harness();
    const reply = recordingReply();
    await sink(command(['dance'], {}), reply);
    expect(viewText(reply.privateViews[0]!)).toContain("I don't know `/peer dance` yet");
  });

  it('asks for a direct message when a private command is used in a channel', async () => {
    const { sink } = harness();
    const reply = recordingReply();
    await sink(command(['flag'], { note: 'hard one' }), reply);
    expect(viewText(reply.privateViews[0]!)).toContain(
      'works in a direct message with me, so it stays just between us',
    );
  });

  it('answers in the reader’s language: help, refusals and gentle replies', async () => {
    const { sink } = harness({
      translatorFor: async () => translatorFor('es'),
      access: {
        decide: async (_actor, _place, verb) =>
          verb === 'help'
            ? { ok: true }
            : { ok: false, refusal: 'chat.access.teamAdminsOnly', reason: 'English' },
        allowedHere: async (_actor, _place, verbs) => new Set(verbs),
      },
    });
    const help = recordingReply();
    await sink(command(['help'], {}), help);
    expect(viewText(help.privateViews[0]!)).toContain('En qué te puedo ayudar');
    const refused = recordingReply();
    await sink(command(['roster'], {}, 'E2'), refused);
    expect(viewText(refused.privateViews[0]!)).toContain(
      'Solo la administración de este equipo puede hacer eso.',
    );
    const unknown = recordingReply();
    await sink(command(['dance'], {}, 'E3'), unknown);
    expect(viewText(unknown.privateViews[0]!)).toContain('Todavía no conozco `/peer dance`');
  });

  it('answers in English when the reader’s language cannot be found, and logs why', async () => {
    const { sink, logger } = harness({
      translatorFor: async () => {
        throw new Error('database away');
      },
    });
    const reply = recordingReply();
    await sink(command(['dance'], {}), reply);
    expect(viewText(reply.privateViews[0]!)).toContain("I don't know `/peer dance` yet");
    expect(logger.lines.map((line) => line.fields.event)).toContain('chat.language.unknown');
  });

  it('answers help with only what the person may run', async () => {
    const { sink } = harness({
      access: {
        decide: async () => ({ ok: true }),
        allowedHere: async (_actor, _place, verbs) => new Set(verbs.filter((v) => v !== 'checkin.trend')),
      },
    });
    const reply = recordingReply();
    await sink(command(['help'], {}), reply);
    const said = viewText(reply.privateViews[0]!);
    expect(said).toContain('`/peer admin outbox`');
    expect(said).not.toContain('`/peer roster`');
  });

  it('works with a real pino logger', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const sink = createRouter({ table: sampleTable(), dedupe: memoryDedupe(), logger });
    await sink(command(['checkin'], { mood: 'okay' }), recordingReply());
    expect(JSON.parse(lines[0]!)).toMatchObject({
      event: 'chat.event.handled',
      command: 'checkin',
      optionNames: ['mood'],
    });
  });

  it('never rejects, even when the apology itself cannot be sent', async () => {
    const { sink, logger } = harness({
      directMessage: async () => {
        throw new Error('boom');
      },
    });
    const reply = recordingReply();
    const broken = { ...reply, privately: vi.fn(async () => Promise.reject(new Error('slack down'))) };
    await expect(
      sink({ kind: 'direct-message', eventId: 'D2', actor, place: inDirect, text: 'hi' }, broken),
    ).resolves.toBeUndefined();
    expect(logger.lines.map((l) => l.fields.event)).toEqual(['chat.handler.failed', 'chat.reply.failed']);
  });

  it('refuses a form with a control character in a field before its handler runs; newlines are fine', async () => {
    const seen: string[] = [];
    const { sink } = harness({
      forms: {
        flags: async ({ values }) => {
          seen.push(String(values.note));
        },
      },
    });
    const submit = async (eventId: string, note: string) => {
      const reply = recordingReply();
      await sink(
        { kind: 'form', eventId, actor, place: inDirect, formId: 'flags:raise', values: { note } },
        reply,
      );
      return reply;
    };
    const refused = await submit('F-nul', 'a hard\u0000 day');
    expect(viewText(refused.privateViews[0]!)).toMatch(/the field `note` has an invisible control character/);
    const bidi = await submit('F-bidi', 'fine \u202E');
    expect(viewText(bidi.privateViews[0]!)).toMatch(/invisible control character/);
    await submit('F-ok', 'line one\nline two\tend');
    expect(seen).toEqual(['line one\nline two\tend']);
  });

  it('puts the database error code into the failure log, without the data', async () => {
    const { sink, logger } = harness({
      actions: {
        teams: async () => {
          throw Object.assign(
            new Error('Unique constraint failed on the fields: (`externalId`) value secret-name'),
            {
              name: 'PrismaClientKnownRequestError',
              code: 'P2002',
              meta: {
                driverAdapterError: { cause: { originalCode: '23505', kind: 'UniqueConstraintViolation' } },
              },
            },
          );
        },
      },
    });
    await sink(
      { kind: 'action', eventId: 'A-dup', actor, place: inChannel, actionId: 'teams:x' },
      recordingReply(),
    );
    const failed = logger.lines.find((l) => l.fields.event === 'chat.handler.failed');
    expect(failed?.fields.err).toMatchObject({
      type: 'PrismaClientKnownRequestError',
      code: 'P2002',
      sqlState: '23505',
    });
  });
});
