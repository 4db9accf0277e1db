import { afterEach, describe, expect, it } from 'vitest';
import { createShellAdapter, type ShellAdapter } from '../../../src/adapters/shell/index.ts';
import { cancelledFormNote, unfinishedFormNote } from '../../../src/adapters/shell/shell-forms.ts';
import { type ChatEvent, type EventOfKind, type Reply, view } from '../../../src/chat/index.ts';
import { markup, toPlainText } from '../../../src/chat/markup.ts';
import { english } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { sampleTable } from '../../chat/sample-table.ts';
import { checkinForm } from '../../chat/sample-views.ts';
import { fakeSink, type Terminal, terminal, within } from './shell-terminal.ts';

const farewell = 'Bye for now. Take care of yourself.';
let running: { shell: ShellAdapter; term: Terminal }[] = [];

afterEach(async () => {
  for (const { shell, term } of running) {
    term.end();
    await within(shell.stop(), 5000, 'stopping the shell');
  }
  running = [];
});

function playground(script?: (event: ChatEvent, reply: Reply) => Promise<void>) {
  const term = terminal();
  const { events, sink } = fakeSink(script);
  const shell = createShellAdapter({
    input: term.input,
    output: term.output,
    table: sampleTable(),
    sink,
    logger: silentLogger,
    sessionId: 't',
  });
  running.push({ shell, term });
  const of = <K extends ChatEvent['kind']>(kind: K) =>
    events.filter((e): e is EventOfKind<K> => e.kind === kind);
  /** Types the lines, ends the input, and waits for the playground to close. */
  const session = async (...lines: string[]) => {
    if (lines.length > 0) term.type(...lines);
    term.end();
    await within(shell.closed, 5000, 'the playground closing');
    return term.text();
  };
  return { term, events, of, shell, session };
}

const checkinButtons = view(
  markup`Time for a check-in`,
  { type: 'text', text: markup`How is this week going?` },
  {
    type: 'actions',
    elements: [
      { type: 'button', actionId: 'checkins:answer', label: 'Answer', value: 'r1' },
      { type: 'button', actionId: 'checkins:skip', label: 'Skip' },
    ],
  },
);

/** A feature stand-in: `/peer checkin` posts buttons, Answer opens the check-in form. */
async function checkinScript(event: ChatEvent, reply: Reply): Promise<void> {
  if (event.kind === 'command' && event.path[0] === 'checkin') await reply.publicly(checkinButtons);
  if (event.kind === 'action' && event.actionId === 'checkins:answer') await reply.openForm(checkinForm);
  if (event.kind === 'action' && event.actionId === 'checkins:skip') {
    await reply.privately(view(markup`Skipped`, { type: 'text', text: markup`No problem, skipped.` }));
  }
  if (event.kind === 'form')
    await reply.privately(view(markup`Thanks`, { type: 'text', text: markup`Thank you for sharing.` }));
}

describe('shell playground: starting and leaving', () => {
  it('greets with a banner that says what to try and how to leave, and closes when the input ends', async () => {
    const { shell, session, of } = playground();
    await shell.start();
    const text = await session();
    expect(text).toContain('PeerBridge playground');
    expect(text).toContain('without Slack, Discord or any tokens');
    expect(text).toContain('/peer setup timezone:Europe/Berlin');
    expect(text).toContain('/peer help');
    expect(text).toMatch(/\/as sam\s+then\s+\/peer privacy/);
    expect(text).toContain('/quit or Ctrl-D');
    expect(text.trimEnd().endsWith(farewell)).toBe(true);
    // The first person "joins" the first channel, like anyone who turns up in a channel.
    expect(of('member-joined').map((e) => [e.actor.userId, e.channelId])).toEqual([['alex', 'team']]);
  });

  it('/quit closes the playground at once and ignores lines after it', async () => {
    const { term, shell, of } = playground();
    await shell.start();
    term.type('/quit', '/peer setup timezone:UTC');
    // The input stays open: /quit alone must be enough.
    await within(shell.closed, 5000, 'the playground closing after /quit');
    expect(of('command')).toEqual([]);
    expect(term.text()).toContain(farewell);
  });

  it('stop() closes the playground even while the input is still open', async () => {
    const { term, shell } = playground();
    await shell.start();
    await within(shell.stop(), 5000, 'stop()');
    await within(shell.closed, 1000, 'closed');
    expect(term.text()).toContain(farewell);
  });

  it('finishes the event in flight before it says it has closed', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const { term, shell } = playground(async (event, reply) => {
      if (event.kind !== 'command') return;
      entered();
      await gate;
      await reply.publicly(view(markup`Team ready`, { type: 'text', text: markup`The team is ready.` }));
    });
    let closed = false;
    void shell.closed.then(() => {
      closed = true;
    });
    await shell.start();
    term.type('/peer setup timezone:UTC');
    term.end();
    await within(inHandler, 5000, 'the command reaching the handler');
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release();
    await within(shell.closed, 5000, 'the playground closing');
    const text = term.text();
    expect(text.indexOf('The team is ready.')).toBeGreaterThan(-1);
    expect(text.indexOf('The team is ready.')).toBeLessThan(text.indexOf(farewell));
  });
});

describe('shell playground: people and places', () => {
  it('emits member-joined the first time each person appears in a channel, and only then', async () => {
    const { shell, session, of } = playground();
    await shell.start();
    const text = await session(
      '/as sam',
      '/as alex',
      '/as Sam',
      '/in #night-shift',
      '/in team',
      '/as dana',
      '/dm',
      '/as kim',
    );
    expect(of('member-joined').map((e) => [e.actor.userId, e.channelId, e.place.channelId])).toEqual([
      ['alex', 'team', 'team'],
      ['sam', 'team', 'team'],
      ['sam', 'night-shift', 'night-shift'],
      ['dana', 'team', 'team'],
    ]);
    // The prompt says who you are and where, and piped lines are echoed after it.
    expect(text).toContain('alex in #team> /as sam');
    expect(text).toContain('You are now sam (new here), in #team.');
    expect(text).toContain('sam in #night-shift> /in team');
    expect(text).toContain('dana in DM with PeerBridge> /as kim');
    expect(text).toContain('You are now kim (new here), in a direct message with PeerBridge.');
  });

  it('refuses names and channels it cannot use, kindly', async () => {
    const { shell, session } = playground();
    await shell.start();
    const text = await session('/as', '/as two words', '/in', '/in #no/slashes', '/as alex', '/wat');
    expect(text).toContain('Who would you like to be? A one-word name works, like /as sam.');
    expect(text).toContain('Which channel? A one-word name works, like /in #night-shift.');
    expect(text).toContain('You are already alex.');
    expect(text).toContain("The playground doesn't know /wat. /? lists what works here");
  });

  it('/? lists the playground commands and /who says who is where', async () => {
    const { shell, session } = playground();
    await shell.start();
    const text = await session('/as sam', '/in #night-shift', '/who', '/?');
    expect(text).toContain('You are sam, in #night-shift.');
    expect(text).toContain('People: alex (#team), sam (#team, #night-shift)');
    expect(text).toContain('Channels: #team: alex, sam; #night-shift: sam');
    const list = text.slice(text.indexOf('> /?'));
    for (const usage of [
      '/as <name>',
      '/in <#channel>',
      '/dm',
      '/press <n>',
      '/inbox',
      '/log',
      '/who',
      '/quit',
    ]) {
      expect(list).toContain(usage);
    }
  });
});

describe('shell playground: talking to the bot', () => {
  it('turns /peer lines into command events, with the person and the place', async () => {
    const { shell, session, of } = playground();
    await shell.start();
    await session(
      '/peer setup timezone:Europe/Berlin region:DE',
      '/peer topic add a hard week',
      '/dm',
      '/peer',
    );
    const commands = of('command');
    expect(commands.map((c) => [c.path, c.options])).toEqual([
      [['setup'], { timezone: 'Europe/Berlin', region: 'DE' }],
      [['topic', 'add'], { text: 'a hard week' }],
      [['help'], {}],
    ]);
    expect(commands[0]).toMatchObject({
      actor: { platform: 'shell', workspaceId: 'local', userId: 'alex', displayName: 'alex' },
      place: { channelId: 'team', isDirect: false },
    });
    expect(commands[2]!.place).toEqual({ channelId: 'dm-alex', isDirect: true });
    const ids = [...new Set(commands.map((c) => c.eventId))];
    expect(ids).toHaveLength(3);
  });

  it('hands a /peer line it cannot understand to the router with the reason, to be worded for the reader', async () => {
    const { shell, session, of } = playground();
    await shell.start();
    await session('/peer setpu timezone:UTC');
    expect(of('command')).toEqual([]);
    const [unreadable] = of('unreadable-command');
    expect(unreadable).toMatchObject({
      actor: { userId: 'alex' },
      place: { channelId: 'team', isDirect: false },
    });
    expect(toPlainText(unreadable!.problem(english))).toContain(
      "I don't know /peer setpu. Did you mean /peer setup?",
    );
  });

  it('sends text in a direct message to the bot, and explains why text in a channel is not', async () => {
    const { shell, session, of } = playground(async (event, reply) => {
      if (event.kind === 'direct-message')
        await reply.privately(view(markup`Hi`, { type: 'text', text: markup`Hello back.` }));
    });
    await shell.start();
    const text = await session('hello there', '/dm', 'hello there');
    expect(of('direct-message')).toMatchObject([
      { text: 'hello there', actor: { userId: 'alex' }, place: { channelId: 'dm-alex', isDirect: true } },
    ]);
    expect(text).toContain(
      'In a channel, PeerBridge only listens for /peer commands. /dm opens a direct message',
    );
    expect(text).toContain('[DM to alex] PeerBridge:\n  Hello back.');
  });

  it('labels what each person and channel receives, and keeps it for /inbox and /log', async () => {
    const { shell, session } = playground(async (event, reply) => {
      if (event.kind === 'command') {
        await reply.publicly(view(markup`Team ready`, { type: 'text', text: markup`The team is ready.` }));
        await reply.privately(view(markup`Just you`, { type: 'text', text: markup`Only you see this.` }));
      }
      if (event.kind === 'member-joined')
        await reply.privately(view(markup`Welcome`, { type: 'text', text: markup`Welcome!` }));
    });
    await shell.start();
    const text = await session('/peer setup timezone:UTC', '/as sam', '/inbox', '/log', '/dm', '/log');
    expect(text).toContain('[#team] PeerBridge:\n  The team is ready.');
    expect(text).toContain('[to alex, only you] PeerBridge:\n  Only you see this.');
    // A welcome on joining is a direct message, never something the channel sees.
    expect(text).toContain('[DM to sam] PeerBridge:\n  Welcome!');
    const inbox = text.slice(text.indexOf('sam in #team> /inbox'), text.indexOf('sam in #team> /log'));
    expect(inbox).toContain('Welcome!');
    expect(inbox).not.toContain('Only you see this.');
    const log = text.slice(text.indexOf('sam in #team> /log'), text.indexOf('sam in #team> /dm'));
    expect(log).toContain('[#team] PeerBridge:\n  The team is ready.');
    expect(log).not.toContain('Welcome!');
    const dmLog = text.slice(text.indexOf('sam in DM with PeerBridge> /log'));
    expect(dmLog).toContain('This direct message so far:');
    expect(dmLog).toContain('[DM to sam] PeerBridge:\n  Welcome!');
  });
});

describe('shell playground: buttons', () => {
  it('presses a button by its number, for anyone in the channel that saw it', async () => {
    const { term, shell, session, of } = playground(async (event, reply) => {
      if (event.kind === 'command') await reply.publicly(checkinButtons);
      if (event.kind === 'action')
        await reply.privately(view(markup`Noted`, { type: 'text', text: markup`Noted.` }));
    });
    await shell.start();
    term.type('/as sam', '/as alex', '/peer checkin');
    await term.waitFor('[1] Answer  [2] Skip');
    expect(term.text()).toContain('(type 1–2 to press)');
    await session('2', '/as sam', '/press 1', '/press 7', '/press');
    const actions = of('action');
    expect(actions.map((a) => [a.actor.userId, a.actionId, a.value])).toEqual([
      ['alex', 'checkins:skip', undefined],
      ['sam', 'checkins:answer', 'r1'],
    ]);
    expect(actions[0]!.message).toMatchObject({ platform: 'shell', workspaceId: 'local', channelId: 'team' });
    expect(actions[1]!.message).toEqual(actions[0]!.message);
    expect(actions[0]!.place).toEqual({ channelId: 'team', isDirect: false });
    expect(term.text()).toContain(
      'There is no [7] that you can press: it may be on a message someone else got, or one that has changed since. The latest message you got has [1] to [2]',
    );
    expect(term.text()).toContain('Which one? Type its number, for example /press 1.');
  });

  it("numbers every button once a session, so an earlier message's button can still be pressed", async () => {
    let posts = 0;
    const { term, shell, session, of } = playground(async (event, reply) => {
      if (event.kind !== 'command') return;
      posts += 1;
      await reply.publicly(
        view(markup`Post ${posts}`, {
          type: 'actions',
          elements: [
            { type: 'button', actionId: 'checkins:answer', label: `Answer ${posts}`, value: `r${posts}` },
            { type: 'button', actionId: 'checkins:skip', label: `Skip ${posts}`, value: `r${posts}` },
          ],
        }),
      );
    });
    await shell.start();
    term.type('/peer checkin', '/peer checkin');
    await term.waitFor('[3] Answer 2  [4] Skip 2');
    expect(term.text()).toContain('[1] Answer 1  [2] Skip 1');
    expect(term.text()).toContain('(type 3–4 to press)');
    await session('1', '/press 4');
    expect(of('action').map((a) => [a.actionId, a.value])).toEqual([
      ['checkins:answer', 'r1'],
      ['checkins:skip', 'r2'],
    ]);
  });

  it('says so when there is nothing to press yet', async () => {
    const { shell, session, of } = playground();
    await shell.start();
    const text = await session('1');
    expect(of('action')).toEqual([]);
    expect(text).toContain('There is nothing to press yet.');
  });

  it('shows an edited message as edited, with only its new buttons', async () => {
    const { shell, session, of } = playground(async (event, reply) => {
      if (event.kind === 'command') await reply.publicly(checkinButtons);
      if (event.kind === 'action') {
        await reply.updateSource(
          view(markup`Skipped`, { type: 'text', text: markup`Skipped for this week.` }),
        );
      }
    });
    await shell.start();
    const text = await session('/peer checkin', '2', '2');
    expect(text).toContain('[#team] PeerBridge (edited):\n  Skipped for this week.');
    expect(of('action')).toHaveLength(1);
    expect(text).toContain('There is nothing to press yet.');
  });
});

describe('shell playground: forms', () => {
  it('asks each question in turn, takes numbers, re-asks with the reason, and sends the values', async () => {
    const { term, shell, session, of } = playground(checkinScript);
    await shell.start();
    term.type('/peer checkin', '1');
    await term.waitFor('[form for alex] Your check-in for this week');
    expect(term.text()).toContain('(1 of 6) How are you, really? (optional, Enter to skip)');
    expect(term.text()).toContain('/cancel sets the form aside and sends nothing');
    const text = await session('3', 'I rested', '', '/as sam', 'purple', '1, 2', 'choice 4', 'Sam');
    expect(text).toContain('alex (form)> 3');
    expect(text).toContain("I couldn't match 'purple'. Try numbers from the list.\n  (4 of 6) I would like");
    expect(text).toContain('You are in the middle of a form.');
    const [submitted, ...more] = of('form');
    expect(more).toEqual([]);
    expect(submitted).toMatchObject({
      formId: 'checkins:answer',
      context: 'round-42',
      actor: { userId: 'alex' },
      place: { channelId: 'team', isDirect: false },
      values: {
        mood: 'hard',
        win: 'I rested',
        barrier: undefined,
        support: ['reach-out', 'supervisor'],
        week: 'c4',
        name: 'Sam',
      },
    });
    expect(text).toContain('[to alex, only you] PeerBridge:\n  Thank you for sharing.');
    // Switching people was refused while the form was open.
    expect(of('member-joined').map((e) => e.actor.userId)).toEqual(['alex']);
  });

  it('/cancel sets the form aside with a gentle note, sends nothing, and the playground goes on', async () => {
    const { shell, session, of } = playground(checkinScript);
    await shell.start();
    const text = await session('/peer checkin', '1', '2', '/cancel', '/who');
    expect(of('form')).toEqual([]);
    expect(text).toContain(cancelledFormNote());
    expect(text).toContain('alex in #team> /who');
  });

  it('closes without hanging when the input ends in the middle of a form, and sends nothing', async () => {
    const { shell, session, of } = playground(checkinScript);
    await shell.start();
    const text = await session('/peer checkin', '1', '3', 'I rested');
    expect(of('form')).toEqual([]);
    expect(text).toContain(unfinishedFormNote());
    expect(text.trimEnd().endsWith(farewell)).toBe(true);
  });
});
