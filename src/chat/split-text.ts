// Splitting and shortening text to fit a platform limit without breaking words, links or
// escapes when it can be helped.

/** Shown wherever something was cut to fit, so nobody mistakes a part for the whole. */
/** In English; a renderer that knows its reader's language says `t('chat.forms.more')`. */
export const moreMarker = '…and more that did not fit here.';

export interface SplitOptions {
  /** Spans (a link, an escape) that must not be cut through, unless one alone is too long. */
  readonly protect?: RegExp;
}

const separators = ['\n\n', '\n', '. ', ' '] as const;

export function splitText(text: string, max: number, options: SplitOptions = {}): string[] {
  if (max < 1) throw new Error(`splitText needs a positive limit, got ${max}`);
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const spans = protectedSpans(rest, options.protect);
    const cut = findCut(rest, max, spans);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (chunks.length === 0) return [rest];
  const last = rest.trimEnd();
  if (last.length > 0) chunks.push(last);
  return chunks;
}

/** Shortens to at most `max` characters, ending with `marker` when anything was cut. */
export function truncateText(text: string, max: number, marker = '…'): string {
  if (text.length <= max) return text;
  if (max <= marker.length) return marker.slice(0, max);
  let end = safeIndex(text, max - marker.length);
  const space = text.lastIndexOf(' ', end);
  if (space > end * 0.8) end = space;
  return `${text.slice(0, end).trimEnd()}${marker}`;
}

type Span = readonly [start: number, end: number];

function protectedSpans(text: string, protect: RegExp | undefined): Span[] {
  if (!protect) return [];
  const global = protect.global ? protect : new RegExp(protect.source, `${protect.flags}g`);
  return [...text.matchAll(global)].map((m) => [m.index, m.index + m[0].length] as const);
}

function insideSpan(index: number, spans: readonly Span[]): Span | undefined {
  return spans.find(([start, end]) => start < index && index < end);
}

function findCut(text: string, max: number, spans: readonly Span[]): number {
  // Below this a chunk would be so short that cutting mid-sentence reads better.
  const shortest = Math.floor(max * 0.3);
  for (const separator of separators) {
    let from = max - separator.length;
    while (from >= shortest) {
      const at = text.lastIndexOf(separator, from);
      if (at < shortest) break;
      const cut = at + separator.length;
      if (cut <= max && !insideSpan(cut, spans) && !insideSpan(at, spans)) return cut;
      from = at - 1;
    }
  }
  const hard = safeIndex(text, max);
  const span = insideSpan(hard, spans);
  if (span && span[0] > 0) return span[0];
  return hard;
}

/** Never cut between the two halves of a surrogate pair (an emoji would turn into garbage). */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}
