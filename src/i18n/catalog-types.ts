// Types read from the English catalog: the keys (dotted paths, plural suffixes folded into one
// key), and for each key the names of its `{{values}}`. A misspelled key, a missing value or a
// value that is a plain string are compile errors (test/types/i18n-keys.test-d.ts).
import type { LiteralText, MarkupText } from '../chat/markup.ts';
import type { en } from './catalogs/en.ts';

type English = typeof en;

/** Every catalog has the English shape, with its own words. */
export type Catalog = Widen<English>;
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Unplural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

type Paths<T> = {
  [K in keyof T & (string | number)]: T[K] extends string ? `${K}` : `${K}.${Paths<T[K]>}`;
}[keyof T & (string | number)];

/** A catalog key: `checkins.prompt.answer`, `checkins.thanks.namedLive` (a plural). */
export type MessageKey = Unplural<Paths<English>>;

type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type TextsOf<K extends string> = At<English, K> | At<English, `${K}_one`> | At<English, `${K}_other`>;
type NamesIn<S> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | NamesIn<Rest> : never;
type IsPlural<K extends string> = At<English, `${K}_other`> extends never ? false : true;

/** What may fill a `{{value}}`: text a person wrote (literal), the bot's markup, or a number. */
export type MessageValue = LiteralText | MarkupText | number;

/** The values a key needs: its `{{names}}`, and `count` (a number) for a plural. */
export type MessageValues<K extends MessageKey> = {
  readonly [N in NamesIn<TextsOf<K>> | (IsPlural<K> extends true ? 'count' : never)]: N extends 'count'
    ? number
    : MessageValue;
};

export type ValuesArgument<K extends MessageKey> = [NamesIn<TextsOf<K>>] extends [never]
  ? IsPlural<K> extends true
    ? [values: MessageValues<K>]
    : []
  : [values: MessageValues<K>];
