// The App Home tab: the member's own summary, published each time they open it.
//
// Slack shows the Home tab only to the person who opened it, and views.publish replaces it
// for that person alone, so the summary never reaches anyone else.
import type { webApi } from '@slack/bolt';
import { type Actor, errorFields, type Logger } from '../../chat/index.ts';
import type { View } from '../../chat/views.ts';
import { renderSlackMessage } from './render-blocks.ts';

export type HomeViewSource = (actor: Actor) => Promise<View>;

export async function publishHome(
  client: webApi.WebClient,
  homeView: HomeViewSource,
  actor: Actor,
  logger: Logger,
): Promise<void> {
  try {
    const view = await homeView(actor);
    // A Home tab holds up to 100 blocks; one message's 50 is plenty for a summary.
    const { blocks } = renderSlackMessage(view);
    await client.views.publish({ user_id: actor.userId, view: { type: 'home', blocks } });
    logger.info(
      { event: 'slack.home.published', workspaceId: actor.workspaceId, userId: actor.userId },
      'home tab published',
    );
  } catch (error) {
    logger.warn(
      {
        event: 'slack.home.failed',
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        err: errorFields(error),
      },
      'could not publish the home tab',
    );
  }
}
