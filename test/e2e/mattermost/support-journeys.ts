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
  const opened = fake.world.dialogs.filter((d) => d.user_id === fake.world.user(username).id).length;
  const answer = await fake.press(username, post.id, button);
  if (answer.status !== 200) throw new Error(`the press answered ${answer.status}`);
  return answerParts(fake, username, opened, answers);
}

/**
 * Answers every part of a form whose first dialog is the one opened for `username` after
 * `opened` dialogs (a command opened it, or a press): part after part, with `answers`.
 */
export async function answerParts(
  fake: FakeMattermost,
  username: string,
  openedBefore: number,
  answers: Record<string, unknown>,
): Promise<FakeDialog[]> {
  const dialogs: FakeDialog[] = [];
  let opened = openedBefore;
  let answer: { status: number };
  for (let part = 0; part < 6; part++) {
    const dialog = await openedOrButton(fake, username, opened);
    dialogs.push(dialog);
    opened += 1;
    const names = new Set(dialog.dialog.elements.map((e) => e.name));
    const submission = Object.fromEntries(Object.entries(answers).filter(([name]) => names.has(name)));
    const postsBefore = fake.posted.size;
    answer = await fake.submitDialog(dialog, submission);
    if (answer.status !== 200) throw new Error(`the submission answered ${answer.status}`);
    if (!/\(\d+\/\d+\)$/.test(dialog.dialog.title) || /\((\d+)\/\1\)$/.test(dialog.dialog.title))
      return dialogs;
    // The words between parts are in the reader's language (English or Spanish here).
    const next = await fake.waitForPost(
      (p) =>
        fake.posted.all().indexOf(p) >= postsBefore &&
        (p.message.includes('Press Continue') || p.message.includes('Pulsa Continuar')),
      'the Continue button between parts',
      WAIT,
    );
    await fake.press(username, next.id, next.message.includes('Pulsa Continuar') ? 'Continuar' : 'Continue');
  }
  throw new Error('the form never ended');
}

/** The dialog opened at once, or, when the trigger went stale, the one its button opens. */
async function openedOrButton(fake: FakeMattermost, username: string, opened: number): Promise<FakeDialog> {
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
