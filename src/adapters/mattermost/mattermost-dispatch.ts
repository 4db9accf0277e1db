// Each incoming Mattermost callback or WebSocket event -> one ChatEvent and one Reply, handed
// to the sink. The adapter's own form steps (open the form, the next part, an expired form)
// are answered here and never reach the router. A button press whose context MAC does not
// verify is refused here, before anything reads its action id.
import { timingSafeEqual } from 'node:crypto';
import {
  apologyView,
  type ChatEvent,
  type CommandTable,
  type EventSink,
  errorFields,
} from '../../chat/index.ts';
import { parseCommandText } from '../../chat/parse-command-text.ts';
import { english } from '../../i18n/index.ts';
import { platformTranslator } from '../form-parts.ts';
import { verifyAction } from './action-mac.ts';
import {
  actionCallbackSchema,
  actionEvent,
  commandEvent,
  dialogSubmissionSchema,
  formEvent,
  type ReplyOrigin,
  slashCommandSchema,
} from './mattermost-events.ts';
import { expiredFormView, nextPartView, openFormActionId, tryAgainView } from './mattermost-forms.ts';
import { userIdByName } from './mattermost-people.ts';
import { createReply, type ReplyDeps } from './mattermost-reply.ts';
import { dialogToFormValues, renderDialog } from './render-dialog.ts';

export interface DispatchDeps extends ReplyDeps {
  readonly sink: EventSink;
  readonly table: CommandTable;
  readonly key: Buffer;
  /** Tokens of the /peer commands this server may send (registered ones and the configured one). */
  readonly commandTokens: () => ReadonlySet<string>;
  readonly workspaceOf: (userId: string) => Promise<string>;
}

/** What the HTTP handler answers Mattermost: 401 for a forged call, else 200 with `{}`. */
export type Verdict = { readonly status: 200 | 400 | 401; readonly work?: () => Promise<void> };

function tokenKnown(tokens: ReadonlySet<string>, given: string): boolean {
  const g = Buffer.from(given);
  let found = false;
  for (const token of tokens) {
    const t = Buffer.from(token);
    if (t.length === g.length && timingSafeEqual(t, g)) found = true;
  }
  return found;
}

async function run(
  deps: DispatchDeps,
  origin: ReplyOrigin,
  event: ChatEvent | undefined,
  onlyReply?: (reply: ReturnType<typeof createReply>) => Promise<void>,
) {
  const reply = createReply(origin, deps);
  try {
    if (onlyReply) await onlyReply(reply);
    if (event) await deps.sink(event, reply);
  } catch (error) {
    deps.logger.error(
      { event: 'mattermost.event.failed', err: errorFields(error, { stack: true }) },
      'could not handle a Mattermost event',
    );
    await reply.privately(apologyView(`/${deps.table.root.name}`)).catch(() => undefined);
  }
}

// `@name` typed in a command becomes `<@id>` once the server confirms who that is; a name the
// server does not know stays as typed, and the feature refuses it in words.
async function resolveMentions(deps: DispatchDeps, text: string): Promise<string> {
  const names = [
    ...new Set([...text.matchAll(/(?<=^|[\s:="])@([a-z0-9._-]{1,64})/gi)].map((m) => m[1] ?? '')),
  ];
  let out = text;
  for (const name of names) {
    const id = await userIdByName(deps.session.rest, name.toLowerCase());
    if (id)
      out = out.replace(
        new RegExp(`(?<=^|[\\s:="])@${name.replace(/[.]/g, '\\.')}(?![a-z0-9._-])`, 'gi'),
        `<@${id}>`,
      );
  }
  return out;
}

export function onCommand(body: unknown, deps: DispatchDeps): Verdict {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return { status: 400 };
  const command = parsed.data;
  if (!tokenKnown(deps.commandTokens(), command.token)) return { status: 401 };
  return {
    status: 200,
    work: async () => {
      const text = parseCommandText(deps.table, await resolveMentions(deps, command.text));
      const { event, origin } = commandEvent(command, text);
      await run(deps, origin, event);
    },
  };
}

export function onAction(body: unknown, deps: DispatchDeps): Verdict {
  const parsed = actionCallbackSchema.safeParse(body);
  if (!parsed.success) return { status: 400 };
  const callback = parsed.data;
  const action = verifyAction(deps.key, callback.context);
  if (!action) return { status: 401 };
  const selected = callback.context.selected_option;
  const value = typeof selected === 'string' ? selected : action.value;
  return {
    status: 200,
    work: async () => {
      const workspaceId = callback.team_id || (await deps.workspaceOf(callback.user_id));
      const { event, origin } = actionEvent(callback, workspaceId, {
        actionId: action.actionId,
        ...(value === undefined ? {} : { value }),
      });
      if (action.actionId === openFormActionId) {
        const entry = value === undefined ? undefined : deps.forms.byTicket(callback.user_id, value);
        await run(deps, origin, undefined, async (reply) => {
          if (!entry) return reply.privately(expiredFormView(english));
          await deps.session.rest.openDialog({
            trigger_id: callback.trigger_id,
            url: deps.dialogUrl,
            dialog: renderDialog(deps.forms.page(entry), entry.ticket),
          });
        });
        return;
      }
      await run(deps, origin, event);
    },
  };
}

export function onDialog(body: unknown, deps: DispatchDeps): Verdict {
  const parsed = dialogSubmissionSchema.safeParse(body);
  if (!parsed.success) return { status: 400 };
  const submission = parsed.data;
  if (submission.cancelled) return { status: 200 };
  return {
    status: 200,
    work: async () => {
      const workspaceId = submission.team_id || (await deps.workspaceOf(submission.user_id));
      const entry = deps.forms.byTicket(submission.user_id, submission.state);
      const isDirect = submission.channel_id === '' || !submission.team_id;
      const base = {
        workspaceId,
        userId: submission.user_id,
        isDirect,
        ...(submission.channel_id ? { channelId: submission.channel_id } : {}),
      };
      if (!entry || entry.form.formId !== submission.callback_id) {
        await run(deps, base, undefined, (reply) => reply.privately(expiredFormView(english)));
        return;
      }
      const part = deps.forms.page(entry);
      const parsedValues = dialogToFormValues(
        part.form,
        submission.submission ?? {},
        platformTranslator(entry.locale),
      );
      if (!parsedValues.ok) {
        const reason = parsedValues.reason;
        await run(deps, base, undefined, (reply) => reply.privately(tryAgainView(entry, reason)));
        return;
      }
      const eventId = `form:${entry.ticket}:${entry.nextPage}`;
      const done = deps.forms.submitted(entry, parsedValues.values);
      if (done.kind === 'more') {
        await run(deps, base, undefined, (reply) => reply.privately(nextPartView(done.entry)));
        return;
      }
      const { event, origin } = formEvent(
        submission,
        workspaceId,
        isDirect,
        {
          formId: entry.form.formId,
          ...(entry.form.context === undefined ? {} : { context: entry.form.context }),
          eventId,
        },
        done.values,
      );
      await run(deps, origin, event);
    },
  };
}
