// The platform's own words around an answer (Slack's "Not now" on a modal and "(continued)" on a
// long reply, a Mattermost dialog's "Part 1 of 2") follow the reader's language like the rest:
// the router stamps each view and form with the reader's locale before an adapter renders it,
// so features never think about it and adapters need no database.
import type { Translate } from '../i18n/index.ts';
import type { Reply } from './outbound.ts';
import type { Form, View } from './views.ts';

/** `reply`, with every view and form it sends stamped with the reader's locale (looked up once). */
export function readerReply(reply: Reply, reader: () => Promise<Translate>): Reply {
  let locale: Promise<string> | undefined;
  const localeOf = (): Promise<string> => {
    locale ??= reader().then((t) => t.locale);
    return locale;
  };
  const stamp = async <T extends View | Form>(shown: T): Promise<T> =>
    shown.locale === undefined ? { ...shown, locale: await localeOf() } : shown;
  return {
    privately: async (view) => reply.privately(await stamp(view)),
    publicly: async (view) => reply.publicly(await stamp(view)),
    openForm: async (form) => reply.openForm(await stamp(form)),
    updateSource: async (view) => reply.updateSource(await stamp(view)),
  };
}
