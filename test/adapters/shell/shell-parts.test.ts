// The playground's parts, each alone: no readline, no streams, no router. The REPL wires them;
// shell-repl.test.ts drives them together.

import { describe, expect, it } from 'vitest';
import { createShellCommands } from '../../../src/adapters/shell/shell-commands.ts';
import { createShellDeliveries } from '../../../src/adapters/shell/shell-deliveries.ts';
import { createShellEmitter, type ShellEmitter } from '../../../src/adapters/shell/shell-emitter.ts';
import { createShellFormQueue } from '../../../src/adapters/shell/shell-form-queue.ts';
import { cancelledFormNote } from '../../../src/adapters/shell/shell-forms.ts';
import { readShellLine } from '../../../src/adapters/shell/shell-lines.ts';
import type { ShellOutput } from '../../../src/adapters/shell/shell-output.ts';
import { createShellPeople } from '../../../src/adapters/shell/shell-people.ts';
import { promptText } from '../../../src/adapters/shell/shell-repl.ts';
import { ShellWorld } from '../../../src/adapters/shell/shell-world.ts';
import type { ChatEvent, Form } from '../../../src/chat/index.ts';
import { view } from '../../../src/chat/index.ts';
import { markup } from '../../../src/chat/markup.ts';
import { silentLogger } from '../../../src/logger.ts';
import { sampleTable } from '../../chat/sample-table.ts';

function recordingOutput(): ShellOutput & { text(): string } {
  const written: string[] = [];
  return {
    write: (text) => {
      written.push(text);
    },
    promptShown: () => {},
    promptHidden: () => {},
    markBroken: () => {},
    text: () => written.join('\n'),
  };
}

/** An emitter that records what would reach the router. */
function recordingEmitter(): ShellEmitter & { readonly events: ChatEvent[] } {
  const events: ChatEvent[] = [];
  let n = 0;
  return {
    events,
    nextEventId: () => `t-e${++n}`,
    get count() {
      return n;
    },
    emit: async (event) => {
      events.push(event);
    },
  };
}

const alex = new ShellWorld({ person: 'alex', channelId: 'team' });
/** The command that opened the forms: from alex, in #team. */
const opener: ChatEvent = {
  kind: 'command',
  eventId: 'x',
  actor: alex.actor(),
  place: alex.eventPlace(),
  path: [],
  options: {},
};

const oneQuestion = (formId: string, title: string): Form => ({
  formId,
  title,
  submitLabel: 'Send',
  inputs: [{ type: 'text', id: 'note', label: `${title}: anything to add?` }],
});

describe('shell form queue', () => {
  it('asks one form at a time, sends each when its last answer is in, and lets /cancel set one aside', async () => {
    const out = recordingOutput();
    const emitter = recordingEmitter();
    let quit = false;
    const forms = createShellFormQueue({ out, emitter: () => emitter, quit: () => (quit = true) });
    await forms.open(opener, oneQuestion('first:form', 'First'));
    await forms.open(opener, oneQuestion('second:form', 'Second'));
    expect(out.text()).toContain('First: anything to add?');
    expect(out.text()).not.toContain('Second: anything to add?');

    await forms.answer('/peer help');
    expect(out.text()).toContain('You are in the middle of a form');
    await forms.answer('/cancel');
    expect(out.text()).toContain(cancelledFormNote());
    expect(out.text()).toContain('Second: anything to add?');
    await forms.answer('all good');

    expect(emitter.events).toEqual([
      {
        kind: 'form',
        eventId: 't-e1',
        actor: opener.actor,
        place: opener.place,
        formId: 'second:form',
        values: { note: 'all good' },
      },
    ]);
    expect(forms.active).toBeUndefined();
    expect(forms.abandon()).toBe(false);
    expect(quit).toBe(false);
  });

  it('gives up the forms when the input ends, saying one was open', async () => {
    const forms = createShellFormQueue({ out: recordingOutput(), emitter: recordingEmitter, quit: () => {} });
    await forms.open(opener, oneQuestion('first:form', 'First'));
    expect(forms.abandon()).toBe(true);
    expect(forms.active).toBeUndefined();
  });
});

describe('shell people', () => {
  it('emits member-joined the first time someone turns up in a channel, and only then', async () => {
    const world = new ShellWorld({ person: 'alex', channelId: 'team' });
    const out = recordingOutput();
    const emitter = recordingEmitter();
    const people = createShellPeople({ world, out, emitter });
    await people.joinIfNew('alex', 'team');
    await people.actAs('Sam');
    await people.goTo('#night-shift');
    await people.goTo('#team');
    await people.actAs('sam');
    expect(
      emitter.events.map((e) => (e.kind === 'member-joined' ? `${e.actor.userId}@${e.channelId}` : e.kind)),
    ).toEqual(['alex@team', 'sam@team', 'sam@night-shift']);
    expect(out.text()).toContain('You are now Sam (new here), in #team.');
    expect(out.text()).toContain('You are already Sam.');
    people.who();
    expect(out.text()).toContain('You are Sam, in #team.');
    expect(out.text()).toContain('#night-shift: Sam');
  });

  it('makes someone a workspace admin only when asked, on the events they cause', async () => {
    const world = new ShellWorld({ person: 'alex', channelId: 'team' });
    const out = recordingOutput();
    const emitter = recordingEmitter();
    const people = createShellPeople({ world, out, emitter });
    expect(world.actor().isWorkspaceAdmin).toBe(false);
    await people.actAs('wanda --workspace-admin');
    expect(out.text()).toContain('You are now wanda, a workspace admin (new here), in #team.');
    expect(world.actor()).toMatchObject({ userId: 'wanda', isWorkspaceAdmin: true });
    expect(emitter.events.at(-1)?.actor).toMatchObject({ userId: 'wanda', isWorkspaceAdmin: true });
    // Setting up a team never makes anyone a workspace admin: only the flag does.
    await people.actAs('sam');
    expect(world.actor()).toMatchObject({ userId: 'sam', isWorkspaceAdmin: false });
  });

  it('asks again, kindly, for a name it cannot use', async () => {
    const world = new ShellWorld({ person: 'alex', channelId: 'team' });
    const out = recordingOutput();
    const people = createShellPeople({ world, out, emitter: recordingEmitter() });
    await people.actAs('two words');
    await people.goTo('#!');
    expect(out.text()).toContain('A one-word name works, like /as sam.');
    expect(out.text()).toContain('A one-word name works, like /in #night-shift.');
    expect(world.me).toBe('alex');
  });
});

describe('shell commands', () => {
  function commands() {
    const world = new ShellWorld({ person: 'alex', channelId: 'team' });
    world.join('alex', 'team');
    const out = recordingOutput();
    const emitter = recordingEmitter();
    const deliveries = createShellDeliveries({ world, output: out, nextMessageId: () => 'm1' });
    const people = createShellPeople({ world, out, emitter });
    const table = sampleTable();
    const run = createShellCommands({
      table,
      world,
      out,
      deliveries,
      emitter,
      people,
      homeChannel: 'team',
      quit: () => {},
    });
    const type = (line: string) => run(readShellLine(line, table.root.name));
    return { world, out, emitter, deliveries, type };
  }

  it('presses the button the person typed, by its number', async () => {
    const { out, emitter, deliveries, type } = commands();
    await type('1');
    expect(out.text()).toContain('There is nothing to press yet.');
    deliveries.post(
      'team',
      view(markup`Check-in`, {
        type: 'actions',
        elements: [{ type: 'button', actionId: 'checkins:answer', label: 'Answer', value: 'r1' }],
      }),
    );
    await type('2');
    expect(out.text()).toContain('There is no [2] that you can press');
    expect(out.text()).toContain('The latest message you got has [1];');
    await type('1');
    expect(emitter.events).toMatchObject([
      {
        kind: 'action',
        actionId: 'checkins:answer',
        value: 'r1',
        place: { channelId: 'team', isDirect: false },
      },
    ]);
  });

  it('sends text only in the direct message, and hands a command it cannot read to the router as unreadable', async () => {
    const { out, emitter, type } = commands();
    await type('hello');
    expect(out.text()).toContain('In a channel, PeerBridge only listens for /peer commands.');
    await type('/dm');
    await type('hello');
    expect(emitter.events).toMatchObject([
      { kind: 'direct-message', text: 'hello', place: { isDirect: true } },
    ]);
    await type('/peer no-such-command');
    expect(emitter.events).toMatchObject([
      { kind: 'direct-message' },
      { kind: 'unreadable-command', place: { isDirect: true } },
    ]);
    await type('/frobnicate');
    expect(out.text()).toContain("The playground doesn't know /frobnicate.");
  });
});

describe('shell emitter and prompt', () => {
  it('meets a sink that throws with a warm line instead of a crash', async () => {
    const world = new ShellWorld({ person: 'alex', channelId: 'team' });
    const out = recordingOutput();
    const emitter = createShellEmitter({
      session: 's',
      sink: async () => {
        throw new Error('down');
      },
      logger: silentLogger,
      out,
      deliveries: createShellDeliveries({ world, output: out, nextMessageId: () => 'm' }),
      openForm: async () => {},
    });
    await emitter.emit({ ...opener, eventId: emitter.nextEventId() });
    expect(out.text()).toContain("Sorry, something went wrong on PeerBridge's side.");
    expect(emitter.count).toBe(1);
  });

  it('says who is typing where, or that a form waits for answers', () => {
    const world = new ShellWorld({ person: 'alex', channelId: 'team' });
    expect(promptText(world, { active: undefined })).toBe('alex in #team> ');
    world.goToDm();
    expect(promptText(world, { active: undefined })).toBe('alex in DM with PeerBridge> ');
  });
});
