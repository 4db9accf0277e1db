import type { Catalog } from '../../catalog-types.ts';

// Sigue docs/i18n/glossary.md. Los roles se nombran sin género: "miembro", "supervisión",
// "administración"; "quien supervisa" para la persona.
export const teams: Catalog['teams'] = {
  roles: { member: 'miembro', supervisor: 'supervisión', admin: 'administración' },
  setUp: {
    created: 'Este canal ahora es el equipo "{{name}}"',
    updated: 'El equipo "{{name}}" está actualizado',
    timeZone: 'Zona horaria',
    crisisRegion: 'Líneas de crisis que aparecen primero para',
    nextSteps:
      'Quedas a cargo de su administración. Próximos pasos, cuando quieras: da el rol de supervisión con `/peer team role`, y empareja a cada miembro con una supervisión principal y una suplente con `/peer team supervisor`.',
    nothingElse: 'No cambió nada más.',
    privacy: 'Cada persona puede ver lo que guardo sobre ella con `/peer privacy`.',
    runHere: 'Usa `/peer setup` en el canal de tu equipo, por favor.',
    otherWorkspace:
      'Este canal ya tiene un equipo de pares, configurado desde otro espacio de trabajo que lo comparte. Un canal tiene un solo equipo: pide a la administración de ese equipo que te agregue, o configura tu equipo en un canal propio.',
    defaultName: 'Equipo de pares',
  },
  role: {
    alreadyHas: '{{name}} ya tiene el rol de {{role}}. No cambió nada.',
    didNotHave: '{{name}} no tenía el rol de {{role}}. No cambió nada.',
    removed: '{{name}} ya no tiene el rol de {{role}} en este equipo.',
    added: '{{name}} ahora tiene el rol de {{role}} en este equipo.',
    handOver_one:
      'Un miembro al que supervisaba necesita otra supervisión: `/peer team show` muestra quién, y `/peer team supervisor` hace el emparejamiento.',
    handOver_other:
      '{{count}} miembros a quienes supervisaba necesitan otra supervisión: `/peer team show` muestra quiénes, y `/peer team supervisor` hace el emparejamiento.',
    together: '{{said}} {{more}}',
    lastAdmin:
      'Eres la única persona en la administración de este equipo. Primero da ese rol a alguien más, para que el equipo nunca quede sin administración.',
  },
  supervisor: {
    primary:
      '{{supervisor}} ahora es la supervisión principal de {{supervisee}}. Los avisos privados de {{supervisee}} llegarán a {{supervisor}}.',
    backup:
      '{{supervisor}} ahora es la supervisión suplente de {{supervisee}}. Los avisos privados de {{supervisee}} llegarán a {{supervisor}} cuando la supervisión principal no haya respondido a tiempo.',
    noAdminSupervisor:
      '{{said}}\n\n**Algo para revisar:** nadie de la administración de este equipo tiene también el rol de supervisión, así que un aviso que nadie responde a tiempo no tiene a quién más llegar. Da el rol de supervisión a alguien de la administración (`/peer team role user:@persona role:supervisor`) para que la cadena siempre termine en una persona.',
    ownSupervisor:
      'Una persona no puede supervisarse a sí misma. Elige a alguien más para acompañarla, por favor.',
    notSupervisorYet:
      '{{name}} todavía no tiene el rol de supervisión en este equipo. Primero dale el rol: `/peer team role user:{{mention}} role:supervisor`.',
    alreadyPrimary:
      '{{supervisor}} ya es la supervisión principal de {{supervisee}}. Elige a otra persona como suplente, para que un aviso siga llegando a alguien cuando una de las dos no esté.',
    alreadyBackup:
      '{{supervisor}} ya es la supervisión suplente de {{supervisee}}. Elige a otra persona como principal, para que un aviso siga llegando a alguien cuando una de las dos no esté.',
  },
  place: {
    notATeam:
      'Este canal todavía no está configurado como equipo. Cualquier persona puede empezar aquí con `/peer setup`, y queda a cargo de su administración.',
    notInTeamChannel: 'Usa esto en el canal del equipo, por favor, así sé de qué equipo hablas.',
  },
  overview: {
    title: 'Equipo "{{name}}"',
    titlePaged: 'Equipo "{{name}}" (página {{page}} de {{pages}})',
    timeZone: 'Zona horaria',
    crisisRegion: 'Región de crisis',
    people: 'Personas',
    escalation: 'Los avisos pasan a la siguiente persona después de',
    primary: 'principal: {{name}}',
    backup: 'suplente: {{name}}',
    buddy: 'compañía de apoyo',
    offRoster: 'ahora no está en el canal',
    person: '• {{name}} ({{roles}})',
    personSupervised: '• {{name}} ({{roles}}) — {{supervisors}}',
    personNoted: '• {{name}} ({{roles}}) · {{notes}}',
    personSupervisedNoted: '• {{name}} ({{roles}}) — {{supervisors}} · {{notes}}',
    nextPage: '`/peer team show page:{{page}}` muestra las siguientes {{size}}.',
  },
  escalation: {
    words: '{{after}} ({{urgent}} para "necesito hablar ahora")',
    saved:
      'Guardado. Desde ahora, un aviso privado que nadie ha visto pasa a la siguiente persona después de {{times}}. Los avisos que ya esperan conservan el tiempo que tenían.',
    current:
      'Un aviso privado que nadie ha visto pasa a la siguiente persona después de {{times}}. Los avisos que ya esperan conservan el tiempo que tenían.',
    needLengths: 'Indica tiempos como `after:4h urgent:15m`, por favor.',
    urgentLonger:
      'Los avisos de "necesito hablar ahora" no deberían esperar más que los demás: urgent es {{urgent}} y after es {{after}}. No cambió nada.',
    unreadableAfter: "'{{value}}' no es un tiempo que pueda leer. Usa uno como 4h, 90m o 1h30m.",
    unreadableUrgent: "'{{value}}' no es un tiempo que pueda leer. Usa uno como 15m, 90m o 1h30m.",
    outOfRange: "tiene que estar entre {{min}} y {{max}}; '{{value}}' son {{given}}.",
    minutes_one: '{{count}} minuto',
    minutes_other: '{{count}} minutos',
    hours_one: '{{count}} hora',
    hours_other: '{{count}} horas',
    hoursMinutes: '{{hours}} h {{minutes}} min',
  },
  settings: {
    timeZoneSet: 'Listo: usaré {{zone}} para tus recordatorios y tus horas de silencio.',
    quietSet:
      'Tus horas de silencio son {{hours}}, en tu propia zona horaria. Guardaré todo lo que no sea urgente hasta que terminen.',
    quietOff:
      'Las horas de silencio están desactivadas. Puedes volver a definirlas cuando quieras con `/peer quiet-hours 21:00-07:00`.',
  },
  checks: {
    region: "'{{value}}' no es un código de región. Usa uno como US, GB o US-TX.",
    mention: "No pude saber quién es '{{value}}'. Menciona a la persona, como @alex, por favor.",
    zoneAbbreviation:
      "'{{value}}' nombra un horario, no un lugar, así que el horario de verano podría no seguir al tuyo; indica la zona de tu lugar, como {{place}}",
    zoneUnknownGuess: "No conozco la zona horaria '{{value}}'. ¿Quisiste decir {{guess}}?",
    zoneUnknown:
      "No conozco la zona horaria '{{value}}'. Prueba una como Europe/Madrid o America/Mexico_City.",
    quietUnreadable:
      "No pude leer '{{value}}' como horas de silencio; escríbelas como inicio-fin en formato de 24 horas, por ejemplo 21:00-07:00, u 'off'",
    quietNotATime:
      "'{{value}}' no es una hora del día; escríbelas como inicio-fin en formato de 24 horas, por ejemplo 21:00-07:00, u 'off'",
    quietSame:
      "las horas de silencio necesitan un inicio y un fin distintos; escribe 'off' para no tener horas de silencio",
  },
  mentions: {
    unclear: "No pude saber quién es '{{value}}'. {{how}}",
    slack: 'Menciona a la persona con @, así Slack indica quién es (aparece como un nombre en azul).',
    discord: 'Menciona a la persona con @ y elígela de la lista que muestra Discord, así indica quién es.',
    shell: 'Escribe su nombre, como alex o @alex.',
    mattermost: 'Menciona a la persona con @ y elígela de la lista que muestra Mattermost.',
  },
  people: {
    platforms: {
      slack: 'Slack',
      discord: 'Discord',
      shell: 'el entorno de prueba',
      mattermost: 'Mattermost',
    },
    cannotCheck:
      'Ahora no puedo comprobar quién es esa persona en {{platform}}, así que no cambié nada. Vuelve a intentarlo en un rato, por favor.',
    noAnswer:
      '{{platform}} no respondió cuando pregunté quién es esa persona, así que no cambié nada. Vuelve a intentarlo en un rato, por favor.',
    notFound: 'No encontré a esa persona en {{platform}} aquí, así que no cambié nada. {{who}}',
    notFoundClosest:
      'No encontré a esa persona en {{platform}} aquí, así que no cambié nada. Los nombres más parecidos que conozco: {{names}}. {{who}}',
    whoSlack: 'Menciona a alguien de este espacio de trabajo, por favor.',
    whoDiscord: 'Menciona a alguien de este servidor, por favor.',
    whoShell: 'Nombra a alguien que ya haya estado aquí (`/as nombre` trae a alguien primero).',
    whoMattermost: 'Menciona a alguien de este equipo, por favor.',
    bot: '{{name}} es un bot o una aplicación, no una persona, así que no cambié nada.',
    deactivated: 'La cuenta de {{name}} está desactivada, así que no cambié nada.',
  },
  privacy: {
    summary: 'Lo que PeerBridge guarda sobre ti',
    header: 'Lo que guardo sobre ti, y quién puede verlo',
    name: 'Tu nombre aquí',
    timeZone: 'Zona horaria',
    teamsZone: 'la del equipo',
    quietHours: 'Horas de silencio',
    none: 'ninguna',
    teams: 'Equipos',
    noTeams: 'ninguno todavía',
    team: '{{name}} ({{roles}})',
    answers:
      '**Respuestas de registro de ánimo:** {{count}}. Las respuestas compartidas van al resumen de tu equipo; las notas privadas están cifradas y solo tú puedes leerlas.',
    flags:
      '**Avisos privados:** {{count}}. Solo tú y quienes te supervisan pueden verlos; están cifrados, y cada vez que alguien que no eres tú lee uno, queda anotado en un registro de auditoría.',
    planSaved: '**Plan de bienestar:** guardado, cifrado, solo tú puedes leerlo.',
    planNone: '**Plan de bienestar:** ninguno guardado.',
    nudges: '**Recordatorios de autocuidado que elegiste:** {{count}}.',
    reads: '**Lecturas de tu texto privado por otras personas:** {{count}}.',
    footer:
      'Nunca se publica nada privado en un canal. Puedes desactivar cualquier invitación, y saltarla nunca aparece en un informe.',
  },
  welcome: {
    title: 'Te damos la bienvenida a {{name}}',
    intro:
      'Soy PeerBridge, una ayuda para este equipo de pares. Publico registros de ánimo amables, paso avisos privados a quien te supervisa cuando una sesión te pesa, ayudo a programar la supervisión y tengo a mano líneas de crisis y recursos.\nTodo es opcional: puedes saltar, posponer o desactivar cualquier invitación.',
    flagAnyTime:
      'Si alguna vez una sesión te pesa, puedes contárselo en privado a quien te supervisa, cuando quieras. Nadie más lo ve.',
    flagButton: 'Avisar en privado',
    footer: '`/peer help` muestra lo que puedes hacer · `/peer privacy` muestra lo que guardo sobre ti',
  },
  home: {
    hi: 'Hola, {{name}}',
    teams: '**Tus equipos**\n{{teams}}',
    team: '• {{name}} ({{roles}})',
    noTeam: 'Todavía no estás en un equipo. Cuando se configure el canal de tu equipo, lo verás aquí.',
    timeZone: 'Tu zona horaria',
    teamsZone: 'la de tu equipo',
    quietHours: 'Horas de silencio',
    none: 'ninguna',
    nudges: 'Recordatorios de autocuidado',
    plan: 'Plan de bienestar',
    planSaved: 'guardado (solo tú puedes leerlo)',
    planNone: 'todavía no',
    footer: '`/peer help` muestra lo que puedes hacer · `/peer privacy` muestra lo que guardo sobre ti',
  },
};
