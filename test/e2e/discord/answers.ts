// What a person sees in answer to an interaction, whichever way it reached Discord: the
// direct response (type 4), or, when the app was slow and deferred (type 5), the edit of the
// "thinking…" message or the follow-up after it. Tests of the whole app use this, so a busy
// machine that makes a handler take more than the defer threshold does not fail them.

import type { FakeDiscord, SentInteraction } from '../../fakes/discord/index.ts';

export interface SeenAnswer {
  readonly content: string;
  readonly ephemeral: boolean;
}

const ephemeralFlag = 64;

function seen(data: unknown, ephemeral: boolean): SeenAnswer {
  const content = (data as { content?: unknown } | undefined)?.content;
  return { content: typeof content === 'string' ? content : '', ephemeral };
}

const flagsOf = (data: unknown): number => {
  const flags = (data as { flags?: unknown } | undefined)?.flags;
  return typeof flags === 'number' ? flags : 0;
};

/**
 * The answer, which must have the visibility asked for: a private answer that reached the
 * channel (or a public one that only its sender saw) fails here, whichever way it came.
 */
export async function answerSeen(
  fake: FakeDiscord,
  sent: SentInteraction,
  visibility: 'public' | 'private',
): Promise<SeenAnswer> {
  const answer = await anyAnswer(fake, sent, visibility);
  if (answer.ephemeral !== (visibility === 'private'))
    throw new Error(
      `expected a ${visibility} answer, but it was ${answer.ephemeral ? 'private' : 'public'}: ${answer.content.slice(0, 120)}`,
    );
  return answer;
}

async function anyAnswer(
  fake: FakeDiscord,
  sent: SentInteraction,
  visibility: 'public' | 'private',
): Promise<SeenAnswer> {
  const first = await sent.reply();
  if (first.type === 4) return seen(first.data, (flagsOf(first.data) & ephemeralFlag) !== 0);
  if (first.type !== 5) throw new Error(`expected a message or a defer, got callback type ${first.type}`);
  const deferredPrivately = (flagsOf(first.data) & ephemeralFlag) !== 0;
  if (visibility === 'private') {
    const edit = await fake.rest.waitForCall(
      (call) =>
        call.route === 'PATCH /webhooks/:appId/:token/messages/:messageId' &&
        call.params.token === sent.token &&
        call.params.messageId === '@original',
    );
    return seen(edit.body, deferredPrivately);
  }
  const followUp = await fake.rest.waitForCall(
    (call) =>
      call.route === 'POST /webhooks/:appId/:token' &&
      call.params.token === sent.token &&
      (flagsOf(call.body) & ephemeralFlag) === 0,
  );
  return seen(followUp.body, false);
}
