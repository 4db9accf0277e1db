// Slack global shortcuts (the ⚡ menu) -> action events. A shortcut's callback_id is the
// neutral action id of the feature that owns it (`flags:start`), so the adapter only
// translates: which feature answers, and how, is the router's and the feature's business.
import { z } from 'zod';
import type { Incoming, Malformed } from './slack-events.ts';

/** The global shortcuts the manifest declares; each callback_id is an action id. */
export const slackGlobalShortcuts = [
  {
    name: 'Flag privately',
    callback_id: 'flags:start',
    description: 'Tell your supervisor privately that a session weighed on you',
  },
] as const;

const shortcutSchema = z.object({
  type: z.literal('shortcut'),
  callback_id: z.string().min(1),
  trigger_id: z.string().min(1),
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({
    id: z.string().min(1),
    team_id: z.string().optional(),
    username: z.string().optional(),
    name: z.string().optional(),
  }),
});

export function shortcutFromSlack(body: unknown): Incoming | Malformed {
  const parsed = shortcutSchema.safeParse(body);
  if (!parsed.success) return { kind: 'malformed', why: z.prettifyError(parsed.error) };
  const payload = parsed.data;
  const workspaceId = payload.team?.id ?? payload.user.team_id ?? '';
  const displayName = payload.user.name ?? payload.user.username;
  return {
    kind: 'event',
    // No conversation: private answers go to the person's DM; the trigger opens a modal.
    origin: {
      workspaceId,
      userId: payload.user.id,
      isDirect: true,
      privateAsDm: true,
      triggerId: payload.trigger_id,
    },
    event: {
      kind: 'action',
      eventId: `shortcut:${payload.trigger_id}`,
      actor: {
        platform: 'slack',
        workspaceId,
        userId: payload.user.id,
        ...(displayName ? { displayName } : {}),
      },
      place: { isDirect: true },
      actionId: payload.callback_id,
    },
  };
}
