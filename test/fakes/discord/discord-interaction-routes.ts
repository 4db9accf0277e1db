import { type APIMessage, InteractionResponseType, InteractionType, MessageFlags } from 'discord.js';
import { asRecord } from '../shared/http.ts';
import { snowflake } from './discord-ids.ts';
import { apiMessage, apiUser } from './discord-payloads.ts';
import {
  announce,
  discordError,
  isEmptyMessage,
  noContent,
  ok,
  type RestRequest,
  type RestResult,
  type Route,
  type RouteContext,
  route,
  storeMessage,
  UNKNOWN_INTERACTION,
  UNKNOWN_MESSAGE,
  withBody,
} from './discord-rest-kit.ts';
import type { TrackedInteraction } from './discord-rest-store.ts';

/**
 * Interaction callbacks (POST /interactions/{id}/{token}/callback) and the interaction webhook
 * (follow-ups, @original). Enforces Discord's rules: one callback per interaction (40060), within
 * `ackDeadlineMs` (else 10062), callback types valid for the interaction type, @original only after
 * a type 4/5/7 callback.
 */
export function interactionRoutes(ctx: RouteContext): Route[] {
  const { world, store } = ctx;
  const channelOf = (id: string | undefined) => (id ? world.channels.get(id) : undefined);

  const interactionMessage = (tracked: TrackedInteraction, body: unknown, loading: boolean): APIMessage => {
    const payload = tracked.payload;
    const channel =
      channelOf(payload.channel?.id) ?? world.dmChannelFor(payload.user?.id ?? payload.member?.user.id ?? '');
    const base = apiMessage({
      id: snowflake(),
      channel,
      author: world.botUser,
      webhookId: world.applicationId,
      applicationId: world.applicationId,
      interactionMetadata: {
        id: payload.id,
        type: payload.type,
        user: payload.user ?? payload.member?.user ?? apiUser(world.botUser),
        authorizing_integration_owners: payload.authorizing_integration_owners,
      } as APIMessage['interaction_metadata'],
    });
    const message = withBody(base, body, []);
    if (loading) message.flags = (message.flags ?? 0) | MessageFlags.Loading;
    return message;
  };

  const webhookInteraction = (request: RestRequest): TrackedInteraction | RestResult => {
    if (request.params.appId !== world.applicationId) return discordError(404, 10015, 'Unknown Webhook');
    const tracked = store.interactionByToken(request.params.token ?? '');
    return tracked ?? discordError(401, 50027, 'Invalid Webhook Token');
  };

  const webhookMessageId = (
    tracked: TrackedInteraction,
    messageId: string | undefined,
  ): string | undefined => (messageId === '@original' ? tracked.originalId : messageId);

  return [
    route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      (request) => {
        const tracked = store.interactions.get(request.params.interactionId ?? '');
        if (!tracked || tracked.payload.token !== request.params.token) return UNKNOWN_INTERACTION();
        if (tracked.ackedWith !== undefined) {
          return discordError(400, 40060, 'Interaction has already been acknowledged.');
        }
        if (Date.now() - tracked.dispatchedAt > ctx.ackDeadlineMs) return UNKNOWN_INTERACTION();
        const body = asRecord(request.body);
        const type = typeof body.type === 'number' ? body.type : -1;
        const data = body.data === undefined ? undefined : asRecord(body.data);
        const allowed: number[] = [
          InteractionResponseType.ChannelMessageWithSource,
          InteractionResponseType.DeferredChannelMessageWithSource,
          InteractionResponseType.ApplicationCommandAutocompleteResult,
          InteractionResponseType.Modal,
        ];
        if (
          tracked.payload.type === InteractionType.MessageComponent ||
          tracked.payload.type === InteractionType.ModalSubmit
        ) {
          allowed.push(InteractionResponseType.DeferredMessageUpdate, InteractionResponseType.UpdateMessage);
        }
        if (!allowed.includes(type))
          return discordError(400, 50035, 'Invalid Form Body', { type: `not allowed: ${type}` });
        if (type === InteractionResponseType.Modal && tracked.payload.type === InteractionType.ModalSubmit) {
          return discordError(400, 50035, 'Invalid Form Body', { type: 'a modal cannot open a modal' });
        }
        tracked.ackedWith = type;
        let message: APIMessage | undefined;
        if (
          type === InteractionResponseType.ChannelMessageWithSource ||
          type === InteractionResponseType.DeferredChannelMessageWithSource
        ) {
          message = storeMessage(
            ctx,
            interactionMessage(
              tracked,
              data ?? {},
              type === InteractionResponseType.DeferredChannelMessageWithSource,
            ),
          );
          tracked.originalId = message.id;
          announce(ctx, message);
        }
        if (
          type === InteractionResponseType.UpdateMessage &&
          'message' in tracked.payload &&
          tracked.payload.message
        ) {
          const current = store.messages.get(tracked.payload.message.id) ?? tracked.payload.message;
          message = storeMessage(
            ctx,
            withBody({ ...current, edited_timestamp: new Date().toISOString() }, data ?? {}, request.files),
          );
          tracked.originalId = message.id;
        }
        if (
          type === InteractionResponseType.DeferredMessageUpdate &&
          'message' in tracked.payload &&
          tracked.payload.message
        ) {
          tracked.originalId = tracked.payload.message.id;
        }
        if (type === InteractionResponseType.Modal && data) store.rememberModal(data);
        store.replies.add({
          interactionId: tracked.payload.id,
          token: tracked.payload.token,
          type,
          data,
          withResponse: request.query.get('with_response') === 'true',
          at: Date.now(),
        });
        if (request.query.get('with_response') !== 'true') return noContent();
        const ephemeral = ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        return ok({
          interaction: {
            id: tracked.payload.id,
            type: tracked.payload.type,
            activity_instance_id: null,
            response_message_id: message?.id ?? null,
            response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
            response_message_ephemeral: ephemeral,
          },
          resource: { type, ...(message ? { message } : {}) },
        });
      },
      false,
    ),

    route(
      'POST',
      '/webhooks/:appId/:token',
      (request) => {
        const tracked = webhookInteraction(request);
        if ('status' in tracked) return tracked;
        if (tracked.ackedWith === undefined) return UNKNOWN_INTERACTION();
        if (isEmptyMessage(request.body, request.files))
          return discordError(400, 50006, 'Cannot send an empty message');
        const message = storeMessage(
          ctx,
          withBody(interactionMessage(tracked, {}, false), request.body, request.files),
        );
        tracked.followUpIds.push(message.id);
        announce(ctx, message);
        return request.query.get('wait') === 'true' ? ok(message) : noContent();
      },
      false,
    ),
    route(
      'GET',
      '/webhooks/:appId/:token/messages/:messageId',
      (request) => {
        const tracked = webhookInteraction(request);
        if ('status' in tracked) return tracked;
        const message = store.messages.get(webhookMessageId(tracked, request.params.messageId) ?? '');
        return message ? ok(message) : UNKNOWN_MESSAGE();
      },
      false,
    ),
    route(
      'PATCH',
      '/webhooks/:appId/:token/messages/:messageId',
      (request) => {
        const tracked = webhookInteraction(request);
        if ('status' in tracked) return tracked;
        const existing = store.messages.get(webhookMessageId(tracked, request.params.messageId) ?? '');
        if (!existing) return UNKNOWN_MESSAGE();
        const edited = withBody(
          { ...existing, edited_timestamp: new Date().toISOString() },
          request.body,
          request.files,
        );
        edited.flags = (edited.flags ?? 0) & ~MessageFlags.Loading;
        return ok(storeMessage(ctx, edited));
      },
      false,
    ),
    route(
      'DELETE',
      '/webhooks/:appId/:token/messages/:messageId',
      (request) => {
        const tracked = webhookInteraction(request);
        if ('status' in tracked) return tracked;
        const id = webhookMessageId(tracked, request.params.messageId) ?? '';
        return store.messages.delete(id) ? noContent() : UNKNOWN_MESSAGE();
      },
      false,
    ),
  ];
}
