// Everything the bot says in the playground goes through here: it is printed with a label
// that says who sees it ([#team], [to alex, only you], [DM to dana]), kept for /inbox and
// /log, and its buttons become pressable by the people who saw it. Both the ChatClient (the
// outbox) and each event's Reply use these, so a message looks the same whichever way it came.

import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ChannelRef, FileUpload, MessageRef, UserRef, View } from '../../chat/index.ts';
import { renderShellText } from './render-text.ts';
import { indent, type ShellOutput } from './shell-output.ts';
import { dmChannelId, dmOwner, type Received, type ShellWorld, shellWorkspaceId } from './shell-world.ts';

const botName = 'PeerBridge';

export interface ShellDeliveries {
  post(channelId: string, view: View, threadId?: string): MessageRef;
  direct(userId: string, view: View): MessageRef;
  whisper(channelId: string, userId: string, view: View): MessageRef;
  update(message: MessageRef, view: View): void;
  file(target: ChannelRef | UserRef, file: FileUpload): void;
}

interface Shown {
  readonly via: Received['via'];
  /** `[#team]`, `[to alex, only you]` or `[DM to dana]`. */
  readonly where: string;
  /** A person for a private message; absent: whoever is in the channel. */
  readonly privateTo?: string;
}

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

function pressRange(controls: readonly { readonly n: number }[]): string {
  const first = controls[0]?.n ?? 1;
  const last = controls.at(-1)?.n ?? first;
  return first === last ? String(first) : `${first}–${last}`;
}

export function createShellDeliveries(deps: {
  readonly world: ShellWorld;
  readonly output: ShellOutput;
  readonly nextMessageId: () => string;
  /** Where shared files are saved, so a lead can open an export; absent: shown, not saved. */
  readonly filesDir?: string;
}): ShellDeliveries {
  const { world, output } = deps;
  // What was shown where, so an edit is labelled like the message it replaces.
  const shownById = new Map<string, Shown>();
  let nextButton = 1;

  const ref = (channelId: string, threadId?: string): MessageRef => ({
    platform: 'shell',
    workspaceId: shellWorkspaceId,
    channelId,
    messageId: deps.nextMessageId(),
    ...(threadId === undefined ? {} : { threadId }),
  });

  const audienceOf = (message: MessageRef, shown: Shown): readonly string[] =>
    shown.privateTo === undefined ? world.membersOf(message.channelId) : [shown.privateTo];

  function pressHint(
    audience: readonly string[],
    controls: readonly { readonly n: number }[],
    channelId: string,
  ): string {
    const count = controls.length;
    const range = pressRange(controls);
    if (audience.includes(world.me)) return `  (type ${range} to press${count === 1 ? ' it' : ''})`;
    const only = audience.length === 1 ? audience[0] : undefined;
    if (only !== undefined) {
      return `  (${world.displayName(only)} can press ${count === 1 ? 'it' : 'these'}: /as ${only}, then type ${range})`;
    }
    return `  (people in #${channelId} can press ${count === 1 ? 'it' : 'these'})`;
  }

  function show(message: MessageRef, shown: Shown, view: View, edited: boolean): void {
    // Numbers go on across the session: a button keeps its number, and "3" never means a
    // newer message's button than the one the person was looking at.
    const rendered = renderShellText(view, { firstNumber: nextButton });
    nextButton += rendered.controls.length;
    const label = `${shown.where} ${botName}${edited ? ' (edited)' : ''}:`;
    const item = { via: shown.via, label, body: rendered.text };
    if (shown.privateTo === undefined) world.showInChannel(message.channelId, item);
    else world.receivePrivately(shown.privateTo, item);
    const audience = audienceOf(message, shown);
    if (edited) world.replaceControls(message, rendered.controls);
    else if (rendered.controls.length > 0)
      world.setPressable(audience, { message, controls: rendered.controls });
    const hint =
      rendered.controls.length > 0 ? `\n${pressHint(audience, rendered.controls, message.channelId)}` : '';
    output.write(`\n${label}\n${indent(rendered.text)}${hint}`);
  }

  function deliver(message: MessageRef, shown: Shown, view: View): MessageRef {
    shownById.set(message.messageId, shown);
    show(message, shown, view, false);
    return message;
  }

  const channelLabel = (channelId: string, threadId?: string): string =>
    threadId === undefined ? `[#${channelId}]` : `[#${channelId}, in a thread]`;
  const dmLabel = (userId: string): string => `[DM to ${world.displayName(userId)}]`;

  return {
    post(channelId, view, threadId) {
      return deliver(
        ref(channelId, threadId),
        { via: 'channel', where: channelLabel(channelId, threadId) },
        view,
      );
    },
    direct(userId, view) {
      return deliver(
        ref(dmChannelId(userId)),
        { via: 'direct', where: dmLabel(userId), privateTo: userId },
        view,
      );
    },
    whisper(channelId, userId, view) {
      return deliver(
        ref(channelId),
        { via: 'whisper', where: `[to ${world.displayName(userId)}, only you]`, privateTo: userId },
        view,
      );
    },
    update(message, view) {
      // A message from before this session (the outbox remembers refs across restarts) is
      // still shown, labelled by where its id says it lives.
      const owner = dmOwner(message.channelId);
      const shown =
        shownById.get(message.messageId) ??
        (owner === undefined
          ? { via: 'channel', where: channelLabel(message.channelId, message.threadId) }
          : { via: 'direct', where: dmLabel(owner), privateTo: owner });
      show(message, shown, view, true);
    },
    file(target, file) {
      const size =
        typeof file.content === 'string' ? Buffer.byteLength(file.content, 'utf8') : file.content.byteLength;
      const shown: Shown =
        'channelId' in target
          ? { via: 'channel', where: channelLabel(target.channelId) }
          : { via: 'direct', where: dmLabel(target.userId), privateTo: target.userId };
      const title = file.title ? `${file.title}\n` : '';
      const saved = deps.filesDir ? saveFile(deps.filesDir, file) : undefined;
      const where = saved ? `saved as ${saved}` : 'the playground shows files but does not save them';
      const body = `${title}${file.filename}, ${describeSize(size)} (${where})`;
      const label = `${shown.where} ${botName} shared a file:`;
      const item = { via: shown.via, label, body };
      if ('channelId' in target) world.showInChannel(target.channelId, item);
      else world.receivePrivately(target.userId, item);
      output.write(`\n${label}\n${indent(body)}`);
    },
  };
}

/**
 * Writes a shared file into the playground's folder (owner-only: an export holds a member's
 * data) under its own name, made safe, with a number when the name is taken. Returns the path.
 */
function saveFile(folder: string, file: FileUpload): string {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const safe =
    basename(file.filename)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '') || 'file';
  const dot = safe.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? safe : `${stem}-${n}${ext}`);
    try {
      writeFileSync(path, file.content, { mode: 0o600, flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
