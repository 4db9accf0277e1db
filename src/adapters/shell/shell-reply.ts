// How one playground event is answered. Where a reply lands follows the platforms: in a
// channel, "privately" is a whisper only the person sees (Slack/Discord ephemeral); in a
// direct message, and for a member who just joined, it is a direct message.

import type { ChatEvent, Form, Reply } from '../../chat/index.ts';
import type { ShellDeliveries } from './shell-deliveries.ts';

export interface ShellReplyDeps {
  readonly deliveries: ShellDeliveries;
  /** Starts the prompt sequence for a form; resolves once its first question is shown. */
  readonly openForm: (event: ChatEvent, form: Form) => Promise<void>;
}

/** A `Reply` (src/chat/outbound.ts says what each method promises). */
export function createShellReply(event: ChatEvent, deps: ShellReplyDeps): Reply {
  const { deliveries } = deps;
  const { actor, place } = event;
  const channelId = place.isDirect ? undefined : place.channelId;
  // The teams feature welcomes a newcomer through `privately`, which must not appear in the
  // channel they joined; a direct message is what Slack and Discord would use.
  const inDirect = channelId === undefined || event.kind === 'member-joined';

  const privately: Reply['privately'] = async (view) => {
    if (inDirect || channelId === undefined) deliveries.direct(actor.userId, view);
    else deliveries.whisper(channelId, actor.userId, view);
  };

  return {
    privately,
    async publicly(view) {
      if (channelId === undefined) return deliveries.direct(actor.userId, view);
      return deliveries.post(channelId, view, place.threadId);
    },
    openForm: (form) => deps.openForm(event, form),
    async updateSource(view) {
      if (event.kind === 'action' && event.message) deliveries.update(event.message, view);
      else await privately(view);
    },
  };
}
