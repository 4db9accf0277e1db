// The playground's pretend workspace: who is here, which channels they have been in, what
// each person received privately, what each channel shows, and which buttons each person
// can press. Plain state, no I/O, so the REPL and the client share one picture of it.

import type { Actor, MessageRef, Place } from '../../chat/index.ts';
import type { ShellControl } from './render-text.ts';

export const shellWorkspaceId = 'local';

/** Where the current person is typing: a channel, or their direct message with the bot. */
export type ShellPlace = { readonly kind: 'channel'; readonly channelId: string } | { readonly kind: 'dm' };

/** One message as it was shown, kept for `/inbox` and `/log`. */
export interface Received {
  /** A channel post, a direct message, or a reply only this person sees in a channel. */
  readonly via: 'channel' | 'direct' | 'whisper';
  readonly label: string;
  readonly body: string;
}

export interface WorldSnapshot {
  readonly people: readonly { readonly userId: string; readonly displayName: string }[];
  readonly channels: readonly { readonly channelId: string; readonly members: readonly string[] }[];
}

/** A message's buttons and select choices, as numbered when it was shown. */
export interface Pressable {
  readonly message: MessageRef;
  readonly controls: readonly ShellControl[];
}

/** One button (or select choice) a person can press, by its session-wide number. */
export interface PressableControl {
  readonly message: MessageRef;
  readonly control: ShellControl;
}

interface Person {
  readonly userId: string;
  readonly displayName: string;
  readonly channels: Set<string>;
  readonly inbox: Received[];
  /**
   * Every button this person was shown, by number. Numbers never repeat in a session, so "1"
   * can never press a newer message's button by mistake, and an older message's still work.
   */
  readonly controls: Map<number, PressableControl>;
  /** The numbers on the latest message with buttons, for "type 4–6" hints. */
  latest?: Pressable;
  /** What Slack's is_admin or Discord's Manage Server would say: set with `/as name --workspace-admin`. */
  workspaceAdmin?: boolean;
  /** What their "client language" would be: set with `/as name --lang es-MX` (else the terminal's). */
  locale?: string;
}

interface Channel {
  readonly channelId: string;
  readonly members: Set<string>;
  readonly log: Received[];
}

// Enough history for `/inbox` and `/log` to be useful without growing for ever in a long session.
const keepAtMost = 50;
// Buttons a person can still press by number: far more than anyone scrolls back to.
const keepControls = 1000;

// A direct message is a place of its own on Slack and Discord (it has a channel id); the
// shell names it after the person so a reply or a button press can find its way back.
const dmPrefix = 'dm-';
export const dmChannelId = (userId: string): string => `${dmPrefix}${userId}`;
export const dmOwner = (channelId: string): string | undefined =>
  channelId.startsWith(dmPrefix) ? channelId.slice(dmPrefix.length) : undefined;

const personName = /^@?([A-Za-z][A-Za-z0-9._-]{0,31})$/;
const channelName = /^#?([A-Za-z0-9][A-Za-z0-9_-]{0,39})$/;

/** A typed name -> its user id and how it is shown, or undefined when it cannot be a name. */
export function readPersonName(typed: string): { userId: string; displayName: string } | undefined {
  const match = personName.exec(typed.trim());
  return match?.[1] ? { userId: match[1].toLowerCase(), displayName: match[1] } : undefined;
}

/** `#night-shift` or `night-shift` -> `night-shift`. */
export function readChannelName(typed: string): string | undefined {
  return channelName.exec(typed.trim())?.[1]?.toLowerCase();
}

function remember(list: Received[], item: Received): void {
  list.push(item);
  if (list.length > keepAtMost) list.splice(0, list.length - keepAtMost);
}

export class ShellWorld {
  readonly #people = new Map<string, Person>();
  readonly #channels = new Map<string, Channel>();
  #me: string;
  #place: ShellPlace;

  readonly #onChange: (() => void) | undefined;
  /** The terminal's LANG as a tag: the locale of everyone who set none. */
  readonly #locale: string | undefined;

  constructor(start: {
    readonly person: string;
    readonly channelId: string;
    readonly locale?: string;
    readonly onChange?: () => void;
  }) {
    this.#onChange = start.onChange;
    this.#locale = start.locale;
    const who = readPersonName(start.person);
    if (!who) throw new Error(`'${start.person}' cannot be a playground name`);
    this.#me = this.#meet(who.userId, who.displayName).userId;
    this.#place = { kind: 'channel', channelId: start.channelId };
  }

  get me(): string {
    return this.#me;
  }

  /** Whether this person has been in the playground (a name nobody used is nobody). */
  knows(userId: string): boolean {
    return this.#people.has(userId);
  }

  /** Who is known and who is in which channel: what a restart should remember. */
  snapshot(): WorldSnapshot {
    return {
      people: [...this.#people.values()].map((p) => ({ userId: p.userId, displayName: p.displayName })),
      channels: [...this.#channels.values()].map((c) => ({
        channelId: c.channelId,
        members: [...c.members],
      })),
    };
  }

  /** Puts back a snapshot's people and channels, without anyone "joining" again. */
  restore(snapshot: WorldSnapshot): void {
    for (const person of snapshot.people) this.#meet(person.userId, person.displayName);
    for (const channel of snapshot.channels) {
      for (const userId of channel.members) {
        this.#channel(channel.channelId).members.add(userId);
        this.#meet(userId).channels.add(channel.channelId);
      }
    }
  }

  get place(): ShellPlace {
    return this.#place;
  }

  /** The person as the platform would describe them in an event. */
  actor(userId = this.#me): Actor {
    return {
      platform: 'shell',
      workspaceId: shellWorkspaceId,
      userId,
      displayName: this.displayName(userId),
      // The platform's own word, carried on the event as a Discord interaction carries it.
      isWorkspaceAdmin: this.#people.get(userId)?.workspaceAdmin === true,
      // Like a Discord interaction's locale: the person's own client language, on every event.
      ...this.#localeOf(userId),
    };
  }

  #localeOf(userId: string): { locale?: string } {
    const locale = this.#people.get(userId)?.locale ?? this.#locale;
    return locale ? { locale } : {};
  }

  /** Whether the playground's "platform" calls this person a workspace admin. */
  isWorkspaceAdmin(userId: string): boolean {
    return this.#people.get(userId)?.workspaceAdmin === true;
  }

  /** The current place as an event's `place`. */
  eventPlace(): Place {
    return this.#place.kind === 'dm'
      ? { channelId: dmChannelId(this.#me), isDirect: true }
      : { channelId: this.#place.channelId, isDirect: false };
  }

  displayName(userId: string): string {
    return this.#people.get(userId)?.displayName ?? userId;
  }

  /** Becomes someone else; says whether they are new to the playground. */
  actAs(
    typed: { userId: string; displayName: string },
    options: { readonly workspaceAdmin?: boolean; readonly locale?: string } = {},
  ): { readonly isNew: boolean } {
    const isNew = !this.#people.has(typed.userId);
    const person = this.#meet(typed.userId, typed.displayName);
    if (options.workspaceAdmin) person.workspaceAdmin = true;
    if (options.locale) person.locale = options.locale;
    this.#me = person.userId;
    return { isNew };
  }

  goToChannel(channelId: string): void {
    this.#place = { kind: 'channel', channelId };
  }

  goToDm(): void {
    this.#place = { kind: 'dm' };
  }

  /** Puts a person in a channel; true the first time, which is when a platform says "joined". */
  join(userId: string, channelId: string): boolean {
    const person = this.#meet(userId);
    const channel = this.#channel(channelId);
    if (channel.members.has(userId)) return false;
    channel.members.add(userId);
    person.channels.add(channelId);
    this.#onChange?.();
    return true;
  }

  membersOf(channelId: string): readonly string[] {
    return [...(this.#channels.get(channelId)?.members ?? [])];
  }

  receivePrivately(userId: string, item: Received): void {
    remember(this.#meet(userId).inbox, item);
  }

  showInChannel(channelId: string, item: Received): void {
    remember(this.#channel(channelId).log, item);
  }

  inbox(userId = this.#me): readonly Received[] {
    return this.#people.get(userId)?.inbox ?? [];
  }

  channelLog(channelId: string): readonly Received[] {
    return this.#channels.get(channelId)?.log ?? [];
  }

  setPressable(userIds: readonly string[], pressable: Pressable): void {
    for (const userId of userIds) {
      const person = this.#meet(userId);
      person.latest = pressable;
      for (const control of pressable.controls) {
        person.controls.set(control.n, { message: pressable.message, control });
      }
      for (const n of person.controls.keys()) {
        if (person.controls.size <= keepControls) break;
        person.controls.delete(n);
      }
    }
  }

  /**
   * An edited message's old buttons are gone; whoever could press them can press its new ones
   * (with new numbers), and it stays "latest" for whoever had it so.
   */
  replaceControls(message: MessageRef, controls: readonly ShellControl[]): void {
    for (const person of this.#people.values()) {
      let had = false;
      for (const [n, entry] of person.controls) {
        if (entry.message.messageId !== message.messageId) continue;
        person.controls.delete(n);
        had = true;
      }
      const wasLatest = person.latest?.message.messageId === message.messageId;
      if (wasLatest) person.latest = controls.length > 0 ? { message, controls } : undefined;
      if (!had && !wasLatest) continue;
      for (const control of controls) person.controls.set(control.n, { message, control });
    }
  }

  /** The buttons of the latest message this person got that had any. */
  pressable(userId = this.#me): Pressable | undefined {
    return this.#people.get(userId)?.latest;
  }

  /** Button `n` of any message this person was shown, if they can still press it. */
  control(n: number, userId = this.#me): PressableControl | undefined {
    return this.#people.get(userId)?.controls.get(n);
  }

  people(): readonly {
    readonly userId: string;
    readonly displayName: string;
    readonly channels: readonly string[];
  }[] {
    return [...this.#people.values()].map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      channels: [...p.channels],
    }));
  }

  channels(): readonly { readonly channelId: string; readonly members: readonly string[] }[] {
    return [...this.#channels.values()].map((c) => ({ channelId: c.channelId, members: [...c.members] }));
  }

  #meet(userId: string, displayName?: string): Person {
    let person = this.#people.get(userId);
    if (!person) {
      person = {
        userId,
        displayName: displayName ?? userId,
        channels: new Set(),
        inbox: [],
        controls: new Map(),
      };
      this.#people.set(userId, person);
      this.#onChange?.();
    }
    return person;
  }

  #channel(channelId: string): Channel {
    let channel = this.#channels.get(channelId);
    if (!channel) {
      channel = { channelId, members: new Set(), log: [] };
      this.#channels.set(channelId, channel);
    }
    return channel;
  }
}
