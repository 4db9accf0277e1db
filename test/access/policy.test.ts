// The pure decision: for every verb and every subject, allowed exactly when the verb's rule
// lists that subject, and a refusal sentence otherwise.
import { describe, expect, it } from 'vitest';
import { decide, type SubjectKind, subjectKinds, verbNames, verbs } from '../../src/access/index.ts';
import { english, translatorFor } from '../../src/i18n/index.ts';

describe('access policy', () => {
  it('allows each verb exactly to the subjects its rule lists', () => {
    for (const verb of verbNames) {
      for (const subject of subjectKinds) {
        const decision = decide(verb, new Set<SubjectKind>([subject]));
        expect(decision.ok, `${verb} as ${subject}`).toBe(verbs[verb].who.includes(subject));
      }
    }
  });

  it('refuses a person who holds nothing, with the verb’s own sentence', () => {
    const decision = decide('team.roles', new Set());
    expect(decision).toEqual({
      ok: false,
      refusal: verbs['team.roles'].refusal,
      reason: english(verbs['team.roles'].refusal),
    });
  });

  it('gives every verb someone can be refused a plain sentence that says what to do', () => {
    for (const verb of verbNames) {
      if (verbs[verb].who.includes('anyone')) continue;
      expect(english(verbs[verb].refusal).length, verb).toBeGreaterThan(20);
      expect(translatorFor('es')(verbs[verb].refusal).length, verb).toBeGreaterThan(20);
    }
  });

  it('refuses a verb nobody declared, saying so', () => {
    const decision = decide('no.such.verb', new Set(subjectKinds));
    expect(decision.ok).toBe(false);
  });

  it('never lets the operator act from chat: no chat subject holds an operator-only verb', () => {
    const chatSubjects = new Set(subjectKinds.filter((s) => s !== 'operator'));
    expect(decide('resources.edit-shared', chatSubjects).ok).toBe(false);
  });

  it('keeps private text with its people: no admin reads a flag, an answer or an export', () => {
    for (const verb of [
      'flag.respond',
      'checkin.read-private',
      'privacy.export',
      'receive-private',
    ] as const) {
      expect(verbs[verb].who).not.toContain('team-admin');
      expect(verbs[verb].who).not.toContain('workspace-admin');
    }
  });
});
