// Files from chat: a calendar or a CSV goes to the person who asked, as a file in their direct
// messages. Where no platform client runs (tests without one), the text comes in the reply.
import { type Actor, errorFields, type FileUpload, type Reply } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Translate } from '../../i18n/index.ts';
import type { SupervisionDeps } from './deps.ts';
import { doneView } from './views.ts';

export async function sendFileTo(
  deps: SupervisionDeps,
  actor: Actor,
  reply: Reply,
  file: FileUpload,
  said: MarkupText,
  t: Translate,
): Promise<void> {
  const client = deps.clientFor(actor.platform);
  if (client) {
    try {
      await client.uploadFile(
        { platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId },
        file,
      );
      await reply.privately(doneView(t('supervision.files.sent', { said, file: literal(file.filename) })));
      return;
    } catch (error) {
      deps.logger.warn(
        { event: 'supervision.file_failed', err: errorFields(error) },
        'A file could not be sent',
      );
    }
  }
  const text = typeof file.content === 'string' ? file.content : '';
  await reply.privately(
    doneView(t('supervision.files.inline', { said, file: literal(file.filename) }), {
      type: 'text',
      // The file's own text, shown as it is.
      text: markup`${literal(text.slice(0, 2500))}`,
    }),
  );
}
