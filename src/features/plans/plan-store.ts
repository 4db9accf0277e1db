// Reading and writing a member's wellness plan. Every section is its own envelope; decrypted
// text leaves this file only for the member's own eyes (or a section they chose to share).
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { type PlanSection, planSections, type SectionKey, sectionContext } from './sections.ts';

export type PlanTexts = Partial<Record<SectionKey, string>>;

export async function readPlan(prisma: DbClient, cipher: FieldCipher, memberId: string): Promise<PlanTexts> {
  const row = await prisma.wellnessPlan.findUnique({ where: { memberId } });
  if (!row) return {};
  const texts: PlanTexts = {};
  for (const section of planSections) {
    const envelope = row[section.column];
    // A wrong key throws WrongKeyError here: a clear error, never garbage. Each envelope names
    // its plan's owner (one plan a member), so it cannot be moved to another member's plan.
    if (envelope) texts[section.key] = cipher.decrypt(envelope, sectionContext(section), memberId);
  }
  return texts;
}

/** Saves one section (empty text clears it). */
export async function saveSection(
  prisma: PrismaClient,
  cipher: FieldCipher,
  memberId: string,
  section: PlanSection,
  text: string,
): Promise<void> {
  const value = text.trim() === '' ? null : cipher.encrypt(text.trim(), sectionContext(section), memberId);
  await prisma.wellnessPlan.upsert({
    where: { memberId },
    create: { memberId, [section.column]: value },
    update: { [section.column]: value },
  });
}

/** "My triggers and what helps" as steps, one a line, list marks removed. */
export function stepsOf(text: string | undefined): readonly string[] | undefined {
  if (!text) return undefined;
  const steps = text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);
  return steps.length > 0 ? steps : undefined;
}

export async function erasePlan(tx: DbClient, memberId: string): Promise<number> {
  const deleted = await tx.wellnessPlan.deleteMany({ where: { memberId } });
  return deleted.count;
}
