import type { Catalog } from '../../catalog-types.ts';

export const checkins: Catalog['checkins'] = {
  scale: {
    1: 'en un momento muy difícil',
    2: 'me está costando',
    3: 'voy tirando',
    4: 'me va bien',
    5: 'me va muy bien',
  },
  defaultQuestions: {
    q1: '¿Cómo llegas hoy?',
    q2: 'Algo que salió bien',
    q3: '¿Qué te está pesando?',
    q4: '¿Te gustaría que alguien del equipo se comunique contigo?',
  },
  note: {
    summary: '{{name}}: hay un registro abierto',
    header: '{{name}} está abierto',
    text: 'Les envié un mensaje privado a cada persona. Respondan cuando les venga bien, hasta {{until}}, y elijan quién ve cada respuesta. Saltarlo siempre está bien.',
  },
  prompt: {
    summary: '{{name}}: ¿cómo llegas hoy?',
    open: '**{{name}}** de {{team}} está abierto hasta {{until}}.',
    private: 'Responde lo que quieras, en privado; en cada respuesta eliges quién la ve.',
    answer: 'Responder',
    skip: 'Saltar esta vez',
    snooze: 'Recuérdamelo en una hora',
    footer:
      '¿Vas a estar fuera un tiempo? `/peer checkin pause until:2026-12-24`. ¿Prefieres no recibirlos? `/peer checkin optout`.',
  },
  form: {
    submit: 'Compartir',
    intro: 'Responde lo que quieras y deja el resto. En cada respuesta eliges quién la ve.',
    who: '¿Quién ve esta respuesta?',
    whoHint: 'Si lo dejas vacío: solo quien te supervisa, la opción más privada.',
    team: 'El equipo',
    anonymous: 'El equipo, sin mi nombre',
    supervisor: 'Solo quien me supervisa',
    supervisorNone: 'Solo quien me supervisa (aún no tienes a nadie asignado: nadie lo lee)',
    yes: 'Sí, por favor',
    no: 'Esta vez no',
    reachOutHint: 'Privado: solo sirve para buscar a alguien del equipo.',
  },
  skipped: 'Lo saltamos, no pasa nada. Cuídate.',
  snoozed: 'De acuerdo, te lo recuerdo en más o menos una hora.',
  thanks: {
    thanked: 'Gracias por compartir cómo estás.',
    replaced: 'Tu nueva respuesta reemplaza la que diste antes en esta ronda.',
    namedLive_one: 'Una respuesta fue al canal del equipo con tu nombre.',
    namedLive_other: '{{count}} respuestas fueron al canal del equipo con tu nombre.',
    namedAtClose_one: 'Una respuesta se mostrará al equipo con tu nombre cuando cierre {{name}}.',
    namedAtClose_other: '{{count}} respuestas se mostrarán al equipo con tu nombre cuando cierre {{name}}.',
    anonymous_one:
      'Una respuesta sin tu nombre estará en el resumen de {{name}} cuando cierre, y solo si participan al menos {{minGroup}} personas; si no, nadie la ve.',
    anonymous_other:
      '{{count}} respuestas sin tu nombre estarán en el resumen de {{name}} cuando cierre, y solo si participan al menos {{minGroup}} personas; si no, nadie las ve.',
    leftEmpty_one:
      'Dejaste vacío "¿Quién ve esta respuesta?" en una respuesta, así que la guardé solo para quien te supervisa, la opción más privada.',
    leftEmpty_other:
      'Dejaste vacío "¿Quién ve esta respuesta?" en {{count}} respuestas, así que las guardé solo para quien te supervisa, la opción más privada.',
    supervisorTold:
      '{{supervisor}} recibe un aviso de que hay algo para su lectura; solo esa persona puede leerlo.',
    noSupervisor:
      'Todavía no tienes a nadie que te supervise, así que nadie leerá lo que guardaste para esa persona. Si quieres que alguien lo lea, responde de nuevo y elige el equipo o el equipo sin tu nombre. Una persona administradora del equipo puede asignarte supervisión.',
    answerAgain: 'Responder de nuevo',
    nothingToTeam: 'Nada de esto llega al equipo.',
  },
  hardPlace: {
    summary: 'No tienes que cargarlo en soledad',
    thanks: 'Gracias por decir que estás en un momento muy difícil. No tienes que cargarlo en soledad.',
    fromPlan: '**De tu propio plan de bienestar**',
    onlyYou:
      'Solo tú ves esto. Si pediste que alguien del equipo se comunique contigo, ya estoy buscando a alguien.',
  },
};
