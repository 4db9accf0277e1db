// Steps a person takes on Mattermost, for the journey tests: press a button on a post the bot
// made, and answer the dialog it opens, part after part (a long form comes in parts).
import type { FakeDialog, FakeMattermost, FakePost } from '../../fakes/mattermost/index.ts';

const WAIT = 20_000;

/** Presses `button` on `post` and answers every part of the form it opens with `answers`. */
export async function answerForm(
  fake: FakeMattermost,
  username: string,
  post: FakePost,
  button: Parameters<FakeMattermost['press']>[2],
  answers: Record<string, unknown>,
): Promise<FakeDialog[]> {
  const opened = formMark(fake, username);
  const answer = await fake.press(username, post.id, button);
  if (answer.status !== 200) throw new Error(`the press answered ${answer.status}`);
  return answerParts(fake, username, opened, answers);
}

/**
 * What a person had before a form was asked for: their dialogs and the posts so far. With it, a
 * helper can tell a fresh "is ready for you" button (the trigger went stale, as a forged press's
 * always does) from an older one the moment it arrives, instead of first waiting out the wait
 * for a dialog.
 */
export interface FormMark {
  readonly dialogs: number;
  readonly posts: number;
}

/** Take it just before the command or press that asks for the form. */
export function formMark(fake: FakeMattermost, username: string): FormMark {
  const userId = fake.world.user(username).id;
  return { dialogs: fake.world.dialogs.filter((d) => d.user_id === userId).length, posts: fake.posted.size };
}

/**
 * Answers every part of a form whose first dialog is the one opened for `username` after
 * `before` (a count of their dialogs, or a `formMark`) (a command opened it, or a press): part
 * after part, with `answers`.
 */
export async function answerParts(
  fake: FakeMattermost,
  username: string,
  before: number | FormMark,
  answers: Record<string, unknown>,
): Promise<FakeDialog[]> {
  const dialogs: FakeDialog[] = [];
  let opened = typeof before === 'number' ? before : before.dialogs;
  let postsBefore = typeof before === 'number' ? undefined : before.posts;
  let answer: { status: number };
  for (let part = 0; part < 6; part++) {
    const dialog = await openedOrButton(fake, username, opened, postsBefore);
    dialogs.push(dialog);
    opened += 1;
    const names = new Set(dialog.dialog.elements.map((e) => e.name));
    const submission = Object.fromEntries(Object.entries(answers).filter(([name]) => names.has(name)));
    const postsBeforeSubmit = fake.posted.size;
    answer = await fake.submitDialog(dialog, submission);
    if (answer.status !== 200) throw new Error(`the submission answered ${answer.status}`);
    if (!/\(\d+\/\d+\)$/.test(dialog.dialog.title) || /\((\d+)\/\1\)$/.test(dialog.dialog.title))
      return dialogs;
    // The words between parts are in the reader's language (English or Spanish here).
    const next = await fake.waitForPost(
      (p) =>
        fake.posted.all().indexOf(p) >= postsBeforeSubmit &&
        (p.message.includes('Press Continue') || p.message.includes('Pulsa Continuar')),
      'the Continue button between parts',
      WAIT,
    );
    postsBefore = fake.posted.size;
    await fake.press(username, next.id, next.message.includes('Pulsa Continuar') ? 'Continuar' : 'Continue');
  }
  throw new Error('the form never ended');
}

/**
 * The dialog opened at once, or, when the trigger went stale, the one its button opens. Given
 * the posts before the trigger, whichever of the two comes first; without, the button only
 * after a dialog has not come for a while.
 */
async function openedOrButton(
  fake: FakeMattermost,
  username: string,
  opened: number,
  postsBefore?: number,
): Promise<FakeDialog> {
  if (postsBefore !== undefined) {
    const userId = fake.world.user(username).id;
    const started = Date.now();
    for (;;) {
      const mine = fake.world.dialogs.filter((d) => d.user_id === userId);
      if (mine.length > opened) return mine.at(-1) as FakeDialog;
      const button = fake.posted
        .all()
        .slice(postsBefore)
        .find((p) => p.message.includes('is ready for you') && isPrivateTo(fake, p, userId));
      if (button) {
        await fake.press(username, button.id, 'Open the form');
        return fake.waitForDialog(username, opened, WAIT);
      }
      if (Date.now() - started > WAIT) throw new Error(`no dialog and no form button for ${username}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    return await fake.waitForDialog(username, opened, 5_000);
  } catch {
    const button = await fake.waitForPost(
      (p) => p.message.includes('is ready for you'),
      'the Open the form button',
      WAIT,
    );
    await fake.press(username, button.id, 'Open the form');
    return fake.waitForDialog(username, opened, WAIT);
  }
}

/** An ephemeral post for the person, or one in their direct channel with the bot. */
function isPrivateTo(fake: FakeMattermost, post: FakePost, userId: string): boolean {
  if (post.ephemeralFor !== undefined) return post.ephemeralFor === userId;
  const channel = fake.world.channels.get(post.channel_id);
  return channel?.type === 'D' && channel.members.has(userId);
}
