import type { Catalog } from '../../catalog-types.ts';

export const selfcare: Catalog['selfcare'] = {
  topics: {
    'end-of-shift': 'Al terminar el turno: "¿cómo te vas hoy del trabajo?"',
    weekly: 'Cada semana: "¿hiciste algo por ti esta semana?"',
    'plan-line': 'Una línea de mi propio plan de bienestar',
  },
  days: {
    MO: 'Lunes',
    TU: 'Martes',
    WE: 'Miércoles',
    TH: 'Jueves',
    FR: 'Viernes',
    SA: 'Sábado',
    SU: 'Domingo',
  },
  controls: { snooze: 'Posponer 1 h', skip: 'Saltar hoy', stop: 'No enviar más' },
  footnote: 'Solo para ti: no guardo ni comparto ninguna respuesta. `/peer selfcare` cambia estos mensajes.',
  endOfShift: {
    summary: '¿Cómo te vas hoy del trabajo?',
    text: '**¿Cómo te vas hoy del trabajo?** Respira un momento antes de irte. Puedes responderte a ti, o solo darte cuenta.',
    okay: 'Me voy bien',
    heavy: 'Fue pesado',
  },
  weekly: {
    summary: '¿Hiciste algo por ti esta semana?',
    text: '**¿Hiciste algo por ti esta semana?** Hasta algo pequeño cuenta. Si no, quizá haya un momento para eso antes de que termine la semana.',
  },
  planLine: {
    summary: 'Una línea de tu plan de bienestar',
    text: '**De tu propio plan de bienestar:**\n{{line}}',
    empty:
      'Tu plan de bienestar todavía no tiene líneas en "Desencadenantes y qué hacer". Con `/peer plan` puedes agregar algunas cuando quieras.',
  },
  form: {
    title: 'Mensajes de autocuidado',
    submit: 'Guardar',
    intro:
      'Elige los mensajes que quieras, si quieres alguno. Llegan por mensaje directo en tu propia zona horaria, nunca en tus horas de silencio. No elijas ninguno para desactivarlos todos.',
    topics: '¿Qué mensajes?',
    days: '¿Qué días (fin de turno, línea del plan)?',
    weekly: '¿Qué día para el semanal?',
    time: '¿A qué hora? (por ejemplo 17:30)',
    timeHint: 'Si lo dejas vacío, 17:00.',
  },
  errors: {
    choices:
      'Algunas de esas opciones no llegaron como esperaba. No se guardó nada; vuelve a intentarlo con `/peer selfcare`.',
    time: 'Indica una hora del día, como 17:30, para saber cuándo enviarlos. No se guardó nada.',
    days: 'Elige al menos un día para el mensaje de fin de turno o de línea del plan. No se guardó nada.',
    gone: 'Ese mensaje ya no está. Con `/peer selfcare` puedes volver a elegir tus mensajes.',
    goneSnooze: 'Ese mensaje ya no está. `/peer selfcare` te muestra lo que elegiste.',
  },
  saved: {
    none: 'Listo: sin mensajes de autocuidado. Puedes volver a elegir cuando quieras con `/peer selfcare`.',
    some: 'Guardado: {{topics}}, a las {{time}} ({{zone}}). Nunca en tus horas de silencio; cada mensaje tiene Posponer, Saltar y No enviar más.',
    join: '; ',
  },
  answers: {
    snoozed: 'Pospuesto: te vuelvo a preguntar en una hora (o cuando terminen tus horas de silencio).',
    skipped: 'Saltado por hoy. Cuídate.',
    stopped:
      'Listo: no habrá más mensajes de autocuidado. Puedes volver a elegir cuando quieras con `/peer selfcare`.',
    okay: 'Me alegra saberlo. Descansa.',
  },
  heavy: {
    summary: 'Gracias por darte cuenta',
    text: 'Gracias por darte cuenta. Esa respuesta se queda contigo. Si quieres que lo sepa quien te supervisa, puedes contárselo en privado.',
    flag: 'Avisar en privado',
  },
  privacy: {
    label: 'Mensajes de autocuidado',
    value: '{{count}} elegidos por ti. Tus respuestas nunca se guardan ni se comparten.',
  },
};
