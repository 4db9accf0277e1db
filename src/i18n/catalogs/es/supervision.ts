// Supervisión, en español (docs/i18n/glossary.md): tú a cada persona, ustedes en el canal del
// equipo, sin género. «Facilitator» es «quien facilita»; «one-to-one», «supervisión individual».
import type { Catalog } from '../../catalog-types.ts';

export const supervision: Catalog['supervision'] = {
  rsvp: {
    going: 'Voy',
    maybe: 'Quizás',
    cant: 'No puedo',
    counts: 'Van {{going}} · Quizás {{maybe}} · No pueden {{cant}}',
    saidGoing: 'voy',
    saidMaybe: 'quizás',
    saidCant: 'no puedo',
    thanks:
      'Gracias, anoté tu respuesta para "{{title}}" ({{when}}): {{said}}. {{counts}}. Puedes cambiarla cuando quieras.',
    whoHead: 'Respuestas para "{{title}}" (solo tú ves esto):',
    whoLine: '{{said}}: {{names}}',
    nobody: 'nadie todavía',
  },
  post: {
    summary: '{{title}}: {{when}}',
    when: 'Cuándo',
    code: 'Código',
    footer:
      '{{counts}}. Las horas aquí están en la zona horaria de la sesión; `/peer supervision list` se las muestra a cada quien en la suya.',
    who: 'Quién viene (quien facilita)',
    calendar: 'Archivo de calendario',
  },
  announce: {
    lead: 'Una nueva serie de supervisión: {{rule}}, {{minutes}} minutos, serie #{{ref}}. ¿Vienen a la primera? Respondan cuando quieran, y salten lo que no les encaje.',
    leadCapped:
      'Una nueva serie de supervisión: {{rule}}, {{minutes}} minutos, serie #{{ref}}. Por ahora dura 12 meses; quien facilita puede alargarla. ¿Vienen a la primera? Respondan cuando quieran, y salten lo que no les encaje.',
  },
  rule: {
    daily_one: 'Cada día',
    daily_other: 'Cada {{count}} días',
    weekly_one: 'Cada semana',
    weekly_other: 'Cada {{count}} semanas',
    monthly_one: 'Cada mes',
    monthly_other: 'Cada {{count}} meses',
    yearly_one: 'Cada año',
    yearly_other: 'Cada {{count}} años',
    repeating: 'Se repite',
    withDays: '{{every}} ({{days}})',
  },
  changed: {
    cancelled: 'Se canceló "{{title}}" del {{when}}. No tienes que hacer nada.',
    moved: '"{{title}}" pasó del {{before}} al {{when}}.',
  },
  pollDone: {
    lead_one:
      'La encuesta "{{title}}" encontró un horario. Gracias por votar ({{count}} respuesta para este horario). Su voto ya es su confirmación de asistencia; pueden cambiarla abajo cuando quieran.',
    lead_other:
      'La encuesta "{{title}}" encontró un horario. Gracias por votar ({{count}} respuestas para este horario). Su voto ya es su confirmación de asistencia; pueden cambiarla abajo cuando quieran.',
    leadSeries_one:
      'La encuesta "{{title}}" encontró un horario para una serie semanal. Gracias por votar ({{count}} respuesta para este horario). Su voto ya es su confirmación de asistencia; pueden cambiarla abajo cuando quieran.',
    leadSeries_other:
      'La encuesta "{{title}}" encontró un horario para una serie semanal. Gracias por votar ({{count}} respuestas para este horario). Su voto ya es su confirmación de asistencia; pueden cambiarla abajo cuando quieran.',
  },
  poll: {
    line: '{{n}}. {{when}}: sí {{yes}}, si hace falta {{maybe}}, no {{no}}',
    closedHead: 'Encuesta cerrada: {{title}}',
    openHead: '¿Cuándo podemos reunirnos? {{title}}',
    thanks: 'Gracias por votar.',
    closes:
      'Cierra el {{when}}. Pulsen Votar para ver cada horario en su propia zona horaria. Orden: más síes, luego más «si hace falta».',
    closesSeries:
      'Cierra el {{when}}; el horario elegido será una serie semanal. Pulsen Votar para ver cada horario en su propia zona horaria. Orden: más síes, luego más «si hace falta».',
    vote: 'Votar',
    pick: 'Elegir el horario (quien organiza)',
    up: 'Tu encuesta ya está publicada. Cuando cierre te enviaré un botón para elegir el horario; también puedes elegirlo antes desde la encuesta.',
    reminder:
      'La encuesta "{{title}}" cierra el {{when}}. Si quieres opinar sobre el horario, todavía puedes votar; si no, no tienes que hacer nada.',
    closedForOrganiser: 'Tu encuesta "{{title}}" ya cerró. Elige el horario cuando te venga bien.',
    pickNow: 'Elegir el horario',
    saved_one: 'Gracias, guardé tu respuesta. Puedes cambiarla hasta que cierre la encuesta.',
    saved_other: 'Gracias, guardé tus {{count}} respuestas. Puedes cambiarlas hasta que cierre la encuesta.',
    set: 'Listo: "{{title}}" queda el {{when}}. Los votos pasaron a ser confirmaciones de asistencia, y lo publiqué en el canal.',
    setWeekly:
      'Listo: "{{title}}" queda el {{when}}, cada semana. Los votos pasaron a ser confirmaciones de asistencia, y lo publiqué en el canal.',
  },
  vote: {
    title: 'Tu disponibilidad',
    submit: 'Guardar mis votos',
    intro: 'Las horas están en tu zona horaria, {{zone}}. Deja un horario vacío para saltarlo.',
    yes: 'Sí',
    maybe: 'Si hace falta',
    no: 'No',
  },
  pick: {
    title: 'Elegir el horario',
    submit: 'Elegir',
    intro:
      'Las horas están en tu zona horaria, {{zone}}. Los votos del horario elegido pasan a ser confirmaciones de asistencia.',
    slot: 'Horario',
    choice: '{{when}} · sí {{yes}}, quizás {{maybe}}',
  },
  list: {
    none: 'No hay sesiones de supervisión próximas. Una persona supervisora puede empezar una serie con `/peer supervision new`.',
    header: 'Próximamente',
    zone: 'En tu zona horaria, {{zone}}.',
    oneToOne: '(individual)',
    saidGoing: 'dijiste que vas',
    saidMaybe: 'dijiste que quizás',
    saidCant: 'dijiste que no puedes',
    summary_one: '{{count}} sesión de supervisión próxima',
    summary_other: '{{count}} sesiones de supervisión próximas',
  },
  reminder: {
    hours_one: 'en alrededor de una hora',
    hours_other: 'en alrededor de {{count}} horas',
    minutes_one: 'en {{count}} minuto',
    minutes_other: 'en {{count}} minutos',
    text: 'Un recordatorio amable: "{{title}}" empieza {{soon}}, {{when}}.',
    footer:
      'Si ya no te encaja, no pasa nada: cambia tu respuesta, o desactiva estos recordatorios con `/peer supervision reminders off`.',
  },
  agenda: {
    channelHead: 'Temas para "{{title}}"',
    head: 'Los temas para "{{title}}" ({{when}})',
    none: 'No se añadieron temas.',
    withoutName: '**Sin nombre**',
    addedNamed: 'Lo añadí con tu nombre a "{{title}}" del {{when}}. Gracias.',
    addedAnonymous:
      'Lo añadí de forma anónima (no se guarda ningún nombre) a "{{title}}" del {{when}}. Gracias.',
  },
  attendance: {
    prompt:
      '"{{title}}" ({{when}}) terminó. Cuando tengas un momento, confirma quién asistió: cuenta para sus horas de supervisión.',
    confirm: 'Confirmar asistencia',
    title: 'Quién asistió',
    submit: 'Confirmar',
    intro: 'Viene rellenado con las confirmaciones de asistencia. Marca a cada persona que vino.',
    attended: 'Asistió',
    saved_one: 'Asistencia guardada: {{count}} persona. Cuenta para sus horas de supervisión.',
    saved_other: 'Asistencia guardada: {{count}} personas. Cuenta para sus horas de supervisión.',
  },
  slots: {
    none: 'Ahora no hay horarios de supervisión individual libres. Una persona supervisora puede ofrecer algunos con `/peer supervision slots`.',
    zone: 'Horarios de supervisión individual libres, en tu zona horaria ({{zone}}).',
    entry: '#{{ref}} · {{when}} con {{supervisor}}',
    book: 'Reservar #{{ref}}',
    summary_one: '{{count}} horario de supervisión individual libre',
    summary_other: '{{count}} horarios de supervisión individual libres',
    offered_one: 'Ofreciste {{count}} horario.',
    offered_other: 'Ofreciste {{count}} horarios.',
  },
  booked: {
    text: 'Reservado: supervisión individual con {{supervisor}}, {{when}} (#{{ref}}). Les llegarán recordatorios a ambas personas. Para cambiarlo: `/peer supervision rebook` o `/peer supervision cancel`.',
    forSupervisor:
      '{{supervisee}} reservó una supervisión individual contigo: {{when}} (#{{ref}}). Les llegarán recordatorios a ambas personas.',
    movedForSupervisor:
      '{{supervisee}} movió su supervisión individual contigo: {{when}} (#{{ref}}). Les llegarán recordatorios a ambas personas.',
  },
  oneToOne: {
    title: 'Supervisión individual',
  },
  hours: {
    none: 'Todavía no hay horas de supervisión registradas para ti. Las sesiones grupales cuentan cuando quien facilita confirma la asistencia; las individuales, cuando ya tuvieron lugar.',
    line: '{{month}}: grupal {{group}} h, individual {{oneToOne}} h',
    summary: 'Tus horas de supervisión: {{total}} h',
    header: 'Tus horas de supervisión',
    total: 'Total {{total}} h. Solo tú ves esto.',
  },
  series: {
    planned_one:
      '"{{title}}" está planificada: {{count}} sesión, la primera el {{when}}. La publiqué con botones para confirmar asistencia.',
    planned_other:
      '"{{title}}" está planificada: {{count}} sesiones, la primera el {{when}}. La publiqué con botones para confirmar asistencia.',
    capped:
      'No indicaste un final, así que planifiqué 12 meses; `/peer supervision edit` con `until` lo cambia.',
    events_one: 'La próxima también está en los Eventos del servidor.',
    events_other: 'Las próximas {{count}} también están en los Eventos del servidor.',
    code: 'Código de la serie: #{{ref}}.',
    updated:
      '"{{title}}" está actualizada ({{added}} sesiones planificadas de nuevo, {{removed}} quitadas). Las sesiones movidas y canceladas conservan sus cambios; los archivos de calendario se actualizarán.',
    moved: 'Movida al {{when}}. Todas las personas que respondieron recibirán un aviso.',
    cancelled: 'Se canceló "{{title}}" del {{when}}. Todas las personas que respondieron recibirán un aviso.',
  },
  settings: {
    hours: '{{count}} h',
    minutes: '{{count}} min',
    and: '{{first}} y {{second}}',
    saved:
      'Los recordatorios salen {{when}} antes de cada sesión; los temas se publican en el canal al empezar.',
    savedNoAgenda:
      'Los recordatorios salen {{when}} antes de cada sesión; los temas no se publican en el canal al empezar.',
    remindersOff:
      'Tus recordatorios de supervisión están desactivados. Puedes volver a activarlos cuando quieras.',
    remindersOn: 'Tus recordatorios de supervisión están activados.',
  },
  files: {
    calendarFor: 'El calendario de "{{title}}".',
    reportCovers_one: 'El informe abarca {{count}} sesión.',
    reportCovers_other: 'El informe abarca {{count}} sesiones.',
    sent: '{{said}} Te lo envié como archivo en nuestros mensajes directos ({{file}}).',
    inline: '{{said}} Aquí lo tienes ({{file}}); guárdalo como archivo:',
  },
  report: {
    session: 'sesion',
    kind: 'tipo',
    title: 'titulo',
    startsAtUtc: 'empieza_utc',
    startsLocal: 'empieza_local',
    minutes: 'minutos',
    status: 'estado',
    facilitator: 'facilita',
    attendee: 'asistente',
    group: 'grupal',
    oneToOne: 'individual',
    scheduled: 'programada',
    cancelled: 'cancelada',
    done: 'realizada',
  },
  calendar: {
    description: 'Supervisión grupal, desde PeerBridge.',
    oneToOneDescription: 'Supervisión individual, desde PeerBridge.',
  },
  events: {
    description: 'Supervisión grupal, desde PeerBridge.',
    missingPermission:
      'Una cosa más para quien administra el servidor: no pude añadir estas sesiones a los Eventos del servidor porque no tengo el permiso **Gestionar eventos**. Todo lo demás funciona; para tener también eventos de Discord, da a mi rol el permiso Gestionar eventos y vuelve a crear la serie.',
    notChangedPermission:
      'No pude cambiar el Evento del servidor para esta sesión porque no tengo el permiso **Gestionar eventos**. Por favor, cámbialo o cancélalo a mano en Eventos.',
    notChanged:
      'No pude cambiar el Evento del servidor para esta sesión ahora mismo. Por favor, revísalo en Eventos.',
  },
  privacy: {
    answers: 'Respuestas de supervisión',
    answersValue:
      '{{rsvps}} confirmaciones de asistencia (con la asistencia, cuando se confirma) y {{votes}} votos en encuestas. Los totales se comparten; los nombres, solo con quien facilita.',
    topics: 'Temas de la agenda',
    topicsValue_one:
      '{{count}} con tu nombre. Los temas anónimos no guardan ningún nombre, así que no se cuentan aquí.',
    topicsValue_other:
      '{{count}} con tu nombre. Los temas anónimos no guardan ningún nombre, así que no se cuentan aquí.',
    oneToOne: 'Supervisión individual',
    oneToOneValue_one: '{{count}} reserva, que ven tú y quien te supervisa.',
    oneToOneValue_other: '{{count}} reservas, que ven tú y quien te supervisa.',
  },
  refuse: {
    runInChannel: 'Por favor, usa esto en el canal de tu equipo, así sé a qué equipo te refieres.',
    notATeam:
      'Este canal todavía no está configurado como equipo. Alguien puede empezar con `/peer setup` aquí y luego volver a intentarlo.',
    teamGone: 'Ese equipo ya no existe.',
    notALead:
      'Solo las personas que supervisan o administran este equipo pueden hacer eso. Si hace falta, pídeselo a alguna de ellas; `/peer team show` muestra quiénes son.',
    notAMember:
      'Solo las personas de este equipo pueden reservar su supervisión individual. Si perteneces aquí, una persona administradora puede añadirte con `/peer team role`.',
    gone: 'Ya no encuentro eso. `/peer supervision list` muestra lo que viene.',
    noSeries: 'No encuentro esa serie en este equipo. `/peer supervision list` muestra los códigos.',
    noSession: 'No encuentro esa sesión. `/peer supervision list` muestra los códigos.',
    noSessionOrSeries: 'No encuentro esa sesión ni esa serie. `/peer supervision list` muestra los códigos.',
    noBooking: 'No encuentro ninguna reserva tuya con ese código. `/peer supervision list` te las muestra.',
    tooManySlots:
      'Una encuesta admite hasta {{max}} horarios; diste {{count}}. Por favor, elige tus {{max}} preferidos.',
    tooManyOffered: 'Por favor, ofrece hasta 20 horarios a la vez.',
    toBeforeFrom: '`to` va antes que `from`; por favor, cámbialos de lugar.',
    firstInPast:
      'La primera sesión quedaría en el pasado. Por favor, elige una fecha y hora que aún no hayan llegado.',
    pollSlotCount: 'Una encuesta necesita de {{min}} a {{max}} horarios; diste {{count}}.',
    pollSameSlot: 'Dos de los horarios son la misma hora; cada horario necesita la suya.',
    pollSlotPast: 'Uno de los horarios está en el pasado. Por favor, propón horas que aún no hayan llegado.',
    pollClosesLate:
      'La encuesta cerraría después de que empiece el primer horario. Por favor, elige un plazo más corto o horarios más tarde.',
    pollClosed:
      'Esta encuesta ya cerró, así que los votos no pueden cambiar. Gracias por querer ayudar a encontrar un horario.',
    pollGone: 'Ya no encuentro esa encuesta.',
    pollUnknownSlot:
      'Ese voto nombra un horario que esta encuesta no tiene. Por favor, abre la votación de nuevo.',
    pollNotOrganiser:
      'Solo la persona que empezó la encuesta (o una persona supervisora) puede elegir el horario.',
    pollPicked: 'Ya se eligió un horario para esta encuesta.',
    pollNotSlot: 'Ese horario no es parte de esta encuesta.',
    pollSlotBegun: 'Ese horario ya empezó; por favor, elige uno que aún no haya llegado.',
    sessionGone: 'Ya no encuentro esa sesión.',
    sessionGoneList: 'Ya no encuentro esa sesión. `/peer supervision list` muestra lo que viene.',
    sessionCancelled: 'Esa sesión se canceló, así que no hay nada que responder. Gracias por revisarlo.',
    sessionOver: 'Esa sesión ya terminó.',
    onlyFacilitatorNames: 'Solo quien facilita ve quién respondió; todo el mundo ve los totales.',
    onlyFacilitatorAttendance: 'Solo quien facilita (o una persona supervisora) confirma la asistencia.',
    notStarted: 'Esa sesión todavía no empezó; la asistencia se puede confirmar cuando empiece.',
    reportLeadsOnly:
      'Solo las personas que supervisan o administran pueden descargar el informe del equipo. Tus propias horas están en `/peer supervision hours`.',
    noSessionForTopic:
      'Todavía no hay ninguna sesión grupal próxima, así que no hay temas a los que añadir. Una persona supervisora puede empezar una con `/peer supervision new`.',
    cannotChange:
      'Solo quien facilita, las personas que supervisan o administran el equipo (o, en una individual, las dos personas que participan) pueden cambiar esta sesión.',
    cannotMove: 'Esa sesión ya terminó o se canceló, así que no se puede mover.',
    movePast: 'La nueva hora está en el pasado. Por favor, elige una hora que aún no haya llegado.',
    moveClash:
      'La nueva hora se cruza con otra supervisión individual de la misma persona que supervisa. Por favor, elige una hora en que esté libre (`/peer supervision list` muestra las reservas).',
    cannotCancel: 'Esa sesión ya terminó o se canceló.',
    slotsLeadsOnly:
      'Solo quienes supervisan pueden ofrecer horarios de supervisión individual. Una persona administradora puede darte el rol con `/peer team role`.',
    slotsPast: 'Uno de los horarios está en el pasado. Por favor, ofrece horas que aún no hayan llegado.',
    slotsOverlap: 'Dos de esos horarios se cruzan entre sí. Por favor, ofrece horas que no se crucen.',
    slotsOverlapOffered:
      'Uno de esos horarios se cruza con un horario que ya ofreciste. Por favor, elige una hora que no se cruce.',
    slotTaken:
      'Alguien reservó ese horario justo antes que tú. Lo siento; aquí están los horarios que siguen libres.',
    slotWithdrawn: 'Ese horario ya no está disponible.',
    slotClash:
      'Esa hora se cruza con otra reserva de la misma persona que supervisa, así que no se puede reservar.',
    slotUnknown: 'No encuentro ese horario. Aquí están los que están libres ahora.',
    ownSlot: 'Ese horario es tuyo.',
    bookingGone: 'Tu reserva anterior ya se canceló, así que no hay nada que mover.',
    bookingStays: '{{reason}} Tu reserva anterior queda como estaba.',
    ruleCount: 'COUNT en la RRULE tiene que ser un número entero de al menos 1.',
    ruleUntil: 'No puedo leer UNTIL={{value}} como fecha; escríbela como 20261231.',
    ruleFixedPart:
      'Por favor, deja {{key}} fuera de la RRULE: la primera fecha y hora vienen de `date` y `time`.',
    ruleUnknownPart:
      'No puedo usar {{key}} en una RRULE de supervisión. Entiendo FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT y UNTIL.',
    ruleEmptyPart:
      'No puedo usar una parte vacía en una RRULE de supervisión. Entiendo FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT y UNTIL.',
    ruleFreq:
      'La RRULE necesita FREQ=DAILY, WEEKLY, MONTHLY o YEARLY (la supervisión se reúne como mucho una vez al día).',
    ruleNoEnd:
      'Una RRULE sin final seguiría para siempre. Por favor, añade COUNT (como COUNT=10) o UNTIL (como UNTIL=20261231), o usa `until`.',
    ruleInvalid: 'Esa regla no funciona: {{reason}}.',
    ruleMissing: 'Con `repeat:rrule`, por favor da la regla en `rrule`, como FREQ=WEEKLY;BYDAY=TU;COUNT=10.',
    ruleTooLong:
      'Una serie puede durar hasta {{months}} meses; por favor, elige un final antes. Siempre puedes empezar una serie nueva más adelante.',
    ruleEndBeforeStart: 'La fecha final es anterior a la primera sesión.',
    ruleTooMany: 'Una serie puede tener hasta {{max}} sesiones; por favor, pide menos.',
    ruleFirstDate:
      'La primera fecha no es uno de los días en que se reúne la regla. Por favor, empieza la serie en uno de ellos.',
  },
  checks: {
    notDate: "No puedo leer '{{value}}' como fecha. Escríbela así: 2026-03-02.",
    notRealDate: "'{{value}}' no es una fecha que exista. Revisa el día y el mes.",
    notTime: "No puedo leer '{{value}}' como hora. Escríbela así: 18:30.",
    notRef:
      "No conozco la referencia '{{value}}'. Usa el código de seis caracteres de `/peer supervision list`, como #a1b2c3.",
    notSlot:
      "No puedo leer '{{value}}' como horario. Escribe cada uno así: 2026-03-02 18:00, separados por comas.",
    notChannel: "No supe qué canal es '{{value}}'. Menciónalo, por ejemplo #apoyo-entre-pares.",
    notReminders:
      "No puedo leer '{{value}}' como lista de recordatorios. Prueba 24h,15m (de uno a tres, cada uno entre 5 minutos y 7 días).",
  },
};
