// Files sent to the bot in a direct message: the `posted` event's post lists them in
// `metadata.files` (FileInfo: id, name, size, mime_type; `file_ids` alone says nothing of size or
// name). The bytes are fetched only when the feature asks, from GET /api/v4/files/{id} on the
// configured server with the bot token (a file is readable by the channel's members, and the
// bot is one of the two in a direct channel). The feature checks the size before fetching and
// again on the bytes; the fetch also stops reading past the size the server announced, so a
// file cannot grow between the two.
import { z } from 'zod';
import type { Attachment } from '../../chat/index.ts';
import type { MattermostRest } from './mattermost-rest.ts';

export const mattermostFileInfosSchema = z
  .array(
    z.object({
      id: z.string().min(1),
      name: z.string().default(''),
      size: z.number().nonnegative().default(0),
      mime_type: z.string().optional(),
    }),
  )
  .optional();

export type MattermostFileInfos = z.infer<typeof mattermostFileInfosSchema>;

export function mattermostAttachments(rest: MattermostRest, files: MattermostFileInfos): Attachment[] {
  return (files ?? []).map((file) => ({
    name: file.name || file.id,
    size: file.size,
    ...(file.mime_type ? { mimeType: file.mime_type } : {}),
    fetch: () => rest.fileBytes(file.id, file.size),
  }));
}
