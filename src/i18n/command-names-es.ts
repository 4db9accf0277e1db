// Spanish names and descriptions of the main commands, for Discord's `name_localizations` and
// `description_localizations` (es-ES and es-419). Each entry names the English description it
// translates: when the English changes, the stale translation is left out (Discord then shows
// the English) and test/adapters/discord/command-localizations.test.ts says which one.
// Interactions always carry the English names, so nothing else changes when one is added here.

export interface CommandTranslation {
  /** The English description this translates (the command table's). */
  readonly en: string;
  /** Discord: lowercase letters, digits, `-` and `_`, at most 32 characters. */
  readonly name: string;
  /** At most 100 characters. */
  readonly description: string;
}

/** By command path: '' is `/peer` itself, `checkin now` a subcommand of a group. */
export const spanishCommands: Readonly<Record<string, CommandTranslation>> = {
  '': {
    en: 'PeerBridge: check-ins, support and supervision for your peer team',
    name: 'peer',
    description: 'PeerBridge: registros de ánimo, apoyo y supervisión para tu equipo de pares',
  },
  setup: {
    en: 'Make this channel a peer team (or change its time zone, region or language)',
    name: 'configurar',
    description: 'Convierte este canal en un equipo de pares (o cambia su zona horaria, región o idioma)',
  },
  language: {
    en: 'Choose the language I write to you in (es, en or auto)',
    name: 'idioma',
    description: 'Elige el idioma en que te escribo (es, en o auto)',
  },
  flag: {
    en: 'Tell your supervisor privately that a session weighed on you',
    name: 'avisar',
    description: 'Cuéntale en privado a quien te supervisa que una sesión te pesó',
  },
  flags: {
    en: 'See open flags of the people you supervise, or your own',
    name: 'avisos',
    description: 'Mira los avisos abiertos de las personas que supervisas, o los tuyos',
  },
  find: {
    en: 'Find crisis lines, referral services, trainings and self-care material',
    name: 'buscar',
    description: 'Busca líneas de crisis, servicios de derivación, formaciones y material de autocuidado',
  },
  help: { en: 'See what I can help with', name: 'ayuda', description: 'Mira en qué te puedo ayudar' },
  checkin: {
    en: 'Team check-ins: set up, answer, pause, history',
    name: 'registro',
    description: 'Registros de ánimo del equipo: configurar, responder, pausar, historial',
  },
  'checkin now': {
    en: 'Open a check-in round right now (admins, supervisors)',
    name: 'ahora',
    description: 'Abre una ronda de registro ahora mismo (administración, supervisión)',
  },
  'checkin pause': {
    en: 'Take a break from check-ins until a date (leave, vacation)',
    name: 'pausar',
    description: 'Tómate un descanso de los registros hasta una fecha (licencia, vacaciones)',
  },
  'checkin resume': {
    en: 'Come back to check-ins before your pause ends',
    name: 'reanudar',
    description: 'Vuelve a los registros antes de que termine tu pausa',
  },
  'checkin optout': {
    en: 'Stop getting check-ins',
    name: 'no-recibir',
    description: 'Deja de recibir registros',
  },
  'checkin optin': { en: 'Get check-ins again', name: 'recibir', description: 'Vuelve a recibir registros' },
  'checkin history': {
    en: 'See your own answers over time (only you)',
    name: 'historial',
    description: 'Mira tus propias respuestas a lo largo del tiempo (solo tú)',
  },
};

/** Options by command path and option name. */
export const spanishOptions: Readonly<Record<string, Readonly<Record<string, CommandTranslation>>>> = {
  setup: {
    language: {
      en: 'The team language for channel posts: en or es',
      name: 'idioma',
      description: 'El idioma del equipo para las publicaciones del canal: en o es',
    },
  },
  language: {
    choice: { en: 'es, en or auto', name: 'opcion', description: 'es, en o auto' },
  },
  find: {
    words: { en: 'What you are looking for', name: 'palabras', description: 'Lo que buscas' },
    category: {
      en: 'Only this kind of resource',
      name: 'categoria',
      description: 'Solo este tipo de recurso',
    },
  },
};

/**
 * Spanish names of choices, shown on Discord and accepted when typed (Slack, the shell):
 * `categoria:linea-de-crisis` means `category:crisis-line`. The value stays the English one.
 */
export const spanishChoices: Readonly<Record<string, string>> = {
  'crisis-line': 'linea-de-crisis',
  'referral-service': 'servicio-de-derivacion',
  'self-care': 'autocuidado',
  auto: 'automatico',
  en: 'ingles',
  es: 'espanol',
};

/** A choice as typed: lower case, accents folded (`línea-de-crisis` is `linea-de-crisis`). */
export const foldChoice = (typed: string): string =>
  typed.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
