// `/upload <path>` in the playground's direct message: the file on this computer becomes the
// message's attachment, read only when the bot asks for its bytes (as Slack and Discord files are).
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Attachment } from '../../chat/index.ts';

/** The attachment, or a sentence saying why there is none. */
export async function fileAttachment(path: string): Promise<Attachment | string> {
  if (path === '') return 'Which file? For example: /upload ./resources.csv';
  const full = resolve(path);
  const found = await stat(full).catch(() => undefined);
  if (!found?.isFile()) return `There is no file at ${full}.`;
  return {
    name: basename(full),
    size: found.size,
    fetch: async () => new Uint8Array(await readFile(full)),
  };
}
