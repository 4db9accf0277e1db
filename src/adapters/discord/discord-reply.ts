// How a person is answered on Discord: one Reply per event.
//
// Interactions (commands, buttons, selects, modal submissions) must be answered within three
// seconds, and the first answer decides a lot: a modal can only be the first answer, and a
// deferred answer ("thinking…") must choose private or public before the handler has said
// anything. The rule here:
// - every answer to one interaction runs in order (a queue), so a late timer and a handler's
//   first answer never race;
// - when the defer trigger fires (`deferAfter(2 s)` by default; tests fire it by hand) and
//   nothing was answered
//   yet, the adapter defers: a press on a message (button, select, a modal sent from a
//   message) with a silent "update later" (type 6); a command or a modal with a private
//   "thinking…" (type 5, ephemeral), since most answers here are private;
// - after a private defer, the first private answer fills the "thinking…" message; a public
//   answer first resolves it with a short private line and then follows up in public
//   (Discord makes the first follow-up after a defer inherit the defer's privacy);
// - a form after a defer, or in answer to another modal, cannot be a modal: the person gets
//   a private button that opens it (see discord-forms.ts);
// - when the handler finishes without answering, the press is acknowledged silently or the
//   "thinking…" message says it is done, so Discord never shows "interaction failed".

import {
  type ChatInputCommandInteraction,
  type Client,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalMessageModalSubmitInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Form, Logger, MessageRef, Reply, View } from '../../chat/index.ts';
import { errorFields, view } from '../../chat/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { platformTranslator } from '../form-parts.ts';
import { formButtonView, type PendingForms } from './discord-forms.ts';
import { sendView } from './discord-outbound.ts';
import {
  type DiscordMessage,
  renderDiscordMessage,
  renderDiscordMessages,
  renderDiscordModal,
} from './render-components.ts';

export type AnswerableInteraction =
  | ChatInputCommandInteraction
  | MessageComponentInteraction
  | ModalSubmitInteraction;

type WithSource = MessageComponentInteraction | ModalMessageModalSubmitInteraction;

function sourceOf(interaction: AnswerableInteraction): WithSource | undefined {
  if (interaction.isMessageComponent()) return interaction;
  if (interaction.isModalSubmit() && interaction.isFromMessage()) return interaction;
  return undefined;
}

const noPings = { parse: [] };

function replyOptions(message: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(message.content ? { content: message.content } : {}),
    ...(message.components ? { components: message.components } : {}),
    allowedMentions: noPings,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Edits must clear what the new view no longer has. */
function editOptions(message: DiscordMessage): InteractionEditReplyOptions {
  return { content: message.content ?? '', components: message.components ?? [], allowedMentions: noPings };
}

const doneView = (t: Translate) =>
  view(t('platform.replies.doneTitle'), { type: 'text', text: t('platform.replies.done') });
const postedBelowView = (t: Translate) =>
  view(t('platform.replies.postedBelowTitle'), { type: 'text', text: t('platform.replies.postedBelow') });

type Phase =
  /** Nothing sent to Discord yet: every first answer is still possible. */
  | 'fresh'
  /** A private "thinking…" message waits for its content. */
  | 'thinking'
  /** Acknowledged silently (type 6); the message pressed can still be edited. */
  | 'deferred-update'
  | 'answered';

/**
 * Arms the defer of one unanswered interaction and returns what disarms it. Production arms a
 * timer (`deferAfter`); tests pass a trigger they fire themselves, so "slow" and "quick" never
 * depend on how busy the machine is.
 */
export type DeferTrigger = (defer: () => void) => () => void;

/** Defers after `ms` of real time: Discord allows 3 s, 2 s leaves room for the network. */
export function deferAfter(ms: number): DeferTrigger {
  return (defer) => {
    const timer = setTimeout(defer, ms);
    return () => clearTimeout(timer);
  };
}

export interface InteractionReplyDeps {
  readonly deferTrigger: DeferTrigger;
  readonly forms: PendingForms;
  readonly logger: Logger;
  /** The workspace of MessageRefs this reply returns (resolved later for DMs). */
  readonly workspaceId: Promise<string>;
}

/** A `Reply` to an interaction (src/chat/outbound.ts says what each method promises). */
export class DiscordInteractionReply implements Reply {
  #phase: Phase = 'fresh';
  #queue: Promise<unknown> = Promise.resolve();
  #disarm: (() => void) | undefined;

  constructor(
    private readonly interaction: AnswerableInteraction,
    private readonly options: InteractionReplyDeps,
  ) {}

  /** Starts the three-second clock; call as soon as the interaction arrives. */
  start(): void {
    this.#disarm = this.options.deferTrigger(() => {
      this.#run(() => this.#deferIfFresh()).catch((error: unknown) => {
        this.options.logger.warn(
          {
            event: 'discord.interaction.defer-failed',
            interactionId: this.interaction.id,
            err: errorFields(error),
          },
          'could not defer the interaction',
        );
      });
    });
  }

  /** After the handler: make sure Discord got an answer, so it never shows "interaction failed". */
  async finish(): Promise<void> {
    this.#disarm?.();
    await this.#run(async () => {
      if (this.#phase === 'fresh') {
        const source = sourceOf(this.interaction);
        if (source) await source.deferUpdate();
        else
          await this.interaction.reply(
            replyOptions(renderDiscordMessage(doneView(platformTranslator(this.interaction.locale))), true),
          );
        this.#phase = 'answered';
      } else if (this.#phase === 'thinking') {
        await this.interaction.editReply(
          editOptions(renderDiscordMessage(doneView(platformTranslator(this.interaction.locale)))),
        );
        this.#phase = 'answered';
      }
    });
  }

  privately(shown: View): Promise<void> {
    return this.#run(() => this.#privately(shown));
  }

  publicly(shown: View): Promise<MessageRef | undefined> {
    return this.#run(() => this.#publicly(shown));
  }

  openForm(form: Form): Promise<void> {
    return this.#run(async () => {
      const { locale } = this.interaction;
      const entry = this.options.forms.open(this.interaction.user.id, form, locale);
      if (this.#phase === 'fresh' && !this.interaction.isModalSubmit()) {
        await this.interaction.showModal(
          renderDiscordModal(this.options.forms.page(entry), platformTranslator(locale)),
        );
        this.#phase = 'answered';
        return;
      }
      await this.#privately(formButtonView(entry));
    });
  }

  updateSource(shown: View): Promise<void> {
    return this.#run(async () => {
      const source = sourceOf(this.interaction);
      if (!source) throw new Error('updateSource needs a button or select press; this event has no message');
      const edit = editOptions(renderDiscordMessage(shown));
      if (this.#phase === 'fresh') await source.update(edit);
      else if (this.#phase === 'deferred-update') await this.interaction.editReply(edit);
      else if (!source.message.flags.has(MessageFlags.Ephemeral)) await source.message.edit(edit);
      // A private message can only be changed as the first answer to a press on it.
      else return this.#privately(shown);
      this.#phase = 'answered';
    });
  }

  #run<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(step, step);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #deferIfFresh(): Promise<void> {
    if (this.#phase !== 'fresh') return;
    const source = sourceOf(this.interaction);
    if (source) {
      await source.deferUpdate();
      this.#phase = 'deferred-update';
    } else {
      await this.interaction.deferReply({ flags: MessageFlags.Ephemeral });
      this.#phase = 'thinking';
    }
    this.options.logger.info(
      { event: 'discord.interaction.deferred', interactionId: this.interaction.id, phase: this.#phase },
      'slow answer: deferred',
    );
  }

  async #privately(shown: View): Promise<void> {
    for (const part of renderDiscordMessages(shown)) {
      if (this.#phase === 'fresh') await this.interaction.reply(replyOptions(part, true));
      else if (this.#phase === 'thinking') await this.interaction.editReply(editOptions(part));
      else await this.interaction.followUp(replyOptions(part, true));
      this.#phase = 'answered';
    }
  }

  async #publicly(shown: View): Promise<MessageRef | undefined> {
    let first: { channelId: string; messageId: string } | undefined;
    for (const part of renderDiscordMessages(shown)) {
      let sent: { channelId: string; id: string } | null | undefined;
      if (this.#phase === 'fresh') {
        const response = await this.interaction.reply({ ...replyOptions(part, false), withResponse: true });
        sent = response.resource?.message;
      } else {
        if (this.#phase === 'thinking') {
          await this.interaction.editReply(
            editOptions(renderDiscordMessage(postedBelowView(platformTranslator(this.interaction.locale)))),
          );
        }
        sent = await this.interaction.followUp(replyOptions(part, false));
      }
      this.#phase = 'answered';
      first ??= sent ? { channelId: sent.channelId, messageId: sent.id } : undefined;
    }
    if (!first) return undefined;
    return { platform: 'discord', workspaceId: await this.options.workspaceId, ...first };
  }
}

/**
 * Events that are not interactions (a direct message, a member joining) have no three-second
 * window and no ephemeral messages: `privately` is a direct message to the person, `publicly`
 * goes to the channel of the event (the DM itself, or the guild's system channel), and a form
 * arrives as a button that opens it.
 */
/** A `Reply` to a direct message or a member joining (src/chat/outbound.ts says what it promises). */
export class DiscordChannelReply implements Reply {
  constructor(
    private readonly client: Client,
    private readonly target: {
      readonly userId: string;
      readonly workspaceId: string;
      /** Where `publicly` posts. */
      readonly channelId: string;
      /** The person's DM channel when already known (a DM event). */
      readonly directChannelId?: string;
      readonly forms: PendingForms;
    },
  ) {}

  async privately(shown: View): Promise<void> {
    await sendView(this.client.rest, await this.#directChannel(), shown);
  }

  async publicly(shown: View): Promise<MessageRef> {
    const sent = await sendView(this.client.rest, this.target.channelId, shown);
    return { platform: 'discord', workspaceId: this.target.workspaceId, ...sent };
  }

  async openForm(form: Form): Promise<void> {
    await this.privately(formButtonView(this.target.forms.open(this.target.userId, form)));
  }

  async updateSource(): Promise<void> {
    throw new Error('updateSource needs a button or select press; this event has no message');
  }

  async #directChannel(): Promise<string> {
    if (this.target.directChannelId) return this.target.directChannelId;
    const channel = await this.client.users.createDM(this.target.userId);
    return channel.id;
  }
}
