// Files sent to the bot in a direct message: Slack's message event (subtype `file_share`)
// lists them with a `url_private` that only answers with the bot token. The bytes are fetched
// only when the feature asks, and the token is sent only to Slack's own file host (or the
// configured API host, which is where tests' fake Slack serves files).
import { z } from 'zod';
import type { Attachment } from '../../chat/index.ts';

export const slackFilesSchema = z
  .array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      title: z.string().optional(),
      size: z.number().nonnegative().optional(),
      mimetype: z.string().optional(),
      url_private_download: z.string().url().optional(),
      url_private: z.string().url().optional(),
    }),
  )
  .optional();

export type SlackFiles = z.infer<typeof slackFilesSchema>;

/** Fetches a file's bytes from a url_private; undefined when files cannot be fetched here. */
export type SlackFileFetcher = (url: string) => Promise<Uint8Array>;

export function slackFileFetcher(botToken: string, apiUrl?: string): SlackFileFetcher {
  const hosts = new Set(['files.slack.com', ...(apiUrl ? [new URL(apiUrl).host] : [])]);
  return async (url) => {
    const target = new URL(url);
    if (!hosts.has(target.host)) throw new Error(`not a Slack file address: ${target.host}`);
    const response = await fetch(target, { headers: { authorization: `Bearer ${botToken}` } });
    if (!response.ok) throw new Error(`Slack answered ${response.status} for a file`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

export function slackAttachments(files: SlackFiles, fetchFile: SlackFileFetcher | undefined): Attachment[] {
  if (!fetchFile) return [];
  return (files ?? []).flatMap((file) => {
    const url = file.url_private_download ?? file.url_private;
    if (!url) return [];
    return [
      {
        name: file.name ?? file.title ?? file.id,
        size: file.size ?? 0,
        ...(file.mimetype ? { mimeType: file.mimetype } : {}),
        fetch: () => fetchFile(url),
      },
    ];
  });
}
