import type { Catalog } from '../../catalog-types.ts';

// Sigue docs/i18n/glossary.md: tú, lenguaje neutro en género, cálido y sencillo. Los nombres de
// comandos y opciones (`/peer help`, `timezone:`) quedan en inglés: son lo que se escribe.
export const chat: Catalog['chat'] = {
  help: {
    header: 'En qué te puedo ayudar',
    intro: 'Escribe `{{root}}` y una de estas opciones. Todo es opcional, a tu ritmo.',
    audience: {
      everyone: 'Para todas las personas',
      supervisor: 'Para quienes coordinan el equipo (supervisión y administración)',
      admin: 'Para la administración del equipo',
    },
    section: '**{{title}}**\n{{lines}}',
    line: '{{usage}}: {{description}}',
    lineChannel: '{{usage}}: {{description}} (en un canal del equipo)',
    lineDirect: '{{usage}}: {{description}} (en un mensaje directo conmigo)',
    more: 'Para leer más sobre uno, agrega su nombre, como `{{root}} help {{example}}`. Puedes saltar o posponer todo lo que te envíe.',
    summary: 'En qué te puedo ayudar: {{root}} help',
    noneYours: 'Ninguno de estos es parte de tu rol aquí, y está bien.',
    unknownGuess: 'No tengo un comando llamado `{{typed}}`. ¿Quisiste decir `{{root}} help {{guess}}`?',
    unknown: 'No tengo un comando llamado `{{typed}}`. `{{root}} help` muestra lo que puedo hacer.',
    worksChannel: 'Funciona en un canal del equipo.',
    worksDirect: 'Funciona en un mensaje directo conmigo.',
    forSupervisors: 'Este es para quienes supervisan.',
    forAdmins: 'Este es para la administración del equipo.',
    notYours: 'Parece que esto no te corresponde aquí.',
    commandSummary: '{{usage}}: {{description}}',
    optionNeeded: '{{description}}. Necesario.',
    optionOptional: '{{description}}. Opcional.',
    optionNeededChoices: '{{description}}. Necesario. Una de: {{choices}}.',
    optionOptionalChoices: '{{description}}. Opcional. Una de: {{choices}}.',
  },
  replies: {
    problemsOne: 'Todavía no pude ejecutar {{usage}}; hace falta un pequeño cambio:',
    problemsMany: 'Todavía no pude ejecutar {{usage}}; hacen falta algunos pequeños cambios:',
    problemsSummary: '{{usage}} necesita un pequeño cambio',
    problemLine: '• {{problem}}',
    nothingSaved: 'No se guardó nada. Vuelve a intentarlo cuando quieras.',
    apologySummary: 'Perdón, algo falló de mi lado',
    apology: 'Perdón, algo falló de mi lado y no pude terminar. No hiciste nada mal.',
    apologyNext:
      'No quedó nada guardado a medias, así que puedes volver a intentarlo en un minuto sin problema. Si sigue pasando, alguien de la administración del equipo puede revisarlo; `{{root}} help` también está aquí.',
    unknownCommand:
      'Todavía no conozco `{{root}} {{typed}}`; puede que haya cambiado. Prueba `{{root}} help` para ver lo que puedo hacer.',
    staleAction:
      'Ese botón parece ser de un mensaje anterior, así que no pude hacer nada con él. No cambió nada. `{{root}} help` muestra lo que puedo hacer ahora.',
    staleForm:
      'No pude relacionar ese formulario con nada; puede que haya vencido. No se guardó nada, y puedes empezar de nuevo cuando quieras (`{{root}} help` te puede orientar).',
    wrongPlaceDirect:
      '{{usage}} funciona en un mensaje directo conmigo, para que quede solo entre tú y yo. Abre un mensaje conmigo y pruébalo ahí.',
    wrongPlaceChannel: '{{usage}} funciona en un canal del equipo. Pruébalo en el canal de tu equipo.',
    noChat:
      'Gracias por tu mensaje. Soy un bot, así que no puedo conversar, pero `{{root}} help` muestra en qué te puedo ayudar.',
    formControl:
      'No pude guardar ese formulario: el campo `{{field}}` tiene un carácter de control invisible (como un byte NUL o una marca de dirección del texto). Escríbelo de nuevo sin él; no se guardó nada.',
  },
  options: {
    named: '`{{name}}`: {{problem}}',
    controlCharacter:
      'tiene un carácter de control invisible (como un byte NUL o una marca de dirección del texto). Escríbelo de nuevo sin él; no se guardó nada.',
    tooShort: 'es un poco corto; necesita al menos {{min}} caracteres.',
    tooLong:
      'tiene {{length}} caracteres y puedo recibir hasta {{max}}. Una versión más corta funciona bien.',
    notWhole: "'{{value}}' no es un número entero. Prueba con algo como 2.",
    range: 'elige un número de {{min}} a {{max}}.',
    atLeast: 'elige un número de {{min}} o más.',
    atMost: 'elige un número de {{max}} o menos.',
    notYesNo: "'{{value}}' no es un sí o un no. Prueba con yes o no.",
    notAChoice: "'{{value}}' no es una de las opciones. Prueba con una de estas: {{choices}}.",
    missing: 'agrega esta, por favor ({{description}}).',
    unreadable: 'No pude leer ese valor. Prueba a escribirlo de nuevo.',
    unknownOne: 'No conozco una opción llamada {{names}}.',
    unknownMany: 'No conozco las opciones {{names}}.',
    notATimeZone:
      "'{{value}}' no es una zona horaria que conozca. Prueba con una como Europe/Madrid o America/Mexico_City.",
  },
  inputs: {
    time: "'{{value}}' no es una hora del día que pueda leer. Prueba con una como 17:30 o 9:00.",
    date: "'{{value}}' no es una fecha que pueda leer. Escríbela año-mes-día, como 2027-03-14.",
    timeZone:
      "'{{value}}' no es una zona horaria que conozca. Usa el nombre de un lugar, como Europe/Madrid o America/Mexico_City.",
    wholeNumber:
      "'{{value}}' no es una cantidad de {{unit}} que pueda usar; elige un número entero de {{min}} a {{max}}.",
  },
  parse: {
    needsWord:
      '`{{root}} {{group}}` necesita una palabra más: {{names}}. `{{root}} help {{group}}` explica más.',
    unknownGuess:
      'No conozco `{{root}} {{typed}}`. ¿Quisiste decir `{{root}} {{guess}}`? `{{root}} help` muestra todo lo que puedo hacer.',
    unknown:
      'Todavía no conozco `{{root}} {{typed}}`. Prueba `{{root}} help` para ver todo lo que puedo hacer.',
    givenTwice: '`{{name}}` aparece dos veces, así que no supe cuál querías.',
    takes: '{{usage}} acepta: {{names}}.',
    takesNothing: '{{usage}} no lleva nada después.',
    unknownOption: 'No conozco una opción llamada `{{name}}` aquí, así que no cambié nada. {{takes}}',
    unknownOptionGuess:
      'No conozco una opción llamada `{{name}}` aquí, así que no cambié nada. ¿Quisiste decir `{{guess}}`? {{takes}}',
    quoteHint: '{{said}} Si `{{raw}}` es parte de tu texto, ponlo entre "comillas dobles".',
    notAChoice: 'no es una de estas: {{choices}}.',
    unplaced: "No supe para qué era '{{word}}'. {{takes}}",
    misread: "Leí '{{word}}' como `{{name}}`, y {{problem}} {{takes}}",
  },
  forms: {
    part: 'Parte {{page}} de {{pages}}.',
    next: 'Siguiente',
    more: '…y más que no cupo aquí.',
  },
  notice: {
    open: 'Abrir',
  },
  access: {
    notHere: 'Eso no es algo que pueda hacer por ti aquí.',
    unknownVerb:
      'No sé con certeza quién puede hacer eso, así que no hice nada. Avísale a quien administra PeerBridge: este comando todavía no tiene una regla de acceso.',
    elsewhere:
      'Eso pertenece a otro espacio de trabajo, así que no hice nada. PeerBridge mantiene separados los equipos de cada espacio de trabajo.',
    runInTeamChannel: 'Úsalo en el canal de tu equipo, por favor.',
    teamSettings:
      'Solo la administración de este equipo puede cambiar su configuración. Si algo necesita cambiar, pídeselo a alguna de esas personas; `/peer team show` muestra quiénes son.',
    teamElsewhere: 'Ese equipo no está en tu espacio de trabajo.',
    teamAdminsOnly:
      'Solo la administración de este equipo puede hacer eso. `/peer team show` muestra quiénes son, si hace falta.',
    leadsOnly:
      'Solo la supervisión y la administración de este equipo pueden hacer eso. `/peer team show` muestra quiénes son, si hace falta.',
    outboxAdmins:
      'Solo la administración puede ver el estado de las entregas: la de un equipo en el canal de su equipo (para ese equipo), o la del espacio de trabajo (para todo). Si parece que un mensaje se perdió, alguna de esas personas puede revisarlo por ti.',
    outboxRecipients:
      'A quién va un mensaje privado solo lo ve la administración del espacio de trabajo; tú ves cuántos hay.',
    privacyExport:
      'Una exportación va solo a la persona de quien trata, así que nadie puede exportar los datos de otra persona. Esa persona puede usar `/peer privacy export` por su cuenta.',
    privacyErase: 'Puedes borrar tus propios datos con `/peer privacy erase`.',
    privacyEraseDeparted:
      'Solo la administración de este espacio de trabajo (según Slack o Discord) puede borrar los datos de alguien que se fue. Siempre puedes ver, exportar o borrar los tuyos con `/peer privacy`.',
    resourcesEdit:
      'Solo la administración de un equipo puede cambiar la lista compartida: la de un equipo, sus propias entradas; la del espacio de trabajo, las del espacio de trabajo. Puedes sugerir un cambio con `/peer resources suggest`.',
    resourcesEditCrisisLine:
      'Las líneas de crisis solo las puede cambiar la administración de este espacio de trabajo, para que nadie cambie sin aviso un número del que dependen otras personas. Puedes sugerir un cambio con `/peer resources suggest`.',
    resourcesEditShared:
      'El conjunto inicial compartido es el mismo para todos los espacios de trabajo, así que solo cambia donde se ejecuta PeerBridge. Si editas una entrada aquí, se crea una copia propia de tu espacio de trabajo.',
    resourcesReview:
      'Solo la administración del equipo puede cambiar la lista compartida. Puedes sugerir una entrada con `/peer resources suggest`.',
    resourcesImport:
      'Solo la administración de este espacio de trabajo puede importar recursos desde un archivo, así que no lo leí. Puedes sugerir entradas con `/peer resources suggest`.',
    resourcesExport: 'Solo la administración del equipo puede importar o exportar la lista de recursos.',
    checkinLeads:
      'Solo la administración y la supervisión del equipo pueden hacer eso. Cualquier persona puede responder, saltar o pausar los registros de ánimo.',
    checkinReadPrivate: 'Solo quien supervisa a esta persona puede leer esta respuesta.',
    flagRespond: 'Este aviso no se te envió a ti, así que no puedo mostrártelo.',
    selfcareGone: 'Ese recordatorio ya no está.',
    supervisionSession:
      'Solo quien facilita, la supervisión y la administración del equipo pueden hacer eso.',
    supervisionReport: 'Solo la supervisión y la administración pueden descargar el informe del equipo.',
    supervisionSlots: 'Solo quienes supervisan pueden ofrecer horarios individuales.',
    supervisionBook: 'Solo los miembros de este equipo pueden reservar sus sesiones individuales.',
    receivePrivate: 'Ese mensaje privado ya no es para esta persona, así que no se envió.',
  },
  groups: {
    team: {
      description: 'Mira o cambia quién está en este equipo',
      help: 'Muestra el equipo y permite a la administración dar roles y emparejar a cada miembro con quien le supervisa.',
    },
    admin: {
      description: 'Herramientas para la administración del equipo',
      help: 'Herramientas internas para la administración: estado de las entregas y reintentos.',
    },
    resources: {
      description: 'Agrega, sugiere y revisa recursos compartidos',
      help: 'Cualquier miembro sugiere recursos; la administración los agrega, revisa, edita y retira.',
    },
    checkin: {
      description: 'Registros de ánimo del equipo: configurar, responder, pausar, historial',
      help: 'Registros de ánimo asíncronos del círculo de apoyo: cada persona responde en privado, cuando le viene bien, y elige quién ve cada respuesta.',
    },
    supervision: {
      description: 'Supervisión grupal, buscar una hora, sesiones individuales y tus horas',
      help: 'Series con confirmaciones y recordatorios, encuestas de horario entre zonas horarias, temas para la agenda (también anónimos), archivos de calendario, reservas individuales, asistencia y horas.',
    },
  },
  commands: {
    setup: {
      description: 'Convierte este canal en un equipo de pares (o cambia su zona horaria, región o idioma)',
      help: 'Úsalo en el canal de tu equipo. La primera persona que lo usa queda a cargo de la administración del equipo. Después, solo la administración puede cambiar la zona horaria, la región de las líneas de crisis, el idioma o el nombre.',
      options: {
        timezone: 'La zona horaria del equipo, como America/New_York',
        region: 'De dónde vienen las líneas de crisis, como US o GB',
        language: 'El idioma del equipo para las publicaciones del canal: en o es',
        name: 'Un nombre para el equipo',
      },
    },
    team: {
      show: {
        description: 'Mira quién está en este equipo y quién supervisa a quién',
        help: 'Muestra a las personas de este equipo (la lista del canal) con sus roles, quién las supervisa y sus compañías de apoyo, y cuánto espera un aviso privado antes de pasar a la siguiente persona. Los equipos grandes se muestran por páginas. Solo tú ves la respuesta.',
        options: {
          page: 'Qué página de un equipo grande',
        },
      },
      role: {
        description: 'Da un rol a alguien de este equipo, o quítaselo (administración)',
        help: 'Los roles son member (miembro), supervisor (supervisión) y admin (administración). Agrega `remove:yes` para quitar un rol. Solo la administración de este equipo puede hacerlo.',
        options: {
          user: 'La persona, como mención',
          role: 'El rol',
          remove: 'Quitar el rol en lugar de darlo',
        },
      },
      supervisor: {
        description: 'Empareja a un miembro con su supervisión principal o suplente (administración)',
        help: 'Los avisos privados del miembro llegan primero a su supervisión principal, y a la suplente cuando nadie ha respondido a tiempo. Solo la administración de este equipo puede hacerlo.',
        options: {
          member: 'El miembro, como mención',
          supervisor: 'Quien le supervisa, como mención',
          kind: 'Principal o suplente',
        },
      },
      escalation: {
        description:
          'Define cuánto espera un aviso privado antes de pasar a la siguiente persona (administración)',
        help: 'Cuando quien supervisa no ha visto un aviso privado a tiempo, pasa a la supervisión suplente y después a las personas administradoras que también supervisan. `after` es para la mayoría de los avisos (de 30 min a 72 h, 4h por defecto); `urgent` para "necesito hablar ahora" (de 5 min a 2 h, 15m por defecto). Si no das ninguno, te muestro los tiempos actuales.',
        options: {
          after: 'La mayoría de los avisos, como 4h (de 30m a 72h)',
          urgent: 'Avisos de "hablar ahora", como 15m (de 5m a 2h)',
        },
      },
    },
    timezone: {
      description: 'Define tu propia zona horaria',
      help: 'Los recordatorios y las horas de silencio siguen tu propia zona horaria, como Europe/Berlin o America/Chicago.',
      options: {
        zone: 'Tu zona horaria, como Europe/Berlin',
      },
    },
    'quiet-hours': {
      description: 'Define horas en que guardo los mensajes que no son urgentes, como 21:00-07:00',
      help: 'Durante tus horas de silencio guardo todo lo que no es urgente hasta que terminan, en tu propia zona horaria. Usa `off` para desactivarlas.',
      options: {
        hours: 'Como 21:00-07:00, u off',
      },
    },
    language: {
      description: 'Elige el idioma en que te escribo (es, en o auto)',
      help: 'es: español, en: inglés, auto: sigo el idioma de tu plataforma o, si no lo dice, el de tu equipo. Las publicaciones en el canal del equipo siguen el idioma del equipo (`/peer setup language:es`).',
      options: {
        choice: 'es, en o auto',
      },
    },
    admin: {
      outbox: {
        description: 'Mira los mensajes que esperan entrega y reintenta los que fallaron',
        help: 'Muestra las entregas pendientes y fallidas (por qué fallaron, nunca lo que dicen), con un botón para reintentar cada una. La administración de un equipo ve las de su equipo, desde el canal del equipo, y de los mensajes privados solo cuántos hay; la administración del espacio de trabajo (en Slack, quien administra o es dueño del espacio; en Discord, Gestionar servidor) ve todo el espacio de trabajo, desde cualquier lugar, con la persona a quien va cada uno.',
      },
    },
    find: {
      description: 'Busca líneas de crisis, servicios de derivación, formaciones y material de autocuidado',
      help: 'Busca en los recursos compartidos, como `/peer find text line` o `/peer find peer support training region:GB`. Si buscas crisis, suicidio o autolesión, primero aparecen las líneas de crisis de tu región.',
      options: {
        words: 'Lo que buscas',
        category: 'Solo este tipo de recurso',
        region: 'Solo recursos de esta región, como US, GB o US-TX',
      },
    },
    resources: {
      add: {
        description: 'Agrega un recurso a la lista compartida (administración)',
        help: 'Abre un formulario para una entrada nueva: nombre, tipo, para qué sirve, cómo contactar, dónde y cuándo.',
      },
      suggest: {
        description: 'Sugiere un recurso para la lista compartida',
        help: 'Abre un formulario; alguien de la administración revisa tu sugerencia y te cuento qué decide.',
      },
      review: {
        description: 'Sugerencias pendientes y entradas por revisar (administración)',
        help: 'Muestra las sugerencias de los miembros para aprobar o rechazar, y luego las entradas que nadie revisa hace 180 días, con Sigue bien / Editar / Retirar.',
      },
      import: {
        description: 'Importa recursos desde un archivo (administración del espacio de trabajo)',
        help: 'Explica cómo enviarme un archivo por mensaje directo: HSDS JSON, un paquete de datos HSDS CSV comprimido o el CSV simple.',
      },
      export: {
        description: 'Exporta los recursos compartidos como archivo (administración)',
        help: 'Envía la lista compartida a tus mensajes directos: HSDS JSON (por defecto), un paquete de datos HSDS CSV comprimido o el CSV simple.',
        options: {
          format: 'hsds-json (por defecto), hsds-csv (un zip) o simple-csv',
        },
      },
    },
    checkin: {
      setup: {
        description:
          'Configura un registro de ánimo periódico para este equipo (administración, supervisión)',
        help: 'Abre un formulario: nombre, preguntas, días y hora, qué reloj se sigue, cuánto tiempo queda abierta una ronda y cómo llega el resumen.',
      },
      now: {
        description: 'Abre una ronda de registro ahora mismo (administración, supervisión)',
        help: 'Abre una ronda del primer registro de ánimo (o del círculo de apoyo si no hay ninguno) y envía a cada persona una invitación privada.',
      },
      close: {
        description:
          'Cierra ahora la ronda de registro abierta y publica su resumen (administración, supervisión)',
        help: 'Cierra ahora todas las rondas abiertas de este equipo; cada una publica su resumen en el canal.',
      },
      list: {
        description:
          'Mira los registros de ánimo de este equipo (la administración y la supervisión pueden editar, pausar o borrar)',
        help: 'Muestra los registros de ánimo de este equipo con sus días y horas.',
      },
      roster: {
        description: 'Mira quién está en la lista del registro de ánimo, con sus roles',
        help: 'Las personas de este canal, tal como las muestra la plataforma (sin bots), con sus roles. La administración y la supervisión la vuelven a leer de la plataforma.',
      },
      trend: {
        description: 'Mira la distribución semanal del ánimo y la participación del equipo (supervisión)',
        help: 'Solo cifras, por semana; la distribución del ánimo aparece solo cuando suficientes personas lo compartieron.',
      },
      'min-group': {
        description:
          'Grupo mínimo para mostrar la distribución del ánimo (administración, supervisión; 3 o más)',
        help: 'Los resúmenes y las tendencias muestran la distribución del ánimo solo cuando respondieron al menos estas personas. Nunca baja de 3.',
        options: {
          size: 'Al menos 3',
        },
      },
      pause: {
        description: 'Tómate un descanso de los registros hasta una fecha (licencia, vacaciones)',
        help: 'Mientras no estás, no recibes invitaciones, y las rondas te cuentan como ausente, no como que faltaste.',
        options: {
          until: 'El último día que no estás, como 2026-12-24',
        },
      },
      resume: {
        description: 'Vuelve a los registros antes de que termine tu pausa',
        help: 'Termina una pausa en el acto.',
      },
      optout: {
        description: 'Deja de recibir registros de ánimo',
        help: 'Puedes volver cuando quieras con `/peer checkin optin`.',
      },
      optin: {
        description: 'Vuelve a recibir registros de ánimo',
        help: 'Deshace `/peer checkin optout`.',
      },
      buddy: {
        description:
          'Ofrécete como compañía de apoyo cuando alguien del equipo pida hablar con un par (on u off)',
        help: 'Cuando alguien responde "sí" a "¿quieres que un par te contacte?", se pregunta por turnos a las compañías de apoyo. Nunca mientras estás en pausa o en tus horas de silencio.',
        options: {
          state: 'on u off',
        },
      },
      history: {
        description: 'Mira tus propias respuestas a lo largo del tiempo (solo tú)',
        help: 'Tus respuestas recientes y una pequeña gráfica de tu ánimo. Nadie más puede verlo.',
      },
    },
    flag: {
      description: 'Cuéntale en privado a quien te supervisa que una sesión te pesó',
      help: 'Abre un formulario privado: cuánto te pesa, qué te ayudaría y una nota opcional. Va solo a quien te supervisa, por mensaje directo (el formulario dice a quién), nunca a un canal.',
    },
    flags: {
      description: 'Mira los avisos abiertos de las personas que supervisas, o los tuyos',
      help: 'Quien supervisa ve los avisos abiertos de las personas que supervisa (abre uno para leer su nota; la lectura queda registrada). Cada persona ve sus propios avisos y quién vio cada uno. La administración solo ve cifras anónimas del equipo.',
    },
    plan: {
      description: 'Tu propio plan de bienestar: míralo, edítalo, comparte una sección o recibe una copia',
      help: 'Muestra tu plan de bienestar en privado, con un botón para editar cada sección. `plan share section:triggers` envía una sección a quien te supervisa, solo cuando tú lo pides. `plan export` te envía una copia como archivo.',
      options: {
        action: 'Qué hacer',
        section: 'Qué sección compartir',
      },
    },
    selfcare: {
      description: 'Elige recordatorios de autocuidado para ti, o desactívalos',
      help: 'Abre un formulario privado: un momento contigo al terminar el turno, un "algo para ti" semanal o una frase de tu propio plan, en los días y la hora que elijas. Nadie ve tus respuestas.',
    },
    supervision: {
      new: {
        description: 'Empieza una serie periódica de supervisión grupal (supervisión, administración)',
        help: 'Da un título, la primera fecha y hora, la duración en minutos y cómo se repite: weekly (semanal), biweekly (cada dos semanas), monthly (mensual, el mismo día de la semana) o una RRULE con COUNT o UNTIL. Sin final, dura 12 meses. Ejemplo: `new title:"Supervisión grupal" date:2026-03-02 time:18:00 length:90 repeat:biweekly timezone:Europe/Madrid`.',
        options: {
          title: 'Cómo se llaman las sesiones',
          date: 'La primera fecha, como 2026-03-02',
          time: 'La hora de inicio, como 18:00',
          length: 'Duración en minutos (de 10 a 480)',
          repeat: 'Cómo se repite (semanal por defecto)',
          timezone: 'Zona horaria de la fecha y la hora (por defecto, la tuya)',
          rrule: 'Con repeat:rrule, como FREQ=WEEKLY;BYDAY=TU;COUNT=10',
          until: 'La última fecha en que puede reunirse, como 2026-12-15',
          count: 'Cuántas sesiones (de 1 a 120)',
          facilitator: 'Quién la facilita (por defecto, tú)',
          channel: 'Dónde se publican las sesiones (por defecto, aquí)',
        },
      },
      edit: {
        description: 'Cambia una serie: título, hora, duración, final o quién facilita',
        help: 'Las sesiones movidas y canceladas quedan como están, y las pasadas también. Quienes respondieron conservan su respuesta si la fecha no cambia.',
        options: {
          series: 'El código de la serie, como #a1b2c3',
          title: 'Un título nuevo',
          time: 'Una hora de inicio nueva, como 18:30',
          length: 'Duración en minutos (de 10 a 480)',
          until: 'Una última fecha nueva, como 2026-12-15',
          facilitator: 'Quién la facilita ahora',
        },
      },
      list: {
        description: 'Mira las próximas sesiones de supervisión en tu propia zona horaria',
        help: 'Muestra lo que viene, con botones para confirmar y el código de cada sesión.',
      },
      move: {
        description: 'Mueve una sesión a otra fecha u hora',
        help: 'El resto de la serie queda como está. Todas las personas que respondieron se enteran. La fecha y la hora están en la zona horaria de la sesión, salvo que indiques otra.',
        options: {
          session: 'El código de la sesión, como #a1b2c3',
          date: 'La fecha nueva, como 2026-03-09',
          time: 'La hora de inicio nueva, como 18:00',
          length: 'Duración en minutos (de 10 a 480)',
          timezone: 'Zona horaria de la fecha y la hora nuevas',
        },
      },
      cancel: {
        description: 'Cancela una sesión, o tu reserva individual',
        help: 'El resto de la serie queda. Todas las personas que respondieron (o la otra persona de una sesión individual) se enteran, y un horario individual cancelado vuelve a quedar libre.',
        options: {
          session: 'El código de la sesión, como #a1b2c3',
        },
      },
      poll: {
        description: 'Busca una hora: propone de 2 a 10 horarios y deja que la gente vote',
        help: 'Cada persona vota sí, si hace falta o no en cada horario, y ve cada horario en su propia zona horaria. Ejemplo: `poll title:"Revisión de casos" slots:"2026-03-02 18:00, 2026-03-03 09:00" length:60 closes:48`. Agrega `series:yes` para que la hora elegida sea una serie semanal.',
        options: {
          title: 'De qué es la reunión',
          slots: 'Horarios como 2026-03-02 18:00, separados por comas',
          length: 'Duración en minutos (de 10 a 480)',
          closes: 'Horas hasta que cierra la encuesta (48 por defecto)',
          series: 'Convertir la hora elegida en una serie semanal',
          timezone: 'Zona horaria de los horarios (por defecto, la tuya)',
        },
      },
      topic: {
        description:
          'Agrega un tema a la agenda de la próxima sesión grupal, con tu nombre o en forma anónima',
        help: 'Agrega `anonymous:yes` y no se guarda ningún nombre con el tema. Quien facilita recibe la lista una hora antes.',
        options: {
          text: 'El tema',
          anonymous: 'Guardarlo sin tu nombre',
        },
      },
      ics: {
        description: 'Recibe un archivo de calendario de una sesión o de toda una serie',
        help: 'Se importa en cualquier aplicación de calendario; si lo importas de nuevo después de un cambio, se actualizan las entradas en lugar de duplicarse.',
        options: {
          session: 'Un código de sesión (por defecto, la próxima sesión)',
          series: 'Un código de serie: toda la serie',
        },
      },
      report: {
        description: 'Un CSV de sesiones y asistencia para un rango de fechas (supervisión, administración)',
        help: 'Las fechas están en la zona horaria del equipo; `to` se incluye. Ejemplo: `report from:2026-01-01 to:2026-03-31`.',
        options: {
          from: 'Primera fecha, como 2026-01-01',
          to: 'Última fecha, como 2026-03-31',
        },
      },
      hours: {
        description: 'Tus propias horas de supervisión grupal e individual por mes',
        help: 'Para tus registros de certificación. Solo tú lo ves.',
      },
      settings: {
        description: 'Recordatorios del equipo y publicación de la agenda (supervisión, administración)',
        help: 'Los recordatorios llegan por mensaje directo a quienes van o tal vez van; por defecto, 24h,15m. `agenda:yes` publica la agenda en el canal cuando empieza una sesión.',
        options: {
          reminders: 'Cuándo recordar, como 24h,15m',
          agenda: 'Publicar la agenda en el canal al empezar',
        },
      },
      reminders: {
        description: 'Activa o desactiva tus propios recordatorios de supervisión',
        help: 'Off significa que no recibes mensajes de recordatorio; todo lo demás sigue igual.',
        options: {
          state: 'on u off',
        },
      },
      slots: {
        description: 'Mira los horarios individuales libres, u ofrece los tuyos (supervisión)',
        help: 'Sin `times` muestra los horarios libres. Quien supervisa ofrece horarios así: `slots times:"2026-03-04 10:00, 2026-03-04 11:00" length:50`; los horarios de una misma persona nunca se superponen.',
        options: {
          times: 'Horarios para ofrecer, como 2026-03-04 10:00, separados por comas',
          length: 'Duración en minutos (de 10 a 240, 60 por defecto)',
          timezone: 'Zona horaria de los horarios (por defecto, la tuya)',
        },
      },
      book: {
        description: 'Reserva un horario individual libre',
        help: 'Usa el código de `/peer supervision slots`, como `book slot:#a1b2c3`. Tú y quien te supervisa reciben recordatorios.',
        options: {
          slot: 'El código del horario, como #a1b2c3',
        },
      },
      rebook: {
        description: 'Mueve tu reserva individual a otro horario libre',
        help: 'Las dos cosas pasan juntas: si el horario nuevo ya no está, tu reserva queda como estaba.',
        options: {
          booking: 'El código de tu reserva, como #a1b2c3',
          slot: 'El código del horario nuevo',
        },
      },
    },
    privacy: {
      description: 'Mira lo que guardo sobre ti; expórtalo o bórralo',
      help: 'Un resumen sencillo de lo que PeerBridge guarda sobre ti y quién puede leerlo. `export` te lo envía todo como archivo; `erase` lo borra (antes lo confirmas). La administración del espacio de trabajo puede borrar los datos de alguien que se fue; nadie puede exportar los de otra persona.',
      options: {
        action: 'show (por defecto), export o erase',
        member: 'Solo administración del espacio de trabajo: alguien que se fue, para borrar sus datos',
      },
    },
    help: {
      description: 'Mira en qué te puedo ayudar',
      help: 'Muestra lo que puedes hacer aquí, una línea por cosa. Agrega el nombre de un comando para leer más, como `help checkin`.',
      options: {
        command: 'Un comando sobre el que quieres leer más',
      },
    },
  },
};
