// From an incoming ChatEvent to the feature that handles it.
//
// Routing rule: commands by their path in the command table; actions and forms by the
// feature prefix of their id (`checkins:answer` goes to the `checkins` action handler,
// which receives `name: 'answer'`; `actionsByName` builds one from handlers by name).
// One handler per feature keeps the composition root (app.ts, through compose-features.ts)
// short and lets a feature rename its buttons without touching it.
//
// Every delivery is checked against the de-duplication port first: Slack retries a slow
// acknowledgement and Discord can re-deliver after a reconnect, and either must run once.
// The router never throws: failures are logged (ids and names only, never what a person
// wrote) and the person gets a private, warm answer.

import { type Translate, translatorOf } from '../i18n/index.ts';
import type { AccessPort } from './access-port.ts';
import type { EventSink } from './adapter.ts';
import { type CommandTable, helpCommand } from './command-table.ts';
import { hasControlCharacters } from './control-characters.ts';
import { errorFields } from './error-fields.ts';
import type { Actor, ChatEvent } from './events.ts';
import {
  apologyView,
  formControlView,
  noChatView,
  optionProblemsView,
  refusalView,
  staleActionView,
  staleFormView,
  unknownCommandView,
  usageText,
  wrongPlaceView,
} from './gentle-replies.ts';
import {
  type ActionHandler,
  type DirectMessageHandler,
  type FormHandler,
  type MemberJoinedHandler,
  UnknownRouteError,
} from './handler-types.ts';
import { buildHelpView } from './help.ts';
import type { Reply } from './outbound.ts';
import { readerReply } from './reader-reply.ts';
import type { Platform } from './refs.ts';
import type { FormValues } from './views.ts';

/** Remembers which deliveries were seen. The database-backed one lives with the db code. */
export interface EventDedupe {
  /** True the first time this (platform, eventId) is seen, false for every repeat. */
  firstTime(platform: Platform, eventId: string): Promise<boolean>;
}

/** The part of pino the router uses. */
export interface Logger {
  info(fields: Readonly<Record<string, unknown>>, message: string): void;
  warn(fields: Readonly<Record<string, unknown>>, message: string): void;
  error(fields: Readonly<Record<string, unknown>>, message: string): void;
}

export interface RouterDeps {
  readonly table: CommandTable;
  /** By feature prefix: `{ checkins: handler }` receives every `checkins:*` action. */
  readonly actions?: Readonly<Record<string, ActionHandler>>;
  /** By feature prefix, like actions. */
  readonly forms?: Readonly<Record<string, FormHandler>>;
  readonly directMessage?: DirectMessageHandler;
  readonly memberJoined?: MemberJoinedHandler;
  readonly dedupe: EventDedupe;
  readonly logger: Logger;
  /**
   * The access policy (src/access, built in app.ts). Asked before every handler: a command by
   * its declared verb, an action or form by the verb `verbs` names for its id. `/peer help` lists
   * only what it allows. Without it (router unit tests) nothing is refused on access grounds.
   */
  readonly access?: AccessPort;
  /**
   * The verb of each action and form id (`flags:open`), or of a whole prefix (`plans:*`), as the
   * features declare them. With `access`, an id without a verb is refused: a new button cannot
   * forget to say who may press it.
   */
  readonly verbs?: Readonly<Record<string, string>>;
  /**
   * Remembers the locale an event carried (`actor.locale`: a Discord interaction's, the shell's)
   * for the messages that later go to that person outside any event (issue 24). Best effort: a
   * failure is logged and the event is still handled.
   */
  readonly rememberLocale?: (actor: Actor) => Promise<void>;
  /**
   * The language of the person who caused the event, for the router's own replies (help,
   * refusals, apologies). app.ts asks the database (their choice, the platform's, the team's);
   * without it, the event's own locale, else English.
   */
  readonly translatorFor?: (event: ChatEvent) => Promise<Translate>;
}

type Fields = Record<string, unknown>;

/**
 * Ids, kinds and names only: nothing a person typed ever reaches a log line. And no line names
 * who acted: many events are private acts (a flag, a self-care answer, a check-in answer or
 * skip, an anonymous topic), and every line written while one is handled shares its request id,
 * so a user id here (or a direct conversation's channel id, which is one person's) would tie
 * the person to the act. So the router logs neither, for any event.
 */
function logFields(event: ChatEvent): Fields {
  const base: Fields = {
    platform: event.actor.platform,
    workspaceId: event.actor.workspaceId,
    eventId: event.eventId,
    kind: event.kind,
    ...(event.place.channelId === undefined || event.place.isDirect
      ? {}
      : { channelId: event.place.channelId }),
  };
  switch (event.kind) {
    case 'command':
      return { ...base, command: event.path.join(' '), optionNames: Object.keys(event.options) };
    case 'action':
      return { ...base, actionId: event.actionId };
    case 'form':
      return { ...base, formId: event.formId, inputIds: Object.keys(event.values) };
    case 'member-joined':
      return { ...base, channelId: event.channelId };
    case 'unreadable-command':
      return base;
    case 'direct-message':
      return base;
  }
}

/** The id of the first form field holding a control character (newlines and tabs are fine). */
function formFieldWithControls(values: FormValues): string | undefined {
  for (const [id, value] of Object.entries(values)) {
    const texts = value === undefined ? [] : typeof value === 'string' ? [value] : value;
    if (texts.some((text) => hasControlCharacters(text, { multiline: true }))) return id;
  }
  return undefined;
}

function splitId(id: string): { feature: string; name: string } | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return undefined;
  return { feature: id.slice(0, colon), name: id.slice(colon + 1) };
}

/** The verb an action or form id declares: by its full id, else by its prefix (`plans:*`). */
function verbOf(verbs: Readonly<Record<string, string>> | undefined, id: string, feature: string) {
  return own(verbs, id) ?? own(verbs, `${feature}:*`);
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function createRouter(deps: RouterDeps): EventSink {
  const { table, logger } = deps;
  const root = `/${table.root.name}`;

  /** The reader's translator; English when even that fails, so a reply still goes out. */
  async function translatorOfEvent(event: ChatEvent, fields: Fields): Promise<Translate> {
    if (!deps.translatorFor) return translatorOf({ platformLocale: event.actor.locale });
    try {
      return await deps.translatorFor(event);
    } catch (error) {
      logger.warn(
        { ...fields, event: 'chat.language.unknown', err: errorFields(error) },
        'language not found',
      );
      return translatorOf({ platformLocale: event.actor.locale });
    }
  }

  /** Asks the policy; on a refusal answers the person with its sentence. True when allowed. */
  async function permitted(
    event: ChatEvent & { kind: 'command' | 'action' | 'form' },
    verb: string | undefined,
    reply: Reply,
    fields: Fields,
    readerOf: () => Promise<Translate>,
  ): Promise<boolean> {
    if (!deps.access) return true;
    const decision = await deps.access.decide(event.actor, event.place, verb ?? '(none)', event.kind);
    if (decision.ok) return true;
    logger.info(
      { ...fields, event: 'access.refused', verb: verb ?? '(none)' },
      'refused by the access policy',
    );
    const t = await readerOf();
    await reply.privately(refusalView(t(decision.refusal)));
    return false;
  }

  async function help(
    event: ChatEvent & { kind: 'command' },
    reply: Reply,
    readerOf: () => Promise<Translate>,
  ): Promise<void> {
    const parsed = helpCommand.schema.parse(event.options);
    const verbs = [...new Set(table.commands.map((c) => c.verb))];
    const allowed = deps.access ? await deps.access.allowedHere(event.actor, event.place, verbs) : undefined;
    const t = await readerOf();
    await reply.privately(
      buildHelpView(
        table,
        (command) => allowed === undefined || allowed.has(command.verb),
        parsed.command,
        t,
      ),
    );
  }

  async function dispatch(
    event: ChatEvent,
    platformReply: Reply,
    fields: Fields,
  ): Promise<'handled' | 'refused'> {
    // One lookup of the reader's language per event, however many of the router's own replies
    // and stamped views need it.
    let reader: Promise<Translate> | undefined;
    const readerOf = (): Promise<Translate> => {
      reader ??= translatorOfEvent(event, fields);
      return reader;
    };
    const reply = readerReply(platformReply, readerOf);
    const base = { actor: event.actor, place: event.place, reply, reader: readerOf };
    switch (event.kind) {
      case 'command': {
        const command = table.find(event.path);
        const usage = usageText(root, event.path);
        if (!command) {
          logger.warn({ ...fields, event: 'chat.command.unknown' }, 'unknown command');
          const t = await readerOf();
          await reply.privately(unknownCommandView(root, event.path.join(' '), t));
          return 'refused';
        }
        if (command.where === 'direct' && !event.place.isDirect) {
          await reply.privately(wrongPlaceView(usage, 'direct', await readerOf()));
          return 'refused';
        }
        if (command.where === 'channel' && event.place.isDirect) {
          await reply.privately(wrongPlaceView(usage, 'channel', await readerOf()));
          return 'refused';
        }
        if (!(await permitted(event, command.verb, reply, fields, readerOf))) return 'refused';
        const prepared = command.prepare(event.options);
        if (!prepared.ok) {
          logger.info(
            { ...fields, event: 'chat.command.invalid-options', problemCount: prepared.problems.length },
            'command options refused',
          );
          const t = await readerOf();
          await reply.privately(
            optionProblemsView(
              usage,
              prepared.problems.map((problem) => problem(t)),
              t,
            ),
          );
          return 'refused';
        }
        if (command === helpCommand) {
          await help(event, reply, readerOf);
          return 'handled';
        }
        await prepared.run({ ...base, event });
        return 'handled';
      }
      case 'action': {
        const id = splitId(event.actionId);
        const handler = id && own(deps.actions, id.feature);
        if (!id || !handler) throw new UnknownRouteError(event.actionId);
        if (
          !(await permitted(event, verbOf(deps.verbs, event.actionId, id.feature), reply, fields, readerOf))
        )
          return 'refused';
        await handler({
          ...base,
          event,
          actionId: event.actionId,
          name: id.name,
          ...(event.value === undefined ? {} : { value: event.value }),
        });
        return 'handled';
      }
      case 'form': {
        const id = splitId(event.formId);
        const handler = id && own(deps.forms, id.feature);
        if (!id || !handler) throw new UnknownRouteError(event.formId);
        if (!(await permitted(event, verbOf(deps.verbs, event.formId, id.feature), reply, fields, readerOf)))
          return 'refused';
        const unreadable = formFieldWithControls(event.values);
        if (unreadable !== undefined) {
          await reply.privately(formControlView(unreadable, await readerOf()));
          return 'refused';
        }
        await handler({
          ...base,
          event,
          formId: event.formId,
          name: id.name,
          values: event.values,
          ...(event.context === undefined ? {} : { context: event.context }),
        });
        return 'handled';
      }
      case 'direct-message': {
        if (!deps.directMessage) {
          await reply.privately(noChatView(root, await readerOf()));
          return 'refused';
        }
        await deps.directMessage({ ...base, event, text: event.text });
        return 'handled';
      }
      case 'unreadable-command': {
        logger.info({ ...fields, event: 'chat.command.unreadable' }, 'command text not readable');
        await reply.privately(refusalView(event.problem(await readerOf())));
        return 'refused';
      }
      case 'member-joined': {
        if (deps.memberJoined) await deps.memberJoined({ ...base, event, channelId: event.channelId });
        return 'handled';
      }
    }
  }

  async function answer(reply: Reply, fields: Fields, send: (reply: Reply) => Promise<void>): Promise<void> {
    try {
      await send(reply);
    } catch (error) {
      logger.warn({ ...fields, event: 'chat.reply.failed', err: errorFields(error) }, 'could not answer');
    }
  }

  return async (event, reply) => {
    const fields = logFields(event);
    try {
      if (!(await deps.dedupe.firstTime(event.actor.platform, event.eventId))) {
        logger.info({ ...fields, event: 'chat.event.duplicate' }, 'repeat delivery dropped');
        return;
      }
      if (event.actor.locale && deps.rememberLocale) {
        try {
          await deps.rememberLocale(event.actor);
        } catch (error) {
          logger.warn(
            { ...fields, event: 'chat.locale.unsaved', err: errorFields(error) },
            'locale not remembered',
          );
        }
      }
      const outcome = await dispatch(event, reply, fields);
      logger.info({ ...fields, event: `chat.event.${outcome}` }, `event ${outcome}`);
    } catch (error) {
      if (error instanceof UnknownRouteError) {
        logger.warn({ ...fields, event: 'chat.route.unknown' }, 'no handler for this id');
        await answer(reply, fields, async (r) => {
          const t = await translatorOfEvent(event, fields);
          await r.privately(event.kind === 'form' ? staleFormView(root, t) : staleActionView(root, t));
        });
        return;
      }
      logger.error(
        { ...fields, event: 'chat.handler.failed', err: errorFields(error, { stack: true }) },
        'handler failed',
      );
      // A member joining did nothing themselves; an apology out of nowhere would confuse them.
      if (event.kind !== 'member-joined')
        await answer(reply, fields, async (r) =>
          r.privately(apologyView(root, await translatorOfEvent(event, fields))),
        );
    }
  };
}
