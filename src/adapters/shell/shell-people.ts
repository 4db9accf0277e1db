// Acting as people: being someone else (`/as sam`), going somewhere (`/in #night-shift`, `/dm`),
// and who is where (`/who`). Turning up in a channel for the first time is what a platform
// reports as "joined", so it emits a member-joined event, as Slack and Discord would.

import type { ShellEmitter } from './shell-emitter.ts';
import { type ShellOutput, writeNote } from './shell-output.ts';
import { readChannelName, readPersonName, type ShellWorld } from './shell-world.ts';

export interface ShellPeople {
  /**
   * `/as <name>`, `/as <name> --workspace-admin` (the platform calls them a workspace admin),
   * `/as <name> --lang es-MX` (their client's language, as a Discord interaction carries it).
   */
  actAs(name: string): Promise<void>;
  /** `/in <#channel>`. */
  goTo(typed: string): Promise<void>;
  /** `/dm`: the direct message with the bot; `root` is the bot's command, e.g. `peer`. */
  goToDm(root: string, homeChannel: string): void;
  /** Puts the person in the channel; the first time, tells the bot they joined. */
  joinIfNew(userId: string, channelId: string): Promise<void>;
  /** `/who`. */
  who(): void;
  /** Where the current person is, in words. */
  placeName(): string;
}

export function createShellPeople(deps: {
  readonly world: ShellWorld;
  readonly out: ShellOutput;
  readonly emitter: ShellEmitter;
}): ShellPeople {
  const { world, emitter } = deps;
  const note = (text: string) => writeNote(deps.out, text);

  const placeName = (): string =>
    world.place.kind === 'dm' ? 'a direct message with PeerBridge' : `#${world.place.channelId}`;

  async function joinIfNew(userId: string, channelId: string): Promise<void> {
    if (!world.join(userId, channelId)) return;
    await emitter.emit({
      kind: 'member-joined',
      eventId: emitter.nextEventId(),
      actor: world.actor(userId),
      place: { channelId, isDirect: false },
      channelId,
    });
  }

  return {
    placeName,
    joinIfNew,
    async actAs(typed) {
      const words = typed.split(/\s+/).filter(Boolean);
      const workspaceAdmin = words.includes('--workspace-admin');
      const langAt = words.indexOf('--lang');
      const locale = langAt >= 0 ? words[langAt + 1] : undefined;
      if (langAt >= 0 && !locale) return note('Which language? For example /as ana --lang es-MX.');
      const langWords = langAt >= 0 ? new Set([langAt, langAt + 1]) : new Set<number>();
      const nameWords = words.filter((w, i) => w !== '--workspace-admin' && !langWords.has(i));
      const who = readPersonName(nameWords.join(' '));
      if (!who) return note('Who would you like to be? A one-word name works, like /as sam.');
      if (who.userId === world.me && !workspaceAdmin && !locale)
        return note(`You are already ${world.displayName(who.userId)}.`);
      const { isNew } = world.actAs(who, { workspaceAdmin, ...(locale ? { locale } : {}) });
      const role = world.isWorkspaceAdmin(world.me) ? ', a workspace admin' : '';
      note(
        `You are now ${world.displayName(world.me)}${role}${isNew ? ' (new here)' : ''}, in ${placeName()}.`,
      );
      if (world.place.kind === 'channel') await joinIfNew(world.me, world.place.channelId);
    },
    async goTo(typed) {
      const channelId = readChannelName(typed);
      if (!channelId) return note('Which channel? A one-word name works, like /in #night-shift.');
      world.goToChannel(channelId);
      note(`You are in #${channelId} now.`);
      await joinIfNew(world.me, channelId);
    },
    goToDm(root, homeChannel) {
      world.goToDm();
      note(
        `This is your direct message with PeerBridge. Anything you type goes to it, and /${root} commands work here too. /in #${homeChannel} takes you back.`,
      );
    },
    who() {
      const people = world
        .people()
        .map(
          (p) =>
            `${p.displayName}${p.channels.length ? ` (${p.channels.map((c) => `#${c}`).join(', ')})` : ''}`,
        );
      const channels = world
        .channels()
        .map(
          (c) => `#${c.channelId}: ${c.members.map((m) => world.displayName(m)).join(', ') || 'nobody yet'}`,
        );
      note(
        [
          `You are ${world.displayName(world.me)}, in ${placeName()}.`,
          `People: ${people.join(', ')}`,
          `Channels: ${channels.join('; ')}`,
        ].join('\n'),
      );
    },
  };
}
