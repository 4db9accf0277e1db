// The category taxonomy (kept as an HSDS taxonomy on export) and the words that mean someone
// may be in crisis: for those, the region's crisis lines always come first.

export const categories = [
  'crisis-line',
  'referral-service',
  'peer-support-organisation',
  'training-guidance',
  'self-care',
  'local-service',
] as const;

export type Category = (typeof categories)[number];

export const categoryLabels: Readonly<Record<Category, string>> = {
  'crisis-line': 'Crisis line',
  'referral-service': 'Referral service',
  'peer-support-organisation': 'Peer-support organisation',
  'training-guidance': 'Training and guidance',
  'self-care': 'Self-care tool',
  'local-service': 'Local service',
};

/** The HSDS taxonomy PeerBridge's categories belong to, and the one for free tags. */
export const CATEGORY_TAXONOMY = 'peerbridge-category';
export const TAG_TAXONOMY = 'peerbridge-tag';

/** Friendly spellings people type or spreadsheets hold, to the category they mean. */
const aliases: Readonly<Record<string, Category>> = {
  crisis: 'crisis-line',
  'crisis line': 'crisis-line',
  hotline: 'crisis-line',
  referral: 'referral-service',
  'referral service': 'referral-service',
  'peer support organisation': 'peer-support-organisation',
  'peer support organization': 'peer-support-organisation',
  'peer-support-organization': 'peer-support-organisation',
  training: 'training-guidance',
  guidance: 'training-guidance',
  'training and guidance': 'training-guidance',
  'self care': 'self-care',
  'self-care tool': 'self-care',
  'self care tool': 'self-care',
  local: 'local-service',
  'local service': 'local-service',
};

export function toCategory(text: string): Category | undefined {
  const key = text.trim().toLowerCase().replace(/_/g, '-');
  if ((categories as readonly string[]).includes(key)) return key as Category;
  return aliases[key] ?? aliases[key.replace(/-/g, ' ')];
}

// Words that say someone may be in danger now, in English and Spanish. Matched on whole words
// of the query, after folding accents and case, so "suicidal", "Self-harm" and "autolesión" count.
const crisisWords = new Set([
  'crisis',
  'suicide',
  'suicidal',
  'overdose',
  'overdosing',
  'od',
  'selfharm',
  'self-harm',
  'harm',
  'kill',
  'emergency',
  'urgent',
  'hotline',
  'danger',
  '988',
  // Spanish, folded the same way (no accents): a Spanish speaker in danger gets the lines first.
  'suicidio',
  'suicida',
  'suicidarme',
  'matarme',
  'autolesion',
  'autolesiones',
  'lastimarme',
  'sobredosis',
  'emergencia',
  'urgente',
  'urgencia',
  'peligro',
]);

export function soundsLikeCrisis(words: string, category?: Category): boolean {
  if (category === 'crisis-line') return true;
  const folded = words.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (/\bself[\s-]?harm/.test(folded)) return true;
  return folded.split(/[^a-z0-9-]+/).some((word) => crisisWords.has(word));
}
