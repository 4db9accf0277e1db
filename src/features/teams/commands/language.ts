// `/peer language es|en|auto`: the language PeerBridge writes to you in. `auto` follows your
// platform (Slack's language setting, your Discord client, the terminal's LANG), else your team.
import { defineCommand } from '../../../chat/command-table.ts';
import { view } from '../../../chat/views.ts';
import type { TeamsDeps } from '../deps.ts';
import { setMemberLanguage, translatorForActor } from '../language.ts';

export const languageChoices = ['es', 'en', 'auto'] as const;

export function languageCommand({ prisma }: TeamsDeps) {
  return defineCommand({
    name: 'language',
    description: 'Choose the language I write to you in (es, en or auto)',
    help: 'es: Spanish, en: English, auto: follow your platform’s language, else your team’s. Posts in the team channel follow the team’s language (`/peer setup language:es`).',
    who: 'everyone',
    verb: 'self.settings',
    where: 'anywhere',
    options: {
      choice: {
        type: 'choice',
        description: 'es, en or auto',
        choices: languageChoices,
        required: true,
      },
    },
    handler: async ({ actor, place, reply, options }) => {
      await setMemberLanguage(prisma, actor, options.choice);
      // Asked again after the change, so the answer is already in the language it names.
      const t = await translatorForActor(prisma, actor, { channelId: place.channelId });
      const name = t(t.language === 'es' ? 'language.names.es' : 'language.names.en');
      const said =
        options.choice === 'auto'
          ? t('language.auto', { language: name })
          : t('language.set', { language: name });
      await reply.privately(view(said, { type: 'text', text: said }));
    },
  });
}
