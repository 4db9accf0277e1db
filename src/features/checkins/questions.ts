// The questions of a check-in and the answer form built from them. A question is a worded
// 5-point scale (how are you arriving), free text, or the yes/no "would you like a peer to
// reach out?". Every answer except the reach-out request carries its own audience, chosen
// by the member: the team, the team without their name, or only their supervisor.
import { z } from 'zod';
import {
  type Choice,
  type Form,
  type FormInput,
  type FormValues,
  literal,
  type MarkupText,
  markup,
} from '../../chat/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { Refusal } from './context.ts';

export const questionKinds = ['scale', 'text', 'reach-out'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const QuestionSchema = z.object({
  id: z.string().regex(/^q\d{1,2}$/),
  kind: z.enum(questionKinds),
  text: z.string().min(1).max(150),
});
export type Question = z.infer<typeof QuestionSchema>;
export const QuestionsSchema = z.array(QuestionSchema).min(1).max(6);

/** Worded, lowest first: 1 is "in a hard place", which starts the private safety reply. */
export const scaleWords = ['in a hard place', 'struggling', 'getting by', 'doing well', 'thriving'] as const;
export const HARD_PLACE = 1;

export const scalePoints = [1, 2, 3, 4, 5] as const;
export type ScalePoint = (typeof scalePoints)[number];
export const isScalePoint = (value: string): boolean => scalePoints.some((p) => String(p) === value);

/** A scale point's words in the reader's language ("me está costando"), or the value as given. */
export function scaleWordIn(value: string, t: Translate): MarkupText {
  const point = scalePoints.find((p) => String(p) === value);
  return point ? t(`checkins.scale.${point}`) : markup`${literal(value)}`;
}

export const audiences = ['team', 'anonymous', 'supervisor'] as const;
export type Audience = (typeof audiences)[number];
/** What an answer whose audience was left empty gets: the most private choice, never the team. */
export const MOST_PRIVATE: Audience = 'supervisor';

export const supportCircleName = 'Support circle';
export const supportCircle: readonly Question[] = [
  { id: 'q1', kind: 'scale', text: 'How are you arriving?' },
  { id: 'q2', kind: 'text', text: 'One thing that went well' },
  { id: 'q3', kind: 'text', text: 'What is weighing on you?' },
  { id: 'q4', kind: 'reach-out', text: 'Would you like a peer to reach out?' },
];

/** Each free-text answer; long enough for a real answer, short enough for a digest. */
export const MAX_ANSWER_LENGTH = 1500;

export function parseStoredQuestions(json: unknown): Question[] {
  const parsed = QuestionsSchema.safeParse(json);
  return parsed.success ? parsed.data : [...supportCircle];
}

/** Setup form text, one question a line: `scale: …`, `yes/no: …` (the reach-out question) or plain text. */
export function questionsToText(questions: readonly Question[]): string {
  return questions
    .map((q) =>
      q.kind === 'scale' ? `scale: ${q.text}` : q.kind === 'reach-out' ? `yes/no: ${q.text}` : q.text,
    )
    .join('\n');
}

export function questionsFromText(
  text: string,
): { ok: true; value: Question[] } | { ok: false; reason: Refusal } {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { ok: false, reason: (t) => t('checkins.setup.noQuestions') };
  if (lines.length > 6)
    return { ok: false, reason: (t) => t('checkins.setup.tooManyQuestions', { count: lines.length }) };
  const questions: Question[] = [];
  for (const [index, line] of lines.entries()) {
    const match = /^(scale|yes\/no)\s*:\s*(.*)$/i.exec(line);
    const kind: QuestionKind = !match ? 'text' : match[1]?.toLowerCase() === 'scale' ? 'scale' : 'reach-out';
    const words = (match ? (match[2] ?? '') : line).trim();
    const number = index + 1;
    if (words === '') return { ok: false, reason: (t) => t('checkins.setup.kindNoWords', { number }) };
    if (words.length > 150)
      return {
        ok: false,
        reason: (t) => t('checkins.setup.questionTooLong', { number, length: words.length }),
      };
    questions.push({ id: `q${index + 1}`, kind, text: words });
  }
  if (questions.filter((q) => q.kind === 'scale').length > 1)
    return { ok: false, reason: (t) => t('checkins.setup.oneScale') };
  if (questions.filter((q) => q.kind === 'reach-out').length > 1)
    return { ok: false, reason: (t) => t('checkins.setup.oneYesNo') };
  return { ok: true, value: questions };
}

// Lowest first and labelled with the words only: a renderer that numbers its list (the shell,
// Discord's typed lists) then numbers it as the scale does, 1 "in a hard place" to 5
// "thriving", and the words as printed are what a person can type. A label carrying its own
// number, listed best first, read "[1] 5 · thriving": typing 1 saved the opposite answer.
const scaleChoicesIn = (t: Translate): Choice[] =>
  scalePoints.map((point) => ({ label: t(`checkins.scale.${point}`), value: String(point) }));
const audienceChoices = (hasSupervisor: boolean, t: Translate): Choice[] =>
  audiences.map((a) => ({
    label: a === 'supervisor' && !hasSupervisor ? t('checkins.form.supervisorNone') : t(`checkins.form.${a}`),
    value: a,
  }));
const reachOutChoices = (t: Translate): Choice[] => [
  { label: t('checkins.form.yes'), value: 'yes' },
  { label: t('checkins.form.no'), value: 'no' },
];

/**
 * A question as the reader sees it: the built-in support circle questions in their language; a
 * question the team wrote stays in the team's words.
 */
export function questionText(question: Pick<Question, 'id' | 'text'>, t: Translate = english): string {
  const builtIn = supportCircle.find((q) => q.id === question.id && q.text === question.text);
  // Form labels are plain text: the team's own words go in as typed.
  return builtIn ? t(`checkins.defaultQuestions.${builtIn.id as 'q1' | 'q2' | 'q3' | 'q4'}`) : question.text;
}

export const audienceInputId = (question: Question) => `${question.id}-who`;

/** `hasSupervisor`: whether "Only my supervisor" reaches anyone, so the choice can say when it does not. */
export function answerForm(
  roundId: string,
  name: string,
  questions: readonly Question[],
  hasSupervisor = true,
  t: Translate = english,
): Form {
  const inputs: FormInput[] = [];
  for (const q of questions) {
    const label = questionText(q, t);
    if (q.kind === 'scale')
      inputs.push({ id: q.id, type: 'select', label, choices: scaleChoicesIn(t), optional: true });
    if (q.kind === 'text')
      inputs.push({
        id: q.id,
        type: 'text',
        label,
        multiline: true,
        optional: true,
        maxLength: MAX_ANSWER_LENGTH,
      });
    if (q.kind === 'reach-out') {
      inputs.push({
        id: q.id,
        type: 'select',
        label,
        choices: reachOutChoices(t),
        optional: true,
        hint: t('checkins.form.reachOutHint'),
      });
      continue;
    }
    inputs.push({
      id: audienceInputId(q),
      type: 'select',
      label: t('checkins.form.who'),
      choices: audienceChoices(hasSupervisor, t),
      optional: true,
      hint: t('checkins.form.whoHint'),
    });
  }
  return {
    formId: 'checkins:answer',
    title: name.slice(0, 24),
    submitLabel: t('checkins.form.submit'),
    context: roundId,
    intro: t('checkins.form.intro'),
    inputs,
  };
}

export interface AnswerItem {
  readonly questionId: string;
  readonly question: string;
  readonly kind: QuestionKind;
  readonly value: string;
  readonly audience: Audience;
}

export type ParsedAnswer =
  | { ok: true; items: AnswerItem[]; mood?: number; wantsReachOut: boolean; leftEmpty: number }
  | { ok: false; reason: Refusal };

const single = (value: FormValues[string]): string | undefined => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' && one.trim() !== '' ? one.trim() : undefined;
};

/** A question inside a sentence: the reader's words for a built-in one, the team's own as written. */
const asked = (q: Question, t: Translate) => literal(questionText(q, t));

/** Parses a submitted answer form against the round's questions; a refusal is a sentence. */
export function parseAnswer(questions: readonly Question[], values: FormValues): ParsedAnswer {
  const items: AnswerItem[] = [];
  let mood: number | undefined;
  let wantsReachOut = false;
  let leftEmpty = 0;
  for (const q of questions) {
    const value = single(values[q.id]);
    if (value === undefined) continue;
    if (q.kind === 'reach-out') {
      if (value !== 'yes' && value !== 'no')
        return { ok: false, reason: (t) => t('checkins.refusal.reachOutChoice', { question: asked(q, t) }) };
      wantsReachOut = value === 'yes';
      continue;
    }
    const chosen = single(values[audienceInputId(q)]);
    if (chosen === undefined) leftEmpty += 1;
    const audience = z.enum(audiences).safeParse(chosen ?? MOST_PRIVATE);
    if (!audience.success)
      return {
        ok: false,
        reason: (t) => t('checkins.refusal.audience', { question: asked(q, t) }),
      };
    if (q.kind === 'scale') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 5)
        return { ok: false, reason: (t) => t('checkins.refusal.scaleChoice', { question: asked(q, t) }) };
      mood = n;
      items.push({
        questionId: q.id,
        question: q.text,
        kind: q.kind,
        value: String(n),
        audience: audience.data,
      });
      continue;
    }
    if (value.length > MAX_ANSWER_LENGTH)
      return {
        ok: false,
        reason: (t) =>
          t('checkins.refusal.tooLong', {
            question: asked(q, t),
            length: value.length,
            max: MAX_ANSWER_LENGTH,
          }),
      };
    items.push({ questionId: q.id, question: q.text, kind: q.kind, value, audience: audience.data });
  }
  if (items.length === 0 && !wantsReachOut)
    return {
      ok: false,
      reason: (t) => t('checkins.refusal.empty'),
    };
  return { ok: true, items, ...(mood === undefined ? {} : { mood }), wantsReachOut, leftEmpty };
}

export const AnswerItemsSchema = z.array(
  z.object({
    questionId: z.string(),
    question: z.string(),
    kind: z.enum(questionKinds),
    value: z.string(),
    audience: z.enum(audiences),
  }),
);
