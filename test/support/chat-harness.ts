// Drives a feature through the real router with no platform: events in, recorded replies out.

import { createAccess } from '../../src/access/index.ts';
import { createCommandTable } from '../../src/chat/command-table.ts';
import type { Actor, ChatEvent, CommandOptionValue, Place } from '../../src/chat/events.ts';
import type { ChatClient, Reply } from '../../src/chat/outbound.ts';
import type { Platform } from '../../src/chat/refs.ts';
import { createRouter, type RouterDeps } from '../../src/chat/router.ts';
import type { Form, FormValues, View } from '../../src/chat/views.ts';
import { type PrismaClient, processedEvents } from '../../src/db/index.ts';
import { composeFeatures } from '../../src/features/compose-features.ts';
import type { Feature } from '../../src/features/feature.ts';
import { translatorForActor } from '../../src/features/teams/index.ts';
import { silentLogger } from '../../src/logger.ts';

export interface Recorded {
  readonly how: 'privately' | 'publicly' | 'form' | 'update';
  readonly view?: View;
  readonly form?: Form;
}

export function recordingReply(): Reply & { readonly seen: Recorded[]; text(): string } {
  const seen: Recorded[] = [];
  const flatten = (view: View) =>
    [
      view.text,
      ...view.blocks.map((b) =>
        'text' in b
          ? b.text
          : b.type === 'fields'
            ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n')
            : '',
      ),
    ].join('\n');
  return {
    seen,
    text: () => seen.map((r) => (r.view ? flatten(r.view) : (r.form?.title ?? ''))).join('\n---\n'),
    async privately(view) {
      seen.push({ how: 'privately', view });
    },
    async publicly(view) {
      seen.push({ how: 'publicly', view });
      return undefined;
    },
    async openForm(form) {
      seen.push({ how: 'form', form });
    },
    async updateSource(view) {
      seen.push({ how: 'update', view });
    },
  };
}

let counter = 0;

/** Who the harness's people are: the shell playground by default, or a Slack/Discord workspace. */
export interface HarnessWorkspace {
  readonly platform: Platform;
  readonly workspaceId: string;
}

export interface HarnessOptions extends Partial<HarnessWorkspace> {
  /** Where events happen when a call names no place; `C-team` unless said. */
  readonly channelId?: string;
  /**
   * People the platform calls workspace admins (as a Discord interaction carries it); the rest
   * are asked of `clientFor`, when given, as Slack's users.info would be.
   */
  readonly workspaceAdmins?: readonly string[];
  /** The platforms' clients the access policy asks about workspace admins. */
  readonly clientFor?: (platform: Platform) => ChatClient | undefined;
  /** The router's logger: silent unless a test reads what it logged. */
  readonly logger?: RouterDeps['logger'];
}

/** A direct message, as the place of an event: buttons on a DM, forms opened from one. */
export const dm: Place = { isDirect: true };

/** A channel id (in the harness's workspace), or the place itself (`dm`). */
export type Where = string | Place;

export function chatHarness(
  prisma: PrismaClient,
  parts: Omit<RouterDeps, 'table' | 'dedupe' | 'logger'> &
    Pick<Parameters<typeof createCommandTable>[0], 'commands' | 'groups'>,
  options: HarnessOptions = {},
) {
  const table = createCommandTable({
    commands: parts.commands,
    ...(parts.groups ? { groups: parts.groups } : {}),
  });
  const { commands: _c, groups: _g, ...handlers } = parts;
  const sink = createRouter({
    ...handlers,
    table,
    dedupe: processedEvents(prisma),
    logger: options.logger ?? silentLogger,
  });
  const workspace = { platform: options.platform ?? 'shell', workspaceId: options.workspaceId ?? 'local' };
  const home = options.channelId ?? 'C-team';
  const actor = (userId: string): Actor => ({
    ...workspace,
    userId,
    displayName: userId,
    ...(options.workspaceAdmins?.includes(userId) ? { isWorkspaceAdmin: true } : {}),
  });
  const place = (where: Where): Place =>
    typeof where === 'string' ? { channelId: where, isDirect: false } : where;
  return {
    table,
    async command(
      userId: string,
      path: string[],
      options: Record<string, CommandOptionValue> = {},
      where: Where = home,
    ) {
      const reply = recordingReply();
      const event: ChatEvent = {
        kind: 'command',
        eventId: `ev-${++counter}`,
        actor: actor(userId),
        place: place(where),
        path,
        options,
      };
      await sink(event, reply);
      return reply;
    },
    async action(userId: string, actionId: string, value?: string, where: Where = home) {
      const reply = recordingReply();
      await sink(
        {
          kind: 'action',
          eventId: `ev-${++counter}`,
          actor: actor(userId),
          place: place(where),
          actionId,
          ...(value === undefined ? {} : { value }),
        },
        reply,
      );
      return reply;
    },
    async form(userId: string, formId: string, values: FormValues, where: Where = home, context?: string) {
      const reply = recordingReply();
      await sink(
        {
          kind: 'form',
          eventId: `ev-${++counter}`,
          actor: actor(userId),
          place: place(where),
          formId,
          values,
          ...(context === undefined ? {} : { context }),
        },
        reply,
      );
      return reply;
    },
    /** A direct message to the bot, with files attached as the platforms hand them over. */
    async directMessage(
      userId: string,
      text: string,
      files: readonly { name: string; content: string }[] = [],
    ) {
      const reply = recordingReply();
      await sink(
        {
          kind: 'direct-message',
          eventId: `ev-${++counter}`,
          actor: actor(userId),
          place: dm,
          text,
          attachments: files.map((f) => {
            const bytes = new TextEncoder().encode(f.content);
            return { name: f.name, size: bytes.byteLength, fetch: async () => bytes };
          }),
        },
        reply,
      );
      return reply;
    },
    async joined(userId: string, channelId = home) {
      const reply = recordingReply();
      await sink(
        {
          kind: 'member-joined',
          eventId: `ev-${++counter}`,
          actor: actor(userId),
          place: { channelId, isDirect: false },
          channelId,
        },
        reply,
      );
      return reply;
    },
  };
}

/**
 * The chat harness for a list of features, composed exactly as app.ts composes them; `composed`
 * gives a test the occurrence handlers and jobs to schedule.
 */
export function featureHarness(prisma: PrismaClient, features: readonly Feature[], options?: HarnessOptions) {
  const composed = composeFeatures(features, silentLogger);
  const chat = chatHarness(
    prisma,
    {
      commands: composed.commands,
      groups: composed.groups,
      actions: composed.actions,
      forms: composed.forms,
      ...(composed.memberJoined ? { memberJoined: composed.memberJoined } : {}),
      ...(composed.directMessage ? { directMessage: composed.directMessage } : {}),
      verbs: composed.verbs,
      access: createAccess({ prisma, clientFor: options?.clientFor ?? (() => undefined) }).port,
      // As app.ts: the router's own replies (help, refusals) in the reader's language.
      translatorFor: (event) =>
        translatorForActor(
          prisma,
          event.actor,
          event.place.isDirect ? {} : { channelId: event.place.channelId },
        ),
    },
    options,
  );
  return { ...chat, composed };
}
