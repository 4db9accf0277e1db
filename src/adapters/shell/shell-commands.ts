// What each typed line does once shell-lines.ts has read it: bot commands go to the router,
// button numbers become action events, and the playground's own commands (`/inbox`, `/log`,
// `/who` …) are answered here. Forms are not handled here: while one is open, the form queue
// gets the lines instead.

import { type CommandTable, type MessageRef, type Place, parseCommandText } from '../../chat/index.ts';
import { commandList } from './shell-banner.ts';
import type { ShellDeliveries } from './shell-deliveries.ts';
import type { ShellEmitter } from './shell-emitter.ts';
import type { ShellLine } from './shell-lines.ts';
import { type ShellOutput, writeNote, writeReceived } from './shell-output.ts';
import type { ShellPeople } from './shell-people.ts';
import { fileAttachment } from './shell-upload.ts';
import { dmOwner, type ShellWorld } from './shell-world.ts';

export interface ShellCommandDeps {
  readonly table: CommandTable;
  readonly world: ShellWorld;
  readonly out: ShellOutput;
  readonly deliveries: ShellDeliveries;
  readonly emitter: ShellEmitter;
  readonly people: ShellPeople;
  /** The channel everyone starts in, where `/dm` says `/in` takes you back. */
  readonly homeChannel: string;
  readonly quit: () => void;
}

/** Where an event about this message happens: its channel, or the DM it was sent in. */
function placeOf(message: MessageRef): Place {
  if (dmOwner(message.channelId) !== undefined) return { channelId: message.channelId, isDirect: true };
  return {
    channelId: message.channelId,
    isDirect: false,
    ...(message.threadId === undefined ? {} : { threadId: message.threadId }),
  };
}

export function createShellCommands(deps: ShellCommandDeps): (line: ShellLine) => Promise<void> {
  const { world, emitter, people, out } = deps;
  const root = deps.table.root.name;
  const note = (text: string) => writeNote(out, text);

  async function press(n: number | undefined): Promise<void> {
    const latest = world.pressable();
    if (!latest) {
      return note('There is nothing to press yet. Buttons show up as [1], [2] … on messages you get.');
    }
    const range = latest.controls.map((c) => c.n);
    const described = range.length === 1 ? `[${range[0]}]` : `[${range[0]}] to [${range.at(-1)}]`;
    if (n === undefined) return note(`Which one? Type its number, for example /press ${range[0]}.`);
    const found = world.control(n);
    if (!found) {
      return note(
        `There is no [${n}] that you can press: it may be on a message someone else got, or one that has changed since. The latest message you got has ${described}; /inbox shows the others.`,
      );
    }
    await emitter.emit({
      kind: 'action',
      eventId: emitter.nextEventId(),
      actor: world.actor(),
      place: placeOf(found.message),
      actionId: found.control.actionId,
      ...(found.control.value === undefined ? {} : { value: found.control.value }),
      message: found.message,
    });
  }

  async function botCommand(text: string): Promise<void> {
    const parsed = parseCommandText(deps.table, text);
    const base = { eventId: emitter.nextEventId(), actor: world.actor(), place: world.eventPlace() };
    // Text that cannot be read goes to the router too, which words it in the reader's language.
    await emitter.emit(
      parsed.ok
        ? { ...base, kind: 'command', path: parsed.path, options: parsed.options }
        : { ...base, kind: 'unreadable-command', problem: parsed.reason },
    );
  }

  function inbox(): void {
    const me = world.displayName(world.me);
    writeReceived(out, `What ${me} received privately`, world.inbox(), `Nothing private for ${me} yet.`);
  }

  function log(): void {
    const place = world.place;
    if (place.kind === 'dm') {
      const dms = world.inbox().filter((item) => item.via === 'direct');
      writeReceived(out, 'This direct message so far', dms, 'This direct message is empty so far.');
      return;
    }
    const shown = world.channelLog(place.channelId);
    writeReceived(
      out,
      `What #${place.channelId} shows`,
      shown,
      `Nothing has been posted in #${place.channelId} yet.`,
    );
  }

  async function text(typed: string, upload?: string): Promise<void> {
    if (world.place.kind !== 'dm') {
      return note(
        `In a channel, PeerBridge only listens for /${root} commands. /dm opens a direct message with it${upload === undefined ? '' : ', where /upload sends it a file'}.`,
      );
    }
    const attachment = upload === undefined ? undefined : await fileAttachment(upload);
    if (typeof attachment === 'string') return note(attachment);
    await emitter.emit({
      kind: 'direct-message',
      eventId: emitter.nextEventId(),
      actor: world.actor(),
      place: world.eventPlace(),
      text: typed,
      ...(attachment ? { attachments: [attachment] } : {}),
    });
  }

  return async function run(line) {
    switch (line.kind) {
      case 'empty':
        return;
      case 'bot-command':
        return botCommand(line.text);
      case 'press':
        return press(line.n);
      case 'as':
        return people.actAs(line.name);
      case 'in':
        return people.goTo(line.channel);
      case 'dm':
        return people.goToDm(root, deps.homeChannel);
      case 'inbox':
        return inbox();
      case 'log':
        return log();
      case 'who':
        return people.who();
      case 'commands':
        return note(commandList());
      case 'cancel':
        return note('There is no form open right now, so there is nothing to cancel.');
      case 'quit':
        return deps.quit();
      case 'unknown':
        return note(
          `The playground doesn't know ${line.word}. /? lists what works here; PeerBridge's own commands start with /${root}.`,
        );
      case 'text':
        return text(line.text);
      case 'upload':
        return text(line.text, line.path);
    }
  };
}
