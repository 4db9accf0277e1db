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
  alreadyOpen: {
    summary: 'Ya hay una ronda abierta',
    text: 'Ya hay una ronda abierta hasta {{until}}, así que no abrí otra. Todas las personas del equipo reciben su mensaje, también quienes se unan mientras tanto; `/peer checkin close` la cierra antes.',
  },
  reminder: {
    summary: '{{name}} sigue abierto',
    text: 'Un recordatorio amable: **{{name}}** está abierto hasta {{until}}, por si quieres responder. Saltarlo también está bien.',
  },
  reachOut: {
    buddyForMember:
      '{{buddy}} es tu compañía de apoyo en este registro y sabe que te gustaría que alguien se comunique contigo. También puedes escribirle tú primero.',
    buddyForBuddy:
      '{{member}}, de {{team}}, pidió en el registro de hoy que alguien del equipo se comunique. Te ofreciste como compañía de apoyo: ¿puedes escribirle cuando te sea posible? No se te comparte nada más de sus respuestas.',
    supervisorAsked:
      '{{member}}, de {{team}}, pidió en un registro que alguien del equipo se comunique, y ahora no hay ninguna compañía de apoyo disponible. ¿Puedes escribirle tú?',
    noBuddyForMember:
      'Ahora no hay ninguna compañía de apoyo disponible, así que le pedí a quien te supervisa que se comunique contigo.',
    nobodyFree:
      'Ahora no hay ninguna compañía de apoyo ni nadie de supervisión disponible. Lo siento. `/peer team show` muestra a las personas de tu equipo, y las líneas de crisis siempre están ahí si las cosas se ponen difíciles.',
  },
  digest: {
    header: '{{name}}: el resumen',
    tookPart_one: 'Participó 1 persona. Gracias por cuidarse entre ustedes.',
    tookPart_other: 'Participaron {{count}} personas. Gracias por cuidarse entre ustedes.',
    withoutName: '**Compartido sin nombre**',
    question: '**{{question}}**',
    spreadLabel: 'Cómo estamos llegando',
    spreadLater:
      'La distribución del ánimo se muestra cuando al menos {{minGroup}} personas comparten con el equipo cómo llegan, para que no se pueda identificar a nadie.',
    shownHere:
      'Las respuestas compartidas sin nombre se muestran solo aquí, ordenadas por sus palabras. Las respuestas con nombre tienen su propio mensaje; las respuestas privadas nunca aparecen.',
    tooFew:
      'Las respuestas compartidas sin nombre y la distribución del ánimo se muestran cuando participan al menos {{minGroup}} personas, para que no se pueda identificar a nadie.',
  },
  named: {
    summary: '{{name}}: {{author}} compartió',
    header: '**{{author}}** compartió en {{name}}',
    withdrawnSummary: '{{name}}: se retiró una respuesta',
    withdrawn: 'La persona que compartió esta respuesta la retiró.',
  },
  notice: {
    title: '{{member}} compartió algo solo contigo',
    checkin: 'Registro',
    read: 'Leerlo',
    footer:
      '{{member}} compartió una respuesta solo contigo. Se guarda cifrada; cada lectura queda anotada en el registro de auditoría.',
  },
  privateAnswer: {
    summary: 'Respuesta privada de {{member}}',
    header: '**{{member}} compartió esto solo contigo**',
    keep: 'Por favor, que quede entre ustedes. Esta lectura queda en el registro de auditoría.',
    gone: 'Ya no encuentro esa respuesta.',
    notYours:
      'Solo quien supervisa a esa persona puede leer una respuesta compartida solo con su supervisión.',
  },
  refusal: {
    notATeam:
      'Este canal todavía no está configurado como equipo. Cualquier persona puede empezar aquí con `/peer setup`; los registros de ánimo vienen después.',
    notLead:
      'Solo las personas administradoras y de supervisión del equipo pueden hacer eso. Cualquier persona puede responder, saltar o pausar los registros.',
    closedRound:
      'Esta ronda de registro ya cerró, así que no pude guardar eso. Gracias por querer responder; la próxima ronda te llegará como siempre.',
    unknownRound: 'Ya no encuentro esa ronda de registro. No se guardó nada.',
    notInvited:
      'Esta ronda de registro se envió a las personas del equipo cuando se abrió, y tú no estabas entre ellas, así que no se guardó nada. Si crees que deberías estar, las personas administradoras del equipo pueden ayudarte; la próxima ronda incluirá a todo el equipo.',
    alreadyAnswered: 'Ya respondiste esta ronda, así que guardé tu respuesta. No hace falta nada más.',
    reachOutChoice: 'Por favor, responde "{{question}}" con sí o esta vez no.',
    audience:
      'No entendí quién debe ver "{{question}}". Elige el equipo, el equipo sin tu nombre, o solo quien te supervisa.',
    scaleChoice: 'Por favor, elige una de las cinco opciones para "{{question}}".',
    tooLong:
      'Tu respuesta a "{{question}}" tiene {{length}} caracteres, y puedo guardar hasta {{max}}. Una versión más corta está bien; todavía no se guardó nada.',
    empty:
      'El formulario llegó vacío, así que no se guardó nada. También está bien: puedes usar **Saltar esta vez** en su lugar.',
    checkinGone: 'Ese registro ya no existe.',
  },
  commands: {
    notPauseDate: "No puedo leer '{{value}}' como fecha; escríbela así: 2026-12-24.",
    opened_one:
      'Hay una ronda abierta. Estoy enviando un mensaje privado; `/peer checkin close` la cierra antes.',
    opened_other:
      'Hay una ronda abierta. Estoy enviando {{count}} mensajes privados; `/peer checkin close` la cierra antes.',
    nothingToClose: 'No hay ninguna ronda abierta para cerrar. `/peer checkin now` abre una.',
    closed_one: 'Cerré la ronda; el resumen va en camino al canal.',
    closed_other: 'Cerré {{count}} rondas; el resumen va en camino al canal.',
    minGroup: 'Ahora la distribución del ánimo se muestra solo cuando responden al menos {{size}} personas.',
    pastDate: 'Esa fecha ya pasó. Elige un día a partir de hoy.',
    withinYear: 'Por favor, elige una fecha dentro de un año; después puedes volver a pausar.',
    paused:
      'Disfruta el descanso. No te llegan registros hasta después del {{until}}; `/peer checkin resume` los trae de vuelta antes.',
    resumed: 'Qué bueno tenerte de vuelta. El próximo registro te llegará como siempre.',
    optedOut:
      'Listo: no recibirás más mensajes de registro. `/peer checkin optin` los trae de vuelta cuando quieras.',
    optedIn: 'Ya estás de vuelta. El próximo registro te llegará.',
    buddyOn:
      'Gracias. Ahora eres compañía de apoyo; te preguntaré, por turnos, cuando alguien del equipo quiera que se comuniquen con esa persona.',
    buddyOff: 'Ya no eres compañía de apoyo. Gracias por el cuidado que diste.',
  },
  manage: {
    paused: '{{name}} está en pausa. Reactívalo desde `/peer checkin list`.',
    running: '{{name}} está en marcha de nuevo.',
    deleteQuestion: '¿Eliminar **{{name}}**?',
    deleteDetail:
      'No se abrirán más rondas. Las respuestas ya dadas siguen siendo de las personas que las dieron.',
    delete: 'Eliminar',
    keep: 'Conservarlo',
    unchanged: 'No cambió nada: {{name}} sigue como estaba.',
    deleted: '{{name}} se eliminó. Las respuestas ya dadas siguen siendo de las personas que las dieron.',
    deletedName: '{{name}} (eliminado el {{date}}, #{{id}})',
    unknownTeam: 'No pude saber para qué equipo era este formulario. No se guardó nada.',
    notSaved: '{{reason}} No se guardó nada.',
    nameTaken: 'Este equipo ya tiene un registro llamado "{{name}}". Elige otro nombre; no se guardó nada.',
    saved:
      'Guardé **{{name}}**. `/peer checkin list` lo muestra; `/peer checkin now` abre una ronda enseguida.',
  },
  setup: {
    titleNew: 'Configurar un registro',
    titleEdit: 'Editar el registro',
    save: 'Guardar',
    intro: 'Las horas están en {{zone}}, salvo que agregues una zona o elijas "la hora de cada persona".',
    name: 'Nombre',
    questions: 'Preguntas, una por línea',
    questionsHint:
      'Empieza una línea con `scale:` para la escala de ánimo de 5 puntos o con `yes/no:` para "¿te gustaría que alguien del equipo se comunique contigo?".',
    when: 'Días y hora',
    whenHint: 'Por ejemplo `mon,thu 09:30`, `weekdays 17:00` o `none` para abrirlo solo a pedido.',
    clock: '¿Qué reloj?',
    teamTime: 'La hora del equipo',
    memberTime: 'La hora de cada persona',
    hours: 'Horas que una ronda queda abierta',
    digest: 'Resumen',
    digestClose: 'Un resumen cuando cierra la ronda',
    digestLive: 'Las respuestas compartidas a medida que llegan, y un resumen',
    badName: 'Por favor, ponle al registro un nombre de hasta 60 caracteres.',
    badSchedule:
      'No pude leer los días y la hora ({{reason}}). Escríbelos en inglés, por ejemplo `mon,thu 09:30`, `weekdays 17:00` o `none` para abrirlo solo a pedido.',
    badClock: 'Por favor, elige la hora del equipo o la hora de cada persona.',
    badHours: '"{{hours}}" no es un número de horas que pueda usar; elige un número entero del 1 al 336.',
    overlap:
      'Una ronda abierta durante {{hours}} horas seguiría abierta cuando empiece la siguiente ({{gap}} horas después). Elige {{gap}} horas o menos.',
    badDigest: 'Por favor, elige cómo llega el resumen.',
    noQuestions:
      'Un registro necesita al menos una pregunta. Las preguntas del círculo de apoyo son un buen comienzo.',
    tooManyQuestions: 'Son {{count}} preguntas; un registro tiene hasta 6, para que siga siendo ligero.',
    kindNoWords: 'La pregunta {{number}} tiene un tipo pero no tiene palabras.',
    questionTooLong: 'La pregunta {{number}} tiene {{length}} caracteres; que cada una tenga menos de 150.',
    oneScale: 'Por favor, deja una sola pregunta `scale:`; de ella sale la distribución del ánimo.',
    oneYesNo:
      'Por favor, deja una sola pregunta `yes/no:`; es la que pregunta si alguien del equipo debe comunicarse.',
  },
  list: {
    header: 'Registros de este equipo',
    none: 'Todavía no hay ninguno. `/peer checkin setup` crea uno; `/peer checkin now` abre el círculo de apoyo enseguida.',
    item: '**{{name}}**: {{description}}',
    description: '{{when}} ({{clock}}), abierto {{hours}} h, {{digest}}',
    descriptionPaused: '{{when}} ({{clock}}), abierto {{hours}} h, {{digest}} · en pausa',
    onDemand: 'solo a pedido',
    daysAt: '{{days}} a las {{time}}',
    memberTime: 'la hora de cada persona',
    teamTime: 'la hora del equipo',
    live: 'respuestas compartidas a medida que llegan',
    atClose: 'un resumen al cerrar',
    days: { MO: 'lun', TU: 'mar', WE: 'mié', TH: 'jue', FR: 'vie', SA: 'sáb', SU: 'dom' },
    edit: 'Editar',
    pause: 'Pausar',
    resume: 'Reactivar',
    delete: 'Eliminar',
  },
  roster: {
    header: 'Personas de {{team}}',
    person: '• {{name}}',
    personWithRoles: '• {{name}} ({{roles}})',
    nobody: 'Todavía no hay nadie.',
    count_one: '1 persona; los bots no se cuentan.',
    count_other: '{{count}} personas; los bots no se cuentan.',
    roles: { admin: 'administración', supervisor: 'supervisión', member: 'integrante' },
  },
  history: {
    emptySummary: 'Todavía no hay respuestas de registro',
    empty: 'Todavía no tienes respuestas de registro. Cuando respondas uno, aparecerá aquí, solo para ti.',
    header: 'Tus registros',
    mood: 'Tu ánimo a lo largo del tiempo (lo más antiguo primero): `{{sparkline}}`  (▁ {{lowest}} … █ {{highest}})',
    item: '{{question}}: {{value}} ({{audience}})',
    line: '• {{day}} {{name}}: {{items}}',
    reachOutOnly: 'pediste que alguien del equipo se comunique contigo',
    audience: {
      team: 'el equipo',
      anonymous: 'el equipo, sin mi nombre',
      supervisor: 'solo quien me supervisa',
    },
    onlyYou: 'Solo tú puedes ver esto.',
  },
  trend: {
    summary: 'Tendencia de registros de {{team}}',
    header: 'Tendencia de registros: {{team}}',
    rate: 'participó el {{percent}} %',
    noInvitations: 'sin invitaciones',
    spreadItem: '{{word}} {{count}}',
    hidden: 'distribución del ánimo oculta (menos de {{minGroup}} personas compartieron su ánimo)',
    week: '• semana del {{week}}: {{rate}}; {{spread}}',
    none: 'No hay rondas cerradas en las últimas ocho semanas.',
    footer:
      'Solo rondas cerradas y solo cifras: no se nombra a nadie, y los grupos pequeños nunca se muestran por separado.',
  },
  privacy: {
    byAudience: 'Respuestas de registro según quién las ve',
    byAudienceValue:
      'el equipo: {{named}} · el equipo sin tu nombre: {{anon}} · solo quien te supervisa: {{supervisor}} (cifradas; cada lectura suya queda registrada)',
    skipped: 'Registros omitidos',
    skippedValue: '{{count}} (nunca se muestran a nadie)',
    buddy: 'Compañía de apoyo',
    yes: 'sí',
    no: 'no',
    kept: 'Cuánto tiempo se guardan las respuestas',
    keptUntilErase: 'hasta que las borres (`/peer privacy erase`)',
    keptDays: '{{days}} días; después se borra lo que dijiste y solo quedan las cifras de arriba',
  },
};
