// Files sent to the bot in a direct message: discord.js lists them on `message.attachments`,
// each with a CDN address that needs no token (Discord signs it). The bytes are fetched only
// when the feature asks for them.
import type { Message } from 'discord.js';
import type { Attachment } from '../../chat/index.ts';

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Discord answered ${response.status} for an attachment`);
  return new Uint8Array(await response.arrayBuffer());
}

export function discordAttachments(message: Message): Attachment[] {
  return [...message.attachments.values()].map((attachment) => ({
    name: attachment.name,
    size: attachment.size,
    ...(attachment.contentType ? { mimeType: attachment.contentType } : {}),
    fetch: () => download(attachment.url),
  }));
}
