// The resources feature through the real router: crisis lines first for crisis words, help for
// an empty query, bad options refused, Send to me through the outbox, Share in channel in
// public, suggestions approved with the suggester told, admin forms validated whole, the seed
// idempotent and never overwriting an admin's edit, the monthly review exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/chat/markup.ts';
import type { Button } from '../../../src/chat/views.ts';
import type { Database } from '../../../src/db/index.ts';
import { loadSeed } from '../../../src/features/resources/index.ts';
import { english } from '../../../src/i18n/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { resourcesHarness } from './harness.ts';

let db: Database;
let h: ReturnType<typeof resourcesHarness>;

beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test's world: an empty database with the starting set loaded and ada's team in Texas.
beforeEach(async () => {
  await emptyDatabase(db);
  h = resourcesHarness(db);
  await h.runJobs(); // loads the starting set
  await h.command('ada', ['setup'], { region: 'US-TX', name: 'Peers' });
});
afterAll(async () => db?.close());

const buttons = (reply: { seen: { view?: { blocks: readonly unknown[] } }[] }) =>
  reply.seen
    .flatMap((r) => (r.view?.blocks ?? []) as { type: string; elements?: Button[] }[])
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

describe('/peer find', () => {
  it('lists the team region’s crisis lines first for "crisis", whatever else matched', async () => {
    const reply = await h.command('bo', ['find'], { words: 'crisis' });
    const [shown] = reply.seen;
    expect(shown?.how).toBe('privately');
    const blocks = shown?.view?.blocks ?? [];
    expect(blocks[0]).toEqual({ type: 'header', text: 'Crisis lines for US-TX' });
    const first = blocks[1] as { text: string };
    expect(first.text.indexOf('988 Suicide & Crisis Lifeline')).toBeGreaterThanOrEqual(0);
    // Other countries' lines are not among them.
    expect(reply.text()).not.toContain('Samaritans');
    expect(buttons(reply).map((b) => b.label)).toEqual(
      expect.arrayContaining(['Send to me', 'Share in channel']),
    );
  });

  it('puts crisis lines first for words like self-harm too, and follows the region option', async () => {
    const reply = await h.command('bo', ['find'], { words: 'self-harm', region: 'GB' });
    expect(reply.seen[0]?.view?.blocks[0]).toEqual({ type: 'header', text: 'Crisis lines for GB' });
    expect(reply.text()).toContain('Samaritans');
    expect(reply.text()).not.toContain('988 Suicide');
  });

  it('answers an empty or one-letter query with help and the categories, not everything', async () => {
    for (const words of [undefined, 'a']) {
      const reply = await h.command('bo', ['find'], words ? { words } : {});
      expect(reply.text()).toContain('What would you like to find?');
      expect(reply.text()).toContain('`crisis-line`');
      expect(buttons(reply)).toEqual([]);
    }
  });

  it('refuses a bad region or category privately, in plain words', async () => {
    const region = await h.command('bo', ['find'], { words: 'peer', region: 'Texas!' });
    expect(region.text()).toContain("'Texas!' is not a region code");
    const category = await h.command('bo', ['find'], { words: 'peer', category: 'astrology' });
    expect(category.text()).toContain("'astrology' isn't one of the choices");
  });

  it('Send to me queues a direct message through the outbox; Share in channel posts it publicly', async () => {
    const reply = await h.command('bo', ['find'], { words: 'veterans' });
    const send = buttons(reply).find((b) => b.label === 'Send to me' && b.value?.startsWith('r:'));
    expect(send?.value).toBe('r:us-veterans-crisis-line');

    const sent = await h.action('bo', 'resources:send', send?.value);
    expect(sent.text()).toContain('Sent to your direct messages.');
    const row = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: 'resources-send:' } },
    });
    expect(row).toMatchObject({ target: 'dm', recipientId: 'bo', platform: 'shell' });
    expect(row.payload).toContain('Veterans Crisis Line');

    const shared = await h.action('bo', 'resources:share', send?.value);
    expect(shared.seen[0]?.how).toBe('publicly');
    expect(shared.text()).toContain('bo shared: Veterans Crisis Line');
    expect(shared.text()).toContain('Shared by bo');
  });

  it('pages past the first results with More results', async () => {
    const first = await h.command('bo', ['find'], { words: 'peer support' });
    const more = buttons(first).find((b) => b.actionId === 'resources:more');
    expect(more).toBeDefined();
    const next = await h.action('bo', 'resources:more', more?.value);
    expect(next.text()).toContain('page 2');
  });
});

describe('keeping the list current', () => {
  const entry = {
    title: 'Austin Peer Warmline',
    category: 'peer-support-organisation',
    summary: 'Talk with a peer before things become a crisis.',
    contacts: 'phone: (512) 555-0199\nweb: https://warmline.example.org',
    regions: 'US-TX',
    hours: 'daily 4pm-10pm',
    tags: 'warmline, peer support',
    source: '',
  };

  it('refuses a form with problems and saves nothing', async () => {
    const before = await db.prisma.resource.count();
    const reply = await h.form('wanda', 'resources:add-form', {
      ...entry,
      contacts: 'fax: 12345\nphone: call me',
      title: '',
    });
    expect(reply.text()).toContain('Nothing was saved');
    expect(reply.text()).toContain("I couldn't read the contact line 'fax: 12345'");
    expect(reply.text()).toContain('the name is missing');
    expect(await db.prisma.resource.count()).toBe(before);
  });

  it('members cannot add; a team admin adds for their team only, a workspace admin for everyone here', async () => {
    expect((await h.command('bo', ['resources', 'add'])).text()).toContain('Only team admins');
    const opened = await h.command('ada', ['resources', 'add']);
    expect(opened.seen[0]?.form?.formId).toBe('resources:add-form');
    // ada administers this channel's team, not the workspace: her entry is her team's.
    const mine = await h.form('ada', 'resources:add-form', { ...entry, title: 'Peers Only Warmline' });
    expect(mine.text()).toContain('Added');
    const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: 'C-team' } });
    expect(
      (await db.prisma.resource.findFirstOrThrow({ where: { title: 'Peers Only Warmline' } })).teamId,
    ).toBe(team.id);
    const saved = await h.form('wanda', 'resources:add-form', entry);
    expect(saved.text()).toContain('Added **Austin Peer Warmline**');
    const found = await h.command('bo', ['find'], { words: 'austin warmline' });
    expect(found.text()).toContain('Austin Peer Warmline');
  });

  it('a team’s own entry shows in that team only, and only its admins change it', async () => {
    const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: 'C-team' } });
    const saved = await h.form(
      'ada',
      'resources:add-form',
      { ...entry, title: 'Peers Private Debrief Room', tags: 'debrief', visibility: 'team' },
      'C-team',
      team.id,
    );
    expect(saved.text()).toContain('Added');
    const row = await db.prisma.resource.findFirstOrThrow({ where: { title: 'Peers Private Debrief Room' } });
    expect(row.teamId).toBe(team.id);
    expect((await h.command('bo', ['find'], { words: 'debrief room' })).text()).toContain(
      'Peers Private Debrief Room',
    );

    await h.command('zed', ['setup'], { region: 'US', name: 'Other' }, 'C-other');
    expect((await h.command('zed', ['find'], { words: 'debrief room' }, 'C-other')).text()).not.toContain(
      'Peers Private Debrief Room',
    );
    expect((await h.command('ada', ['find'], { words: 'debrief room' }, 'C-other')).text()).toContain(
      'Peers Private Debrief Room',
    );
    expect((await h.action('zed', 'resources:retire', row.id, 'C-other')).text()).toContain(
      'Only team admins',
    );
    expect((await db.prisma.resource.findUniqueOrThrow({ where: { id: row.id } })).archivedAt).toBeNull();
  });

  it('a member suggests, an admin approves, and the member is told through the outbox', async () => {
    await h.form('bo', 'resources:suggest-form', {
      ...entry,
      title: 'Round Rock Grief Circle',
      category: 'peer-support-organisation',
      tags: 'grief',
    });
    const toAdmin = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: 'resources-suggestion:' } },
    });
    expect(toAdmin.recipientId).toBe('ada');
    const review = await h.command('ada', ['resources', 'review']);
    const approve = buttons(review).find((b) => b.actionId === 'resources:approve');
    expect(review.text()).toContain('Round Rock Grief Circle');

    expect((await h.action('ada', 'resources:approve', approve?.value)).text()).toContain('Approved');
    expect((await h.action('ada', 'resources:approve', approve?.value)).text()).toContain('already approved');
    const told = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: 'resources-decision:' } },
    });
    expect(told).toMatchObject({ recipientId: 'bo', target: 'dm' });
    expect(told.payload).toContain('was added to the shared resources');
    const privacy = await h.resources.privacy?.(
      (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'bo' } })).id,
      english,
    );
    expect(privacy?.[0]?.value).toMatch(/^1 /);
  });

  it('an admin declines a suggestion: nothing is added, the member is thanked, a member cannot decide', async () => {
    const before = await db.prisma.resource.count();
    await h.form('bo', 'resources:suggest-form', { ...entry, title: 'Astrology For Calm', tags: 'stars' });
    const suggestion = await db.prisma.resourceSuggestion.findFirstOrThrow({
      where: { status: 'pending' },
    });
    expect((await h.action('bo', 'resources:decline', suggestion.id)).text()).toContain('Only team admins');
    expect(
      (await db.prisma.resourceSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).status,
    ).toBe('pending');
    await h.action('ada', 'resources:decline', suggestion.id);
    expect(
      (await db.prisma.resourceSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).status,
    ).toBe('declined');
    expect(await db.prisma.resource.count()).toBe(before);
    expect((await h.command('bo', ['find'], { words: 'astrology calm' })).text()).not.toContain(
      'Astrology For Calm',
    );
    const told = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: `resources-decision:${suggestion.id}` },
    });
    expect(told).toMatchObject({ recipientId: 'bo', target: 'dm' });
    expect(told.payload).toContain('did not add it this time');
    expect((await h.action('ada', 'resources:approve', suggestion.id)).text()).toContain('already declined');
  });

  it('the starting set loads idempotently; an edit in chat makes a workspace copy, never a change to it', async () => {
    const again = await loadSeed(db.prisma);
    expect(again.added).toBe(0);
    expect(again.updated).toBe(0);

    const saved = await h.form(
      'wanda',
      'resources:edit-form',
      {
        ...entry,
        title: 'NAMI HelpLine (our notes)',
        category: 'referral-service',
        contacts: 'phone: 1-800-950-6264',
        regions: 'US',
      },
      'C-team',
      'us-nami-helpline',
    );
    expect(saved.text()).toContain('for this workspace');
    const shared = await db.prisma.resource.findUniqueOrThrow({ where: { id: 'us-nami-helpline' } });
    expect(shared.title).not.toBe('NAMI HelpLine (our notes)');
    expect(shared.editedAt).toBeNull();
    const copy = await db.prisma.resource.findFirstOrThrow({ where: { replacesId: 'us-nami-helpline' } });
    expect(copy).toMatchObject({ title: 'NAMI HelpLine (our notes)', editedBy: 'wanda', teamId: null });
    const reloaded = await loadSeed(db.prisma);
    expect(reloaded.updated).toBe(0);
    // Read as a person reads it: the title's brackets are the entry's own, kept literal.
    const found = toPlainText((await h.command('bo', ['find'], { words: 'nami helpline' })).text());
    expect(found).toContain('NAMI HelpLine (our notes)');
    expect(found).toContain('Edited in this workspace by wanda on 2026-12-01');
  });

  it('the monthly review reaches admins once, with Still right / Edit / Retire', async () => {
    // Not in a team's first week: the review waits until the team has settled in. (Each admin
    // of the workspace gets one; ada's are counted.)
    await h.runJobs();
    expect(
      await db.prisma.outboxMessage.count({
        where: { idempotencyKey: { startsWith: 'resources-stale-review:' }, recipientId: 'ada' },
      }),
    ).toBe(0);
    await db.prisma.team.updateMany({ data: { createdAt: new Date('2026-11-01T00:00:00Z') } });
    await h.runJobs();
    await h.runJobs();
    const rows = await db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: 'resources-stale-review:' }, recipientId: 'ada' },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.recipientId).toBe('ada');
    expect(rows[0]?.payload).toContain('Still right');
    expect(rows[0]?.payload).toContain('Retire');
    expect(rows[0]?.payload).toContain('Crisis Text Line');

    // A crisis line: a team admin may not change it; a workspace admin changes this workspace's copy.
    const id = 'us-crisis-text-line';
    expect((await h.action('ada', 'resources:verify', id, dm)).text()).toContain(
      'Crisis lines can be changed only by an admin of this workspace',
    );
    expect((await h.action('wanda', 'resources:verify', id, dm)).text()).toContain('marked as checked today');
    const copy = await db.prisma.resource.findFirstOrThrow({ where: { replacesId: id } });
    expect(copy.verifiedOn?.toISOString().slice(0, 10)).toBe('2026-12-01');
    expect((await db.prisma.resource.findUniqueOrThrow({ where: { id } })).verifiedOn).toBeNull();
    const asked = await h.action('wanda', 'resources:retire', copy.id, dm);
    expect(asked.text()).toContain('Retire **Crisis Text Line**?');
    expect((await db.prisma.resource.findUniqueOrThrow({ where: { id: copy.id } })).archivedAt).toBeNull();
    expect((await h.action('wanda', 'resources:retire-no', copy.id, dm)).text()).toContain('Nothing changed');
    expect((await db.prisma.resource.findUniqueOrThrow({ where: { id: copy.id } })).archivedAt).toBeNull();
    expect((await h.action('wanda', 'resources:retire-yes', copy.id, dm)).text()).toContain('Retired');

    // Monthly: nothing more this month; the next month's review comes, once.
    h.clock.advance(10 * 24 * 60 * 60_000);
    await h.runJobs();
    expect(
      await db.prisma.outboxMessage.count({
        where: { idempotencyKey: { startsWith: 'resources-stale-review:' }, recipientId: 'ada' },
      }),
    ).toBe(1);
    h.clock.advance(25 * 24 * 60 * 60_000);
    await h.runJobs();
    await h.runJobs();
    const months = await db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: 'resources-stale-review:' }, recipientId: 'ada' },
      orderBy: { createdAt: 'asc' },
    });
    expect(months).toHaveLength(2);
    expect(months[1]?.idempotencyKey).toContain('2027-01-01');
    // The entry retired last month is not listed again.
    expect(months[1]?.payload).not.toContain('Crisis Text Line');
    expect(
      (await h.command('bo', ['find'], { words: 'crisis text line', region: 'GB' })).text(),
    ).not.toContain('Crisis Text Line');
  });
});

describe('the crisis lines port', () => {
  it('gives a state its country’s lines, and unknown regions the international fall-back', async () => {
    const tx = await h.resources.crisisLines.forRegion('US-TX');
    expect(tx.map((l) => l.id)).toContain('us-veterans-crisis-line');
    expect(tx.at(-1)?.id).toBe('intl-find-a-helpline');
    const nowhere = await h.resources.crisisLines.forRegion('ZZ');
    expect(nowhere.map((l) => l.id)).toEqual(['intl-find-a-helpline']);
    const gb = await h.resources.crisisLines.forRegion('gb');
    expect(gb.map((l) => l.id)).toEqual(expect.arrayContaining(['gb-ie-samaritans', 'gb-shout']));
  });
});
