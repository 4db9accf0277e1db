// How a person who caused a Slack event is answered (the Reply port).
//
// privately:    the response_url (ephemeral) when the event has one: it works in channels the bot
//               was never invited to and in DMs between two people, where chat.postEphemeral
//               fails with channel_not_found. Else chat.postEphemeral in the channel, else a DM
//               (member joined, a message to the bot, a form opened from a DM, or a channel
//               the bot is not in).
// publicly:     chat.postMessage in the channel, so the message can be updated later; where the
//               bot may not post, the response_url `in_channel` (no message ref then).
// openForm:     views.open with the event's trigger_id (valid for about 3 seconds, once).
// updateSource: chat.update on the message the button sits on; an ephemeral one can only be
//               replaced through its response_url.
import type { RespondArguments, webApi } from '@slack/bolt';
import type { MessageRef, Reply } from '../../chat/index.ts';
import type { Form, View } from '../../chat/views.ts';
import { platformTranslator } from '../form-parts.ts';
import { renderSlackMessage, renderSlackMessages } from './render-blocks.ts';
import { slackErrorCode } from './slack-errors.ts';
import type { ReplyOrigin } from './slack-events.ts';
import { modalForForm } from './slack-modal.ts';
import { type DirectChannels, postEphemeralView, postView, updateView } from './slack-posting.ts';

type Respond = (message: RespondArguments) => Promise<unknown>;

export interface SlackReplyDeps {
  readonly client: webApi.WebClient;
  readonly directChannels: DirectChannels;
  readonly origin: ReplyOrigin;
  /** Bolt's respond(), for events that came with a response_url. */
  readonly respond?: Respond;
}

// Where Slack says the bot cannot post: the answer goes another way instead.
const cannotPostHere = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action']);

/** A `Reply` (src/chat/outbound.ts says what each method promises). */
export function createSlackReply({ client, directChannels, origin, respond }: SlackReplyDeps): Reply {
  const thread = origin.threadTs === undefined ? {} : { threadTs: origin.threadTs };

  async function directMessage(view: View): Promise<MessageRef> {
    const channelId =
      origin.inBotDm && origin.channelId !== undefined
        ? origin.channelId
        : await directChannels.open(client, origin.workspaceId, origin.userId);
    const posted = await postView(client, channelId, view, origin.inBotDm ? thread : {});
    return {
      platform: 'slack',
      workspaceId: origin.workspaceId,
      channelId: posted.channelId,
      messageId: posted.ts,
    };
  }

  async function respondAll(view: View, responseType: 'ephemeral' | 'in_channel'): Promise<void> {
    if (!respond) throw new Error('This Slack event has no response_url.');
    for (const message of renderSlackMessages(view, platformTranslator(view.locale))) {
      await respond({
        response_type: responseType,
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
    }
  }

  const reply: Reply = {
    async privately(view) {
      if (origin.privateAsDm || origin.inBotDm || origin.channelId === undefined) {
        await directMessage(view);
        return;
      }
      if (respond) {
        await respondAll(view, 'ephemeral');
        return;
      }
      if (!origin.isDirect) {
        try {
          await postEphemeralView(client, origin.channelId, origin.userId, view, origin.threadTs);
          return;
        } catch (error) {
          const code = slackErrorCode(error);
          if (code === undefined || !cannotPostHere.has(code)) throw error;
        }
      }
      await directMessage(view);
    },

    async publicly(view) {
      if (origin.channelId === undefined) return directMessage(view);
      try {
        const posted = await postView(client, origin.channelId, view, thread);
        return {
          platform: 'slack',
          workspaceId: origin.workspaceId,
          channelId: posted.channelId,
          messageId: posted.ts,
          ...(origin.threadTs === undefined ? {} : { threadId: origin.threadTs }),
        };
      } catch (error) {
        const code = slackErrorCode(error);
        if (!respond || code === undefined || !cannotPostHere.has(code)) throw error;
        await respondAll(view, 'in_channel');
        return undefined;
      }
    },

    async openForm(form: Form) {
      if (origin.triggerId === undefined) {
        throw new Error(
          'Slack can open a form only right after a command, button or form; this event has none.',
        );
      }
      const { channelId, isDirect } = origin;
      await client.views.open({
        trigger_id: origin.triggerId,
        view: modalForForm(form, { ...(channelId === undefined ? {} : { channelId }), isDirect }),
      });
    },

    async updateSource(view) {
      const source = origin.source;
      if (source && !source.ephemeral) {
        await updateView(client, source.channelId, source.ts, view);
        return;
      }
      if (source?.ephemeral && respond) {
        const message = renderSlackMessage(view);
        await respond({ replace_original: true, text: message.text, blocks: message.blocks });
        return;
      }
      // A button on the Home tab or in a modal has no message to replace.
      await reply.privately(view);
    },
  };
  return reply;
}
