// Raising a flag, the supervisor's DM and buttons, who may read it, and bad input; through the
// real router and features. Each test has a world of its own (the file's cloned database,
// emptied, with the standard team put back as the file's first set-up left it), so it passes
// alone and in any order.
import { describe, expect, it } from 'vitest';
import { markup } from '../../../src/chat/markup.ts';
import { dm } from '../../support/chat-harness.ts';
import { said, standardTeamPerTest, type World } from './support/world.ts';

const secret = 'NOTE-7f3a my brother came up in a session today';

let w: World;
standardTeamPerTest((world) => {
  w = world;
});

/** maya's "I need to talk now" flag, sent to sam. */
async function talkNowFlag() {
  await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: secret });
  return w.prisma.triggerFlag.findFirstOrThrow({ where: { author: { platformUserId: 'maya' } } });
}

async function tablesContaining(text: string): Promise<string[]> {
  const tables = await w.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { table_name } of tables) {
    const rows = await w.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text LIKE $1`,
      `%${text}%`,
    );
    if ((rows[0]?.n ?? 0) > 0) found.push(table_name);
  }
  return found;
}

describe('raising a flag', () => {
  it('offers "Flag privately" on the member\'s App Home, which opens the same form', async () => {
    const home = await w.composed.home({ platform: 'shell', workspaceId: 'local', userId: 'maya' });
    expect(said({ text: markup``, blocks: home })).toContain('flags:start');
    expect(said({ text: markup``, blocks: home })).toContain('Flag privately');
    const pressed = await w.action('maya', 'flags:start', undefined, dm);
    expect(pressed.seen[0]).toMatchObject({ how: 'form', form: { formId: 'flags:submit' } });
  });

  it('shows who will see it before it is sent', async () => {
    const opened = await w.command('maya', ['flag'], {}, dm);
    const form = opened.seen[0]?.form;
    expect(opened.seen[0]?.how).toBe('form');
    expect(form?.intro).toContain('only sam');
    expect(form?.intro).toContain('kim (your backup supervisor)');
    expect(form?.intro).toContain('never posted in any channel');
    expect(form?.inputs.map((i) => i.id)).toEqual(['level', 'wish', 'note']);
  });

  it('sends "I need to talk now" to the primary supervisor only, as a notice without its note, with Open and the buttons', async () => {
    const { submitted } = await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: secret });
    expect(submitted.seen.map((s) => s.how)).toEqual(['privately']);
    const answer = said(submitted.seen[0]?.view);
    expect(answer).toContain('went privately to **sam**');
    expect(answer).toContain('notice 5 things');
    expect(answer).toContain('988 Suicide & Crisis Lifeline');
    expect(answer).not.toContain(secret);

    const [toSam, ...more] = await w.inbox('sam');
    expect(more).toHaveLength(0);
    // A notice (issue 21): who, how strong, what would help, when; the note only behind Open.
    expect(said(toSam)).not.toContain(secret);
    expect(said(toSam)).toContain('A private flag from maya');
    expect(said(toSam)).toContain('I need to talk now');
    expect(said(toSam)).toContain('"actionId":"flags:open"');
    expect(said(toSam)).toContain("I'll reach out");
    expect(said(toSam)).toContain('Noted');
    expect(toSam?.urgent).toBe(true);
    for (const other of ['kim', 'ola', 'alice', 'lee', 'maya', 'C-team']) {
      expect((await w.inbox(other)).map(said).join(), other).not.toContain(secret);
    }

    const flag = await w.prisma.triggerFlag.findFirstOrThrow({
      where: { author: { platformUserId: 'maya' } },
    });
    expect(flag).toMatchObject({ severity: 'crisis', wish: 'talk_now', step: 0, status: 'open' });
    expect(flag.escalateAt?.toISOString()).toBe('2026-03-02T10:15:00.000Z');
    expect(await tablesContaining('NOTE-7f3a')).toEqual([]);
    expect(await tablesContaining('brother')).toEqual([]);
  });

  it('tells the member who has seen it and when once the supervisor presses "I\'ll reach out"; a second press changes nothing', async () => {
    const flag = await talkNowFlag();
    w.clock.advance(5 * 60_000);
    const first = await w.action('sam', 'flags:reach-out', flag.id, dm);
    expect(said(first.seen[0]?.view)).toContain('I told maya you have seen it and will reach out');
    const told = (await w.inbox('maya')).map(said).join();
    expect(told).toContain('sam has seen your flag (Mon 11:05) and will reach out to you.');

    const again = await w.action('sam', 'flags:noted', flag.id, dm);
    expect(said(again.seen[0]?.view)).toContain('No need: sam answered it');
    expect(await w.prisma.flagAcknowledgement.count({ where: { flagId: flag.id } })).toBe(1);
    expect(await w.prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({
      status: 'acknowledged',
      escalateAt: null,
    });

    const own = await w.command('maya', ['flags'], {}, dm);
    expect(said(own.seen[0]?.view)).toContain('seen by sam (Mon 11:05)');
  });
});

describe('who may read a flag', () => {
  it('lets the primary supervisor open it (audited) and refuses everyone else, auditing each attempt', async () => {
    // A second team with its own supervisor, and a former supervisor of maya.
    await w.command('zed', ['setup'], { name: 'Other team' }, 'C-other');
    await w.command('zed', ['team', 'role'], { user: 'yan', role: 'supervisor' }, 'C-other');
    await w.command('alice', ['team', 'role'], { user: 'fay', role: 'supervisor' }, 'C-team');
    await w.command(
      'alice',
      ['team', 'supervisor'],
      { member: 'maya', supervisor: 'fay', kind: 'primary' },
      'C-team',
    );
    w.clock.advance(60_000);
    await w.flag('maya', { level: 'weighing', wish: 'talk-today', note: 'second note mark-55q' });
    const flag = await w.prisma.triggerFlag.findFirstOrThrow({
      where: { sentToIds: { isEmpty: false } },
      orderBy: { createdAt: 'desc' },
    });
    // fay was primary when it was sent; now sam is primary again and fay is former.
    await w.command(
      'alice',
      ['team', 'supervisor'],
      { member: 'maya', supervisor: 'sam', kind: 'primary' },
      'C-team',
    );
    const fay = await w.prisma.member.findFirstOrThrow({ where: { platformUserId: 'fay' } });
    expect(flag.sentToIds).toEqual([fay.id]);

    for (const who of ['lee', 'alice', 'fay', 'yan', 'kim']) {
      const opened = await w.action(who, 'flags:open', flag.id, dm);
      const text = said(opened.seen[0]?.view);
      expect(text, who).toContain('I cannot show it to you');
      expect(text, who).not.toContain('mark-55q');
      const list = await w.command(who, ['flags'], {}, dm);
      expect(said(list.seen[0]?.view), who).not.toContain('maya');
    }
    const refused = await w.prisma.auditLog.findMany({
      where: { subjectId: flag.id, action: 'refused.flag.read' },
    });
    expect(refused).toHaveLength(5);

    // Sent to fay, who no longer supervises maya; re-pairing passed it on to sam, the new
    // primary, in the same transaction (issue 21), so he may open it now.
    const rerouted = await w.prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } });
    const samMember = await w.prisma.member.findFirstOrThrow({ where: { platformUserId: 'sam' } });
    expect(rerouted.sentToIds).toEqual([fay.id, samMember.id]);
    const sam = await w.action('sam', 'flags:open', flag.id, dm);
    expect(said(sam.seen[0]?.view)).toContain('mark-55q');
  });

  it('audits a read by the supervisor it was sent to', async () => {
    w.clock.advance(60_000);
    const { submitted } = await w.flag('maya', {
      level: 'noting',
      wish: 'just-noting',
      note: 'third mark-9dq',
    });
    // A lighter flag lists no crisis lines, but says where they are, one step away.
    const answer = said(submitted.seen[0]?.view);
    expect(answer).not.toContain('988');
    expect(answer).toContain('`/peer find category:crisis-line` shows the crisis lines');
    const flag = await w.prisma.triggerFlag.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    const opened = await w.action('sam', 'flags:open', flag.id, dm);
    expect(said(opened.seen[0]?.view)).toContain('third mark-9dq');
    const sam = await w.prisma.member.findFirstOrThrow({ where: { platformUserId: 'sam' } });
    expect(
      await w.prisma.auditLog.findMany({ where: { subjectId: flag.id, action: 'read.flag.note' } }),
    ).toEqual([expect.objectContaining({ actorMemberId: sam.id, subjectType: 'TriggerFlag' })]);
    const list = await w.command('sam', ['flags'], {}, dm);
    const text = said(list.seen[0]?.view);
    expect(text).toContain('**maya**');
    // Each open flag with its age, level, wish and status; the note only when opened.
    expect(text).toMatch(/\*\*maya\*\* · just now · Noting it · wants: Just noting it · \S/);
    expect(text).not.toContain('mark-9dq');
  });

  it('closes with a private follow-up note that the member never sees', async () => {
    const flag = await talkNowFlag();
    const closeButton = await w.action('sam', 'flags:close', flag.id, dm);
    expect(closeButton.seen[0]?.form?.formId).toBe('flags:close');
    const closed = await w.form(
      'sam',
      'flags:close',
      { followup: 'called her, follow-up mark-77q' },
      dm,
      flag.id,
    );
    expect(said(closed.seen[0]?.view)).toContain('Closed.');
    const stored = await w.prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } });
    expect(stored.status).toBe('closed');
    expect(stored.followUpEnc).toMatch(/^v3:/);
    const toMaya = (await w.inbox('maya')).map(said).join();
    expect(toMaya).not.toContain('mark-77q');
    // The member is told it was closed, and by whom.
    expect(toMaya).toContain('sam has followed up on your flag and closed it.');
    // The supervisor it was sent to reads the follow-up note with the flag; nobody else does.
    const reopened = said((await w.action('sam', 'flags:open', flag.id, dm)).seen[0]?.view);
    expect(reopened).toContain('follow-up mark-77q');
    for (const who of ['kim', 'alice', 'maya']) {
      const opened = said((await w.action(who, 'flags:open', flag.id, dm)).seen[0]?.view);
      expect(opened, who).not.toContain('mark-77q');
    }
    const twice = await w.form('sam', 'flags:close', { followup: 'again' }, dm, flag.id);
    expect(said(twice.seen[0]?.view)).toContain('already closed');
  });
});

describe('bad input: a clear message and nothing stored', () => {
  it('refuses a note over 2,000 characters', async () => {
    const before = await w.prisma.triggerFlag.count();
    const { submitted } = await w.flag('maya', {
      level: 'weighing',
      wish: 'talk-today',
      note: 'x'.repeat(2001),
    });
    expect(said(submitted.seen[0]?.view)).toContain(
      'The note can be up to 2,000 characters (this one is 2,001)',
    );
    expect(said(submitted.seen[0]?.view)).toContain('Nothing was saved');
    expect(await w.prisma.triggerFlag.count()).toBe(before);
  });

  it('refuses a missing level', async () => {
    const before = await w.prisma.triggerFlag.count();
    const { submitted } = await w.flag('maya', { wish: 'talk-today', note: 'hi' });
    expect(said(submitted.seen[0]?.view)).toContain('please choose how strong it is');
    expect(await w.prisma.triggerFlag.count()).toBe(before);
  });

  it('gives someone on no team set-up help instead of a form', async () => {
    const before = await w.prisma.triggerFlag.count();
    const opened = await w.command('nobody', ['flag'], {}, dm);
    expect(opened.seen[0]?.how).toBe('privately');
    expect(said(opened.seen[0]?.view)).toContain('I could not find a team you are on yet');
    const submitted = await w.form(
      'nobody',
      'flags:submit',
      {
        level: 'talk-now',
        wish: 'talk-now',
        note: 'x',
      },
      dm,
    );
    expect(said(submitted.seen[0]?.view)).toContain('/peer setup');
    expect(await w.prisma.triggerFlag.count()).toBe(before);
  });

  it('answers a button with no flag id gently', async () => {
    const pressed = await w.action('sam', 'flags:reach-out', undefined, dm);
    expect(said(pressed.seen[0]?.view)).toContain('lost which flag');
  });
});

describe('a member with no supervisor', () => {
  it('is told kindly, still gets the self-care reply, and admins get a nudge that says nothing about the flag', async () => {
    const { submitted } = await w.flag('lee', {
      level: 'struggling',
      wish: 'talk-today',
      note: 'lee private mark-31q',
    });
    const text = said(submitted.seen[0]?.view);
    expect(text).toContain('You do not have a supervisor yet');
    expect(text).toContain('alice, ola can pair you');
    expect(text).toContain('notice 5 things');
    expect(text).toContain('988');
    for (const admin of ['alice', 'ola']) {
      const nudge = (await w.inbox(admin)).map(said).join();
      expect(nudge).toContain('lee in Peers does not have a supervisor yet');
      expect(nudge).not.toContain('flag');
      expect(nudge).not.toContain('mark-31q');
    }
    const flag = await w.prisma.triggerFlag.findFirstOrThrow({
      where: { author: { platformUserId: 'lee' } },
    });
    expect(flag).toMatchObject({ sentToIds: [], step: 3, escalateAt: null });
  });
});

describe('admins see anonymous figures only', () => {
  it('shows the median time to acknowledge once acknowledged flags from three people count, and no names or notes', async () => {
    const before = said((await w.command('alice', ['flags'], {}, dm)).seen[0]?.view);
    expect(before).toContain('not enough flags yet');
    const acknowledge = async (author: string, minutes: number) => {
      w.clock.advance(60_000);
      await w.flag(author, { level: 'weighing', wish: 'talk-today' });
      const flag = await w.prisma.triggerFlag.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
      w.clock.advance(minutes * 60_000);
      await w.action('sam', 'flags:noted', flag.id, dm);
    };
    for (const minutes of [10, 30]) await acknowledge('maya', minutes);
    // Several flags, all from maya: a figure would point at her.
    expect(said((await w.command('alice', ['flags'], {}, dm)).seen[0]?.view)).toContain(
      'needs flags from at least 3 people',
    );
    for (const who of ['lee', 'kim']) {
      await w.command('alice', ['team', 'supervisor'], { member: who, supervisor: 'sam' }, 'C-team');
      await acknowledge(who, 20);
    }
    const after = said((await w.command('alice', ['flags'], {}, dm)).seen[0]?.view);
    expect(after).toMatch(/median time to acknowledge \d+ min/);
    expect(after).not.toContain('maya');
    // The figures are for admins only: not for a supervisor who is not an admin, nor a member.
    for (const who of ['sam', 'kim', 'maya', 'lee']) {
      const theirs = said((await w.command(who, ['flags'], {}, dm)).seen[0]?.view);
      expect(theirs, who).not.toMatch(/median time to acknowledge|not enough flags yet|at least 3 people/);
    }
  });
});
