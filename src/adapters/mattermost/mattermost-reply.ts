// How a person is answered on Mattermost: one Reply per event, its answers in order.
// privately:    an ephemeral post in the channel (in the thread), or the direct channel.
// publicly:     a post in the channel (in the thread by root_id), or the direct channel.
// openForm:     an interactive dialog through the event's trigger_id (fresh about three
//               seconds, once); without one, or when the server refuses it, a private
//               "Open the form" button, whose press brings a new trigger.
// updateSource: a patch of the post the button sits on; an ephemeral post cannot be patched
//               through the API, so it is answered privately instead.
import { errorFields, type Logger, type MessageRef, type Reply } from '../../chat/index.ts';
import type { Form, View } from '../../chat/views.ts';
import {
  type DirectChannels,
  type MattermostSession,
  patchView,
  postEphemeral,
  postView,
} from './mattermost-client.ts';
import type { ReplyOrigin } from './mattermost-events.ts';
import { formButtonView, type PendingForms } from './mattermost-forms.ts';
import { renderDialog } from './render-dialog.ts';

export interface ReplyDeps {
  readonly session: MattermostSession;
  readonly directs: DirectChannels;
  readonly forms: PendingForms;
  readonly logger: Logger;
  /** Where dialog submissions come back (the adapter's /mattermost/dialog). */
  readonly dialogUrl: string;
  readonly now?: () => number;
}

/** Mattermost keeps a trigger for three seconds; past this the button is the surer way. */
const TRIGGER_FRESH_MS = 2_500;

export function createReply(origin: ReplyOrigin, deps: ReplyDeps): Reply {
  const now = deps.now ?? Date.now;
  const receivedAt = now();
  let triggerUsed = false;
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const direct = () => deps.directs.open(deps.session, origin.userId);

  const privately = (view: View) =>
    inOrder(async () => {
      if (origin.channelId !== undefined && !origin.privateAsDm) {
        await postEphemeral(deps.session, origin.channelId, origin.userId, view);
        return;
      }
      await postView(deps.session, await direct(), view);
    });

  const reply: Reply = {
    privately,

    publicly: (view) =>
      inOrder(async (): Promise<MessageRef> => {
        const channelId = origin.channelId ?? (await direct());
        const posted = await postView(
          deps.session,
          channelId,
          view,
          origin.rootId === undefined ? {} : { threadId: origin.rootId },
        );
        return {
          platform: 'mattermost',
          workspaceId: origin.workspaceId,
          channelId: posted.channelId,
          messageId: posted.postId,
          ...(origin.rootId === undefined ? {} : { threadId: origin.rootId }),
        };
      }),

    async openForm(form: Form) {
      const entry = deps.forms.open(origin.userId, form, form.locale);
      const trigger = origin.triggerId;
      if (trigger !== undefined && !triggerUsed && now() - receivedAt < TRIGGER_FRESH_MS) {
        triggerUsed = true;
        try {
          await inOrder(() =>
            deps.session.rest.openDialog({
              trigger_id: trigger,
              url: deps.dialogUrl,
              dialog: renderDialog(deps.forms.page(entry), entry.ticket),
            }),
          );
          return;
        } catch (error) {
          deps.logger.info(
            { event: 'mattermost.dialog.not-opened', formId: form.formId, err: errorFields(error) },
            'the dialog could not open at once; offering a button instead',
          );
        }
      }
      await privately(formButtonView(entry));
    },

    async updateSource(view) {
      const source = origin.sourcePostId;
      if (source !== undefined && !deps.session.ephemeral.has(source)) {
        await inOrder(() => patchView(deps.session, source, view));
        return;
      }
      await privately(view);
    },
  };
  return reply;
}
