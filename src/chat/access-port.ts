// How the router asks the access policy (src/access) without knowing it: app.ts passes the
// port in RouterDeps. Commands declare a verb (defineCommand's `verb`); actions and forms name
// theirs through the features' `verbs` maps. Chat never imports src/access or a feature.
import type { MessageKey } from '../i18n/catalog-types.ts';
import type { Actor, Place } from './events.ts';

/** A refusal of the access policy: a catalog entry (`chat.access.*`), said in the reader's language. */
export type AccessRefusal = Extract<MessageKey, `chat.access.${string}`>;

export type AccessDecision =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** What the person is told, in their language: `t(decision.refusal)`. */
      readonly refusal: AccessRefusal;
      /** The same in English, for logs and tests. */
      readonly reason: string;
    };

export interface AccessPort {
  /**
   * Asked before any handler runs. A command is checked against its place (the channel's team;
   * a direct message has none). An action or form whose verb is about a row (a flag, an entry)
   * passes here and its handler asks again with the row.
   */
  decide(
    actor: Actor,
    place: Place,
    verb: string,
    kind: 'command' | 'action' | 'form',
  ): Promise<AccessDecision>;
  /** For `/peer help`: which of these verbs this person may use here. */
  allowedHere(actor: Actor, place: Place, verbs: readonly string[]): Promise<ReadonlySet<string>>;
}
