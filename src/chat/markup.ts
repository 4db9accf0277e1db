// The neutral markup of views.ts: **bold**, _italic_, `code` and [label](url). Parsed once here so
// each renderer only decides how a piece looks on its platform. No nesting: markup inside
// a link label or bold run stays literal, which keeps member-written text predictable.
//
// A backslash before one of \ * _ ` [ ] ( ) makes that character literal. Features never write
// those escapes by hand: text a person wrote (a team name, a display name, a platform's error)
// goes through `literal()`, or into a `markup` template, so a team called
// `[click](https://evil.example)` stays those characters on every renderer instead of becoming
// a link in the bot's voice.

export type MarkupPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bold'; readonly text: string }
  | { readonly kind: 'italic'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly label: string; readonly url: string };

const markupPattern =
  /\\([\\*_`[\]()])|`([^`\n]+)`|\*\*([^*\n]+?)\*\*|\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:|tel:)[^\s)]+)\)|(?<![\p{L}\p{N}_\\])_([^_\n\s](?:[^_\n]*[^_\n\s])?)_(?![\p{L}\p{N}_])/gu;

const escapable = /[\\*_`[\]()]/g;
/** Escapes inside a run (bold, italic, code, link label) are read back, never shown. */
const readEscapes = (text: string): string => text.replace(/\\([\\*_`[\]()])/g, '$1');

export function parseMarkup(text: string): MarkupPiece[] {
  const pieces: MarkupPiece[] = [];
  let last = 0;
  const pushText = (value: string) => {
    const previous = pieces.at(-1);
    if (previous?.kind === 'text') pieces[pieces.length - 1] = { kind: 'text', text: previous.text + value };
    else pieces.push({ kind: 'text', text: value });
  };
  for (const match of text.matchAll(markupPattern)) {
    const start = match.index;
    if (start > last) pushText(text.slice(last, start));
    const [whole, escaped, code, bold, label, url, italic] = match;
    if (escaped !== undefined) pushText(escaped);
    else if (code !== undefined) pieces.push({ kind: 'code', text: code });
    else if (bold !== undefined) pieces.push({ kind: 'bold', text: readEscapes(bold) });
    else if (label !== undefined && url !== undefined)
      pieces.push({ kind: 'link', label: readEscapes(label), url });
    else if (italic !== undefined) pieces.push({ kind: 'italic', text: readEscapes(italic) });
    last = start + whole.length;
  }
  if (last < text.length) pushText(text.slice(last));
  return pieces;
}

/** Markup removed: for plain-text places (titles, labels, button text, notifications). */
export function toPlainText(text: string): string {
  return parseMarkup(text)
    .map((piece) => (piece.kind === 'link' ? piece.label : piece.text))
    .join('');
}

declare const literalBrand: unique symbol;
/** Text a person wrote, escaped so the neutral markup shows it character for character. */
export type LiteralText = string & { readonly [literalBrand]: true };

declare const markupBrand: unique symbol;
/** Markup the bot wrote, with every person-written value inside it escaped. */
export type MarkupText = string & { readonly [markupBrand]: true };

/** A person's words, made literal: `**`, `_`, `` ` `` and `[..](..)` in them stay as typed. */
export function literal(text: string): LiteralText {
  return text.replace(escapable, '\\$&') as LiteralText;
}

/**
 * A template for view text that mixes the bot's markup with values: every interpolated value
 * must already be `literal(...)`, a number, or other `markup` text. A plain string does not
 * type-check, so the difference between "ours" and "theirs" is visible where the text is built.
 */
export function markup(
  strings: TemplateStringsArray,
  ...values: readonly (LiteralText | MarkupText | number)[]
): MarkupText {
  return strings.reduce(
    (out, part, i) => out + part + (i < values.length ? String(values[i]) : ''),
    '',
  ) as MarkupText;
}
