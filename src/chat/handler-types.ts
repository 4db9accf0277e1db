// What a feature's handler receives. Everything is plain data plus the Reply port, so a
// feature test builds a context by hand and asserts on what was replied; no platform needed.

import type { Translate } from '../i18n/index.ts';
import type { Actor, ChatEvent, Place } from './events.ts';
import type { Reply } from './outbound.ts';
import type { FormValues } from './views.ts';

export type EventOfKind<K extends ChatEvent['kind']> = Extract<ChatEvent, { readonly kind: K }>;

export interface HandlerContext<K extends ChatEvent['kind']> {
  readonly event: EventOfKind<K>;
  readonly actor: Actor;
  readonly place: Place;
  readonly reply: Reply;
  /**
   * The reader's language as the router found it (their choice, their platform's, then this
   * channel's team or their first team's), looked up once per event and shared with the router's
   * own replies and the platform's words around them. A handler that answers in another scope
   * (a given team) asks `translatorForActor` itself.
   */
  readonly reader: () => Promise<Translate>;
}

export interface CommandContext<Options> extends HandlerContext<'command'> {
  /** Parsed by the command's zod schema: the handler never sees invalid options. */
  readonly options: Options;
}

export type CommandHandler<Options> = (context: CommandContext<Options>) => Promise<void>;

export interface ActionContext extends HandlerContext<'action'> {
  /** The full id, e.g. `checkins:answer`. */
  readonly actionId: string;
  /** The part after the feature prefix, e.g. `answer`. */
  readonly name: string;
  readonly value?: string;
}

export type ActionHandler = (context: ActionContext) => Promise<void>;

export interface FormContext extends HandlerContext<'form'> {
  /** The full id, e.g. `checkins:answer-form`. */
  readonly formId: string;
  /** The part after the feature prefix. */
  readonly name: string;
  readonly context?: string;
  readonly values: FormValues;
}

export type FormHandler = (context: FormContext) => Promise<void>;

export interface DirectMessageContext extends HandlerContext<'direct-message'> {
  /** What the person wrote. Never log it. */
  readonly text: string;
}

export type DirectMessageHandler = (context: DirectMessageContext) => Promise<void>;

export interface MemberJoinedContext extends HandlerContext<'member-joined'> {
  readonly channelId: string;
}

export type MemberJoinedHandler = (context: MemberJoinedContext) => Promise<void>;

/**
 * Thrown by a feature's handler when an action or form name under its prefix is not one it
 * knows (an old button, a renamed form). The router answers it gently, not as a failure.
 */
export class UnknownRouteError extends Error {
  constructor(readonly id: string) {
    super(`No handler for '${id}'`);
    this.name = 'UnknownRouteError';
  }
}

/** Builds a feature's one action handler from handlers by name: `{ answer, skip }`. */
export function actionsByName(handlers: Readonly<Record<string, ActionHandler>>): ActionHandler {
  return async (context) => {
    const handler = Object.hasOwn(handlers, context.name) ? handlers[context.name] : undefined;
    if (!handler) throw new UnknownRouteError(context.actionId);
    await handler(context);
  };
}

/** Builds a feature's one form handler from handlers by form name. */
export function formsByName(handlers: Readonly<Record<string, FormHandler>>): FormHandler {
  return async (context) => {
    const handler = Object.hasOwn(handlers, context.name) ? handlers[context.name] : undefined;
    if (!handler) throw new UnknownRouteError(context.formId);
    await handler(context);
  };
}
