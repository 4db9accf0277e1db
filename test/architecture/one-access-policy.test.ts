// One access policy: who may do what is decided in src/access (docs/architecture.md, "Access
// policy"). A feature that tests roles itself (an admin role in any team, the platform's admin
// flag, its own "is lead" helper) is how issue 20's attacks happened: "admin" came to mean admin
// of any team. This fails when such a test appears outside src/access. The role storage itself
// (src/features/teams: giving roles, the last-admin rule) and the few places that pick
// *recipients* by role (not whether someone may act) are listed, each with its reason.
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './source-files.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

/** What a feature's own access test looks like. */
const ownAccessTests: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: "a TeamRole query or test for the 'admin' role", pattern: /role\b["']?\s*(?::|===|=)\s*'admin'/ },
  { name: "a roles set tested for 'admin' or 'supervisor'", pattern: /\.has\(\s*'(admin|supervisor)'\s*\)/ },
  { name: 'the platform’s workspace-admin flag', pattern: /\bisWorkspaceAdmin\b/ },
  {
    name: 'an isAdmin / isLead / mayRun helper',
    pattern: /\b(function|const)\s+(isAdmin|isLead|mayRun|adminOf)\b/,
  },
];

/** Files allowed a pattern, and why. Paths are relative to src/. */
const allowed: Readonly<Record<string, string>> = {
  'features/teams/role-changes.ts': 'role storage: giving and taking roles, the last-admin rule',
  'features/teams/team-setup.ts': 'role storage: the person who sets a team up becomes its admin',
  'features/flags/routing.ts':
    'recipients: the escalation chain (admins who are supervisors); who may read a flag is `flagAccess` in src/access',
  'features/flags/flag-create.ts': 'recipients: which admins get the "please pair this member" nudge',
  'features/flags/escalation.ts':
    'recipients: which admins are told an urgent flag found nobody (never whose or what)',
  'features/resources/people.ts': 'recipients: which admins are told about a suggestion',
  'features/resources/stale-review.ts': 'recipients: which admins get the monthly review',
};

async function offences(): Promise<string[]> {
  const found: string[] = [];
  const files = (await filesUnder(join(repoRoot, 'src'))).filter((file) => {
    const rel = relative(join(repoRoot, 'src'), file).split(sep).join('/');
    // The policy itself, the generated client, the platforms that report the flag, and chat's
    // neutral types that carry it from the adapters.
    return (
      !/^(access|db\/generated|adapters)\//.test(rel) &&
      rel !== 'chat/events.ts' &&
      rel !== 'chat/outbound.ts'
    );
  });
  for (const file of files) {
    const rel = relative(join(repoRoot, 'src'), file).split(sep).join('/');
    if (Object.hasOwn(allowed, rel)) continue;
    const source = await readFile(file, 'utf8');
    for (const { name, pattern } of ownAccessTests)
      if (pattern.test(source)) found.push(`src/${rel}: ${name}`);
  }
  return found;
}

describe('one access policy', () => {
  it('recognises a feature deciding access itself', () => {
    const samples = [
      "prisma.teamRole.count({ where: { memberId, role: 'admin' } })",
      "roles.has('supervisor') || roles.has('admin')",
      'if (actor.isWorkspaceAdmin) return true;',
      'export async function isAdmin(prisma, actor) {}',
      `WHERE r."role" = 'admin'`,
    ];
    for (const sample of samples)
      expect(
        ownAccessTests.some(({ pattern }) => pattern.test(sample)),
        sample,
      ).toBe(true);
    expect(
      ownAccessTests.some(({ pattern }) => pattern.test("access.check(actor, 'team.roles', target)")),
    ).toBe(false);
  });

  it('has no access test outside src/access (and the listed role storage and recipient lookups)', async () => {
    expect(await offences()).toEqual([]);
  });

  it('lists only files that exist', async () => {
    const files = new Set(
      (await filesUnder(join(repoRoot, 'src'))).map((f) =>
        relative(join(repoRoot, 'src'), f).split(sep).join('/'),
      ),
    );
    expect(Object.keys(allowed).filter((file) => !files.has(file))).toEqual([]);
  });
});
