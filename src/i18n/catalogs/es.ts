// El catálogo en español. Sigue docs/i18n/glossary.md: tú (no usted), lenguaje neutro en género
// ("Te damos la bienvenida", "la persona que te supervisa"), cálido y sencillo. Same keys as
// en.ts: `Catalog` makes a missing or extra key a compile error.
import type { Catalog } from '../catalog-types.ts';

export const es: Catalog = {
  language: {
    names: { en: 'inglés (English)', es: 'español' },
    set: 'A partir de ahora te escribo en {{language}}.',
    auto: 'Seguiré el idioma de tu plataforma, o el de tu equipo si la plataforma no lo indica. Ahora mismo es {{language}}.',
    teamSet:
      'Las publicaciones de este canal, y los mensajes a quienes no eligieron idioma, ahora están en {{language}}.',
  },
  crisis: {
    header: 'Líneas de crisis para {{region}}',
    none: 'Todavía no tengo líneas de crisis para esta región.',
    danger: 'Si tú u otra persona están en peligro inmediato, llama al número de emergencias de tu zona.',
    dangerShort: 'En peligro inmediato: llama al número de emergencias de tu zona.',
    sendToMe: 'Enviármelo',
    shareInChannel: 'Compartir en el canal',
    pointer:
      'Si se vuelve más pesado, `/peer find category:crisis-line` te muestra las líneas de crisis de tu región, en cualquier momento.',
    intro: '**Si necesitas a alguien ahora mismo**, estas líneas están para ti:',
    talkNow: '**Si quieres hablar con alguien ahora**',
    localEmergency: 'Si estás en peligro, llama al número de emergencias de tu zona.',
    resultsSummary_one: '{{count}} recurso para “{{words}}”',
    resultsSummary_other: '{{count}} recursos para “{{words}}”',
  },
  resource: {
    call: 'Llama al {{value}}',
    text: 'Envía un mensaje de texto al {{value}}',
    chat: 'Chat',
    email: 'Correo: {{value}}',
    international: 'Internacional',
    checked: 'revisado el {{date}}',
    crisisLine: 'Línea de crisis',
  },
  checkins: {
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
  },
  flags: {
    levels: {
      noting: 'Solo lo anoto',
      weighing: 'Me está pesando',
      struggling: 'Me está costando mucho',
      'talk-now': 'Necesito hablar ahora',
    },
    wishes: {
      'talk-now': 'Hablar ahora',
      'talk-today': 'Hablar hoy',
      'next-supervision': 'Hablar en mi próxima supervisión',
      'just-noting': 'Solo quiero dejarlo anotado',
    },
    form: {
      title: 'Avisar en privado',
      submit: 'Enviar en privado',
      level: '¿Qué tan fuerte es?',
      wish: '¿Qué te ayudaría?',
      note: 'Algo que quieras que sepa (opcional)',
      noteHint: 'Hasta 2000 caracteres. Solo lo leen las personas indicadas arriba.',
    },
    who: {
      nobody:
        'Todavía no tienes a nadie que te supervise, así que nadie leerá esta nota. Aun así te mostraré algunos pasos que pueden ayudarte, y avisaré a una persona administradora de que quieres que te asignen supervisión (sin contarle nada de este aviso).',
      backup: '{{name}} (tu supervisión suplente)',
      admins: 'las personas administradoras del equipo que también supervisan ({{names}})',
      escalates:
        ' Si nadie lo ha visto en {{after}} ({{urgent}} cuando necesitas hablar ahora), pasa a {{later}}.',
      thenJoin: ', y luego a ',
      first:
        '**Quién lo verá:** solo {{name}} ({{role}}), por mensaje directo.{{escalation}} Nunca se publica en ningún canal.',
      supervisor: 'quien te supervisa',
      backupSupervisor: 'tu supervisión suplente',
    },
    minutes_one: '{{count}} minuto',
    minutes_other: '{{count}} minutos',
    hours_one: '{{count}} hora',
    hours_other: '{{count}} horas',
    after: {
      sentTo:
        'Gracias por decirlo. Tu aviso llegó en privado a **{{name}}**. Te contaré aquí cuando lo haya visto.',
      thanks: 'Gracias por decirlo.',
      noSupervisorAdmins:
        'Gracias por decirlo. Todavía no tienes a nadie que te supervise, así que lo guardé solo para ti: nadie más puede leerlo. {{admins}} pueden asignarte supervisión; ya se lo pedí (sin mencionar este aviso).',
      noSupervisorNoAdmins:
        'Gracias por decirlo. Todavía no tienes a nadie que te supervise, así que lo guardé solo para ti: nadie más puede leerlo. Una persona administradora del equipo puede asignarte supervisión en el canal del equipo.',
      fromPlan: '**De tu propio plan, lo que te ayuda:**',
      grounding:
        '**Un minuto para ti, si quieres:** fíjate en 5 cosas que puedes ver, 4 que puedes tocar, 3 que puedes oír, 2 que puedes oler y 1 que puedes saborear. Suelta el aire un poco más despacio de lo que lo tomas.',
      nobodyElse:
        'Nadie más puede ver este aviso. `/peer flags` te muestra tus avisos y quién ha visto cada uno.',
      summarySent: 'Tu aviso llegó en privado a {{name}}',
      summarySaved: 'Tu aviso está guardado en privado',
    },
  },
};
