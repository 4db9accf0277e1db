// The neutral markup of views.ts: **bold**, _italic_, `code` and [label](url). Parsed once here so
// each renderer only decides how a piece looks on its platform. No nesting: markup inside
// a link label or bold run stays literal, which keeps member-written text predictable.

export type MarkupPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bold'; readonly text: string }
  | { readonly kind: 'italic'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly label: string; readonly url: string };

const markupPattern =
  /`([^`\n]+)`|\*\*([^*\n]+?)\*\*|\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:|tel:)[^\s)]+)\)|(?<![\p{L}\p{N}_])_([^_\n\s](?:[^_\n]*[^_\n\s])?)_(?![\p{L}\p{N}_])/gu;

export function parseMarkup(text: string): MarkupPiece[] {
  const pieces: MarkupPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(markupPattern)) {
    const start = match.index;
    if (start > last) pieces.push({ kind: 'text', text: text.slice(last, start) });
    const [whole, code, bold, label, url, italic] = match;
    if (code !== undefined) pieces.push({ kind: 'code', text: code });
    else if (bold !== undefined) pieces.push({ kind: 'bold', text: bold });
    else if (label !== undefined && url !== undefined) pieces.push({ kind: 'link', label, url });
    else if (italic !== undefined) pieces.push({ kind: 'italic', text: italic });
    last = start + whole.length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Markup removed: for plain-text places (titles, labels, button text, notifications). */
export function toPlainText(text: string): string {
  return parseMarkup(text)
    .map((piece) => (piece.kind === 'link' ? piece.label : piece.text))
    .join('');
}
