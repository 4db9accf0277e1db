// Type tests for the rule "supervisor DMs carry no private text" (chat/notice.ts): the outbox
// takes a private delivery only with a NoticeView, which only noticeView makes and which has no
// place for free text. A plain View with a delivery does not compile.
import { describe, expectTypeOf, it } from 'vitest';
import { type NoticeView, noticeView, type View } from '../../src/chat/index.ts';
import { markup } from '../../src/chat/markup.ts';
import type { OutboxMessageInput } from '../../src/scheduling/index.ts';

const base = {
  idempotencyKey: 'flag:f1:to:m1',
  platform: 'slack',
  workspaceExternalId: 'T1',
  target: { kind: 'dm', userId: 'U1' },
} as const;
const delivery = { kind: 'flag', subjectId: 'f1', aboutMemberId: 'm1' } as const;

describe('private deliveries', () => {
  it('take a notice', () => {
    const view = noticeView({
      title: markup`A private flag from maya`,
      fields: [],
      open: { actionId: 'flags:open', value: 'f1' },
    });
    expectTypeOf(view).toEqualTypeOf<NoticeView>();
    const message: OutboxMessageInput = { ...base, view, delivery };
    expectTypeOf(message).toMatchTypeOf<OutboxMessageInput>();
  });

  it('refuse a plain view, which could carry the note', () => {
    const plain: View = { text: markup`note`, blocks: [{ type: 'text', text: markup`the private note` }] };
    // @ts-expect-error a private delivery's view must be a NoticeView
    const message: OutboxMessageInput = { ...base, view: plain, delivery };
    expectTypeOf(message).not.toBeAny();
  });

  it('keep ordinary messages as they were', () => {
    const plain: View = { text: markup`hello`, blocks: [] };
    const message: OutboxMessageInput = { ...base, view: plain, aboutMemberId: 'm1' };
    expectTypeOf(message).toMatchTypeOf<OutboxMessageInput>();
  });
});
