// The wellness plan: private view with an edit button per section, each section encrypted at
// rest, a wrong key's clear error, the limit per section, sharing one section (audited) and a
// Markdown copy in the member's DM.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatClient, FileUpload } from '../../../src/chat/index.ts';
import { createFieldCipher, type Database, WrongKeyError } from '../../../src/db/index.ts';
import { planStepsPort } from '../../../src/features/plans/index.ts';
import { capturingLogger } from '../../e2e/slack/support.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { flagsWorld, said, type World } from '../flags/support/world.ts';

const uploads: { userId: string; file: FileUpload }[] = [];
const client = {
  platform: 'shell',
  async uploadFile(target: { userId?: string }, file: FileUpload) {
    uploads.push({ userId: target.userId ?? '', file });
  },
} as unknown as ChatClient;

let db: Database;
let w: World;

beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test's world: an empty database with the standard team, and no file sent yet.
beforeEach(async () => {
  await emptyDatabase(db);
  uploads.length = 0;
  w = await flagsWorld({ db, clientFor: () => client });
  await w.standardTeam();
});
afterAll(async () => {
  await db.close();
});

/** maya's "My triggers and what helps" section, with two steps. */
const withTriggers = () =>
  w.form('maya', 'plans:section', { text: '- call my sister\n- walk PLAN-91x' }, dm, 'triggers');

describe('wellness plan', () => {
  it('shows the plan privately with an edit button for each of the seven sections', async () => {
    const shown = await w.command('maya', ['plan'], {}, dm);
    expect(shown.seen[0]?.how).toBe('privately');
    const actions = shown.seen[0]?.view?.blocks.find((b) => b.type === 'actions');
    const edits =
      actions?.type === 'actions' ? actions.elements.filter((e) => e.actionId === 'plans:edit') : [];
    expect(edits.map((e) => ('value' in e ? e.value : ''))).toEqual([
      'daily',
      'triggers',
      'warning-signs',
      'breaking-down',
      'people',
      'crisis',
      'after-crisis',
    ]);
  });

  it('edits a section in a form and stores it encrypted', async () => {
    const edit = await w.action('maya', 'plans:edit', 'triggers', dm);
    expect(edit.seen[0]?.form).toMatchObject({ formId: 'plans:section', context: 'triggers' });
    const saved = await w.form(
      'maya',
      'plans:section',
      { text: '- call my sister\n- walk PLAN-91x' },
      dm,
      'triggers',
    );
    expect(said(saved.seen[0]?.view)).toContain('walk PLAN-91x');
    const [row] = await w.prisma.$queryRawUnsafe<Record<string, string | null>[]>(
      'SELECT "triggersEnc", "dailyMaintenanceEnc" FROM "WellnessPlan"',
    );
    expect(row?.triggersEnc).toMatch(/^v3:[0-9a-f]{8}:/);
    expect(JSON.stringify(row)).not.toContain('PLAN-91x');
    expect(row?.dailyMaintenanceEnc).toBeNull();
    const maya = await w.prisma.member.findFirstOrThrow({ where: { platformUserId: 'maya' } });
    expect(await planStepsPort(w).helpfulSteps(maya.id)).toEqual(['call my sister', 'walk PLAN-91x']);
  });

  it('gives the clear wrong-key error, never garbage', async () => {
    await withTriggers();
    const maya = await w.prisma.member.findFirstOrThrow({ where: { platformUserId: 'maya' } });
    const otherKey = planStepsPort({ prisma: w.prisma, cipher: createFieldCipher(randomBytes(32)) });
    await expect(otherKey.helpfulSteps(maya.id)).rejects.toThrow(WrongKeyError);
    await expect(otherKey.helpfulSteps(maya.id)).rejects.toThrow(/Set ENCRYPTION_KEY/);
  });

  it('answers /peer plan under a wrong key with an apology to the member and the clear error in the log', async () => {
    await withTriggers();
    const { logger, lines } = capturingLogger();
    const wrong = await flagsWorld({ db: w.db, cipher: createFieldCipher(randomBytes(32)), logger });
    const reply = await wrong.command('maya', ['plan'], {}, dm);
    const shown = said(reply.seen[0]?.view);
    expect(shown).toContain('something went wrong on my side');
    expect(shown).not.toMatch(/PLAN-91x|v[123]:/);
    const failed = lines.all().find((line) => line.event === 'chat.handler.failed');
    // pino's own `err` serializer renames the type to "Object"; the message names the wrong key.
    expect(String((failed?.err as { message?: string } | undefined)?.message)).toMatch(
      /^Private text was encrypted with key \w+, but the configured key is \w+\. Set ENCRYPTION_KEY/,
    );
  });

  it('refuses a section over its limit and keeps the old text', async () => {
    await withTriggers();
    const refused = await w.form('maya', 'plans:section', { text: 'y'.repeat(1501) }, dm, 'triggers');
    expect(said(refused.seen[0]?.view)).toContain('can hold up to 1,500 characters, and this was 1,501');
    expect(said(refused.seen[0]?.view)).toContain('Nothing was saved');
    const maya = await w.prisma.member.findFirstOrThrow({ where: { platformUserId: 'maya' } });
    expect(await planStepsPort(w).helpfulSteps(maya.id)).toEqual(['call my sister', 'walk PLAN-91x']);
  });

  it('shows the member their own steps right after they flag', async () => {
    await withTriggers();
    const { submitted } = await w.flag('maya', { level: 'weighing', wish: 'talk-today' });
    expect(said(submitted.seen[0]?.view)).toContain('From your own plan, what helps');
    expect(said(submitted.seen[0]?.view)).toContain('call my sister');
  });

  it('shares one section with the supervisor only when asked, and audits it', async () => {
    await withTriggers();
    expect((await w.inbox('sam')).map(said).join()).not.toContain('PLAN-91x');
    const shared = await w.command('maya', ['plan'], { action: 'share', section: 'triggers' }, dm);
    expect(shared.seen[0]?.view?.text).toContain('I sent your "My triggers and what helps" section to sam');
    // A notice (issue 21): which section and when, with Open; never the text itself.
    const toSam = (await w.inbox('sam')).find((v) => said(v).includes('shared'));
    expect(said(toSam)).not.toContain('PLAN-91x');
    expect(said(toSam)).toContain('My triggers and what helps');
    const audit = await w.prisma.auditLog.findMany({ where: { action: 'plan.section.shared' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ section: 'triggers' });
    const share = await w.prisma.planShare.findFirstOrThrow();
    expect(JSON.stringify(share)).not.toContain('PLAN-91x');
    // Open: the supervisor sees the section, privately, and the read is audited against maya.
    const opened = await w.action('sam', 'plans:open-share', share.id, dm);
    expect(opened.seen[0]?.how).toBe('privately');
    expect(said(opened.seen[0]?.view)).toContain('PLAN-91x');
    expect(
      await w.prisma.auditLog.count({ where: { action: 'read.plan-share', subjectId: share.memberId } }),
    ).toBe(1);
    // Anyone else: refused, audited, nothing shown.
    const nosy = await w.action('kim', 'plans:open-share', share.id, dm);
    expect(said(nosy.seen[0]?.view)).not.toContain('PLAN-91x');
    expect(said(nosy.seen[0]?.view)).toContain('cannot show it to you');
    expect(await w.prisma.auditLog.count({ where: { action: 'refused.plan-share.read' } })).toBe(1);
    // A later edit of the plan stays private: the share is what was shared then.
    await w.form('maya', 'plans:section', { text: 'EDITED-LATER not for sam' }, dm, 'triggers');
    const again = await w.action('sam', 'plans:open-share', share.id, dm);
    expect(said(again.seen[0]?.view)).toContain('PLAN-91x');
    expect(said(again.seen[0]?.view)).not.toContain('EDITED-LATER');
    await w.form('maya', 'plans:section', { text: '- call my sister\n- walk PLAN-91x' }, dm, 'triggers');

    const empty = await w.command('maya', ['plan'], { action: 'share', section: 'crisis' }, dm);
    expect(said(empty.seen[0]?.view)).toContain('is empty');
    await w.form('lee', 'plans:section', { text: 'tea at four' }, dm, 'daily');
    const unpaired = await w.command('lee', ['plan'], { action: 'share', section: 'daily' }, dm);
    expect(said(unpaired.seen[0]?.view)).toContain('You do not have a supervisor yet');
    expect(await w.prisma.auditLog.count({ where: { action: 'plan.section.shared' } })).toBe(1);
  });

  it('sends the whole plan as a Markdown file to the member', async () => {
    await withTriggers();
    const sent = await w.command('maya', ['plan'], { action: 'export' }, dm);
    expect(said(sent.seen[0]?.view)).toContain('Markdown file');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.userId).toBe('maya');
    expect(uploads[0]?.file.filename).toMatch(/^wellness-plan-\d{4}-\d{2}-\d{2}\.md$/);
    expect(String(uploads[0]?.file.content)).toContain('## My triggers and what helps\n\n- call my sister');
  });
});
