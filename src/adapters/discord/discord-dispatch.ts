// Each incoming Discord event -> one ChatEvent and one Reply, handed to the sink. The
// adapter's own form steps (open the form, the next part, an expired form) are answered here
// and never reach the router.

import type {
  ButtonInteraction,
  Client,
  GuildMember,
  Interaction,
  Message,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import { MessageFlags } from 'discord.js';
import {
  apologyView,
  type ChatEvent,
  checkFormValues,
  type EventSink,
  errorFields,
  type Logger,
} from '../../chat/index.ts';
import { checkProblems, platformTranslator } from '../form-parts.ts';
import {
  actionEvent,
  commandEvent,
  directMessageEvent,
  formEvent,
  memberJoinedEvent,
  type Origin,
  originOf,
} from './discord-events.ts';
import {
  expiredFormView,
  nextPartView,
  openFormActionId,
  type PendingForms,
  tryAgainView,
} from './discord-forms.ts';
import {
  type AnswerableInteraction,
  type DeferTrigger,
  DiscordChannelReply,
  DiscordInteractionReply,
} from './discord-reply.ts';
import {
  discordModalToFormValues,
  parseDiscordCustomId,
  parseDiscordModalCustomId,
  renderDiscordMessage,
  renderDiscordModal,
} from './render-components.ts';

export interface DispatchDeps {
  readonly client: Client;
  readonly sink: EventSink;
  readonly forms: PendingForms;
  readonly logger: Logger;
  readonly deferTrigger: DeferTrigger;
  /** `/peer`, for the apology when something breaks before the router could answer. */
  readonly root: string;
  /** The workspace of a DM (see discord-workspace.ts). */
  readonly workspaceOf: (userId: string) => Promise<string>;
}

type Answer = (reply: DiscordInteractionReply, origin: Origin) => Promise<ChatEvent | undefined>;

async function answer(interaction: AnswerableInteraction, deps: DispatchDeps, build: Answer): Promise<void> {
  // The clock starts before anything else: DMs may need a REST call to find their workspace.
  const workspaceId = interaction.guildId
    ? Promise.resolve(interaction.guildId)
    : deps.workspaceOf(interaction.user.id);
  const reply = new DiscordInteractionReply(interaction, {
    deferTrigger: deps.deferTrigger,
    forms: deps.forms,
    logger: deps.logger,
    workspaceId,
  });
  reply.start();
  try {
    const event = await build(reply, originOf(interaction, await workspaceId));
    if (event) await deps.sink(event, reply);
  } catch (error) {
    // The router never throws, so this is the adapter failing to read the interaction: say
    // sorry rather than let finish() thank the person for something that did not happen.
    deps.logger.error(
      {
        event: 'discord.interaction.failed',
        interactionId: interaction.id,
        err: errorFields(error, { stack: true }),
      },
      'could not handle the interaction',
    );
    await reply.privately(apologyView(deps.root)).catch(() => undefined);
  } finally {
    await reply
      .finish()
      .catch((error: unknown) =>
        deps.logger.warn(
          { event: 'discord.interaction.unanswered', interactionId: interaction.id, err: errorFields(error) },
          'could not acknowledge the interaction',
        ),
      );
  }
}

async function openPendingForm(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  ticket: string | undefined,
  deps: DispatchDeps,
): Promise<void> {
  const entry = ticket === undefined ? undefined : deps.forms.byTicket(interaction.user.id, ticket);
  if (!entry) {
    const shown = renderDiscordMessage(expiredFormView(platformTranslator(interaction.locale)));
    await interaction.reply({
      content: shown.content ?? '',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  await interaction.showModal(renderDiscordModal(deps.forms.page(entry), platformTranslator(entry.locale)));
}

function submitForm(interaction: ModalSubmitInteraction, deps: DispatchDeps): Promise<void> {
  return answer(interaction, deps, async (reply, origin) => {
    const modal = parseDiscordModalCustomId(interaction.customId);
    const entry = modal && deps.forms.forSubmission(interaction.user.id, modal);
    if (!modal || !entry) {
      deps.logger.info(
        { event: 'discord.form.unknown', interactionId: interaction.id, formId: modal?.formId },
        'a form came back that is no longer open',
      );
      await reply.privately(expiredFormView(platformTranslator(interaction.locale)));
      return undefined;
    }
    const parsed = discordModalToFormValues(
      deps.forms.page(entry).form,
      { components: interaction.components },
      platformTranslator(entry.locale),
    );
    if (!parsed.ok) {
      await reply.privately(tryAgainView(entry, parsed.reason));
      return undefined;
    }
    // A value that fails its input's check: nothing is kept, and Try again reopens this part.
    const problems = checkProblems(checkFormValues(deps.forms.page(entry).form.inputs, parsed.values));
    if (problems) {
      await reply.privately(tryAgainView(entry, problems));
      return undefined;
    }
    const part = deps.forms.submitted(entry, parsed.values);
    if (part.kind === 'more') {
      await reply.privately(nextPartView(part.entry));
      return undefined;
    }
    return formEvent(interaction.id, origin, modal.formId, modal.context, part.values);
  });
}

export async function dispatchInteraction(interaction: Interaction, deps: DispatchDeps): Promise<void> {
  if (interaction.isChatInputCommand()) {
    return answer(interaction, deps, async (_reply, origin) =>
      commandEvent(interaction.id, origin, interaction.options.data),
    );
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const { actionId, value } = parseDiscordCustomId(interaction.customId);
    if (actionId === openFormActionId) return openPendingForm(interaction, value, deps);
    const picked = interaction.isStringSelectMenu() ? interaction.values : undefined;
    return answer(interaction, deps, async (_reply, origin) =>
      actionEvent(interaction.id, origin, interaction.customId, picked, interaction.message.id),
    );
  }
  if (interaction.isModalSubmit()) return submitForm(interaction, deps);
  // Autocomplete, context menus and other selects are never registered or rendered.
}

export async function dispatchDirectMessage(message: Message, deps: DispatchDeps): Promise<void> {
  if (message.author.bot || message.inGuild()) return;
  const workspaceId = await deps.workspaceOf(message.author.id);
  const reply = new DiscordChannelReply(deps.client, {
    userId: message.author.id,
    workspaceId,
    channelId: message.channelId,
    directChannelId: message.channelId,
    forms: deps.forms,
  });
  await deps.sink(directMessageEvent(message, workspaceId), reply);
}

export async function dispatchMemberJoined(member: GuildMember, deps: DispatchDeps): Promise<void> {
  if (member.user.bot) return;
  const event = memberJoinedEvent(member);
  if (!event) {
    deps.logger.info(
      { event: 'discord.member-joined.no-system-channel', guildId: member.guild.id, userId: member.id },
      'a member joined a server without a system channel; no team to welcome them to',
    );
    return;
  }
  const reply = new DiscordChannelReply(deps.client, {
    userId: member.id,
    workspaceId: member.guild.id,
    channelId: event.channelId,
    forms: deps.forms,
  });
  await deps.sink(event, reply);
}
