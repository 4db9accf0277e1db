import type { Catalog } from '../../catalog-types.ts';

export const platform: Catalog['platform'] = {
  forms: {
    readyTitle: '{{title}} te espera',
    ready: '**{{title}}** te espera. Pulsa el botón cuando quieras.',
    open: 'Abrir el formulario',
    partSavedTitle: 'La parte {{done}} de {{count}} está guardada',
    partSaved:
      'Gracias, ya tengo la parte {{done}} de {{count}}. Pulsa Continuar para seguir con la siguiente.',
    nothingSentYet: 'No se envía nada hasta que llegue la última parte.',
    continue: 'Continuar',
    tryAgainTitle: 'Hay algo en el formulario que necesita un pequeño cambio',
    tryAgain: 'Intentar de nuevo',
    expired:
      'No encontré a qué corresponde ese formulario; quizá estuvo abierto mucho tiempo o me reinicié mientras tanto. No se guardó nada, y puedes empezar de nuevo cuando quieras.',
    notNow: 'Ahora no',
    typeNumbers: 'Escribe números o nombres, separados por comas',
    typeNumber: 'Escribe un número o un nombre',
    noMatch: "{{label}}: no encontré una opción que coincida con '{{typed}}'.",
    noMatches: '{{label}}: no encontré opciones que coincidan con {{typed}}.',
    notAChoice: "'{{given}}' no es una de las opciones de {{label}}.",
    tryNumbers:
      'Prueba con un número de la lista o con el nombre tal como aparece. Todavía no se guardó nada.',
  },
  replies: {
    doneTitle: 'Listo',
    done: 'Todo listo. Gracias.',
    postedBelowTitle: 'Publicado abajo',
    postedBelow: 'Publicado abajo, donde todo el equipo puede verlo.',
    continued: '{{text}} (continúa)',
  },
  shell: {
    optional: ' (opcional, Enter para saltar)',
    keep: ' (pulsa Enter para dejar {{shown}})',
    keepOrEmpty: ' (pulsa Enter para dejar {{shown}}; escribe - para dejarlo vacío)',
    example: 'p. ej. {{example}}',
    severalLines: '(Varias líneas: termina una línea con \\\\ para seguir en la siguiente.)',
    pickOne: 'Escribe un número o un nombre.',
    pickSome: 'Escribe números o nombres, separados por comas.',
    current: ' (actual)',
    now: ' (ahora)',
    needsAnswer: 'Esta necesita una respuesta. Con unas pocas palabras basta.',
    tooLong: 'Son {{length}} caracteres, y aquí caben hasta {{max}}. Una versión más corta está muy bien.',
    noMatch: 'No encontré una opción que coincida. Prueba con un número de la lista.',
    noMatches: 'No encontré {{typed}}. Prueba con números de la lista.',
    inFormHelp:
      'Estás respondiendo un formulario: escribe una respuesta, pulsa Enter para saltar una pregunta opcional, o /cancel para dejarlo a un lado.',
    inFormCommand:
      'Estás en medio de un formulario. Escribe tu respuesta, o /cancel para dejar el formulario a un lado primero.',
    formFor: '[formulario para {{name}}] {{title}}',
    nothingToFill:
      '(Aquí no hay nada que llenar: pulsa Enter para enviarlo, o /cancel para dejarlo a un lado.)',
    oneAtATime: '(Responde una pregunta a la vez. /cancel deja el formulario a un lado y no envía nada.)',
    questionOf: '({{n}} de {{count}})',
    cancelled:
      'Muy bien, dejé ese formulario a un lado. No se envió ni se guardó nada, y puedes abrirlo de nuevo cuando quieras.',
    unfinished:
      'La entrada terminó antes de completar el formulario, así que no se envió ni se guardó nada de él.',
    farewell: 'Hasta pronto. Cuídate mucho.',
    bannerTitle: 'Espacio de prueba de PeerBridge',
    bannerHello:
      '¡Hola! Este es un espacio de chat de prueba en tu terminal, para que pruebes PeerBridge\nsin Slack, Discord ni tokens.',
    bannerKept: 'Lo que hagas se guarda {{where}}.',
    bannerKeptDefault: 'en la base de datos integrada',
    bannerYou: 'Eres {{person}}, en el canal #{{channel}}. Prueba esto:',
    bannerSetup: 'convierte este canal en un equipo de pares (pasas a administrarlo)',
    bannerHelp: 'todo lo que PeerBridge puede hacer',
    bannerAs: 'sé otra persona, y mira qué se guarda sobre ella',
    bannerCommands: 'Comandos del espacio de prueba:',
    bannerLeave: 'Sal cuando quieras con /quit o Ctrl-D.',
  },
  slack: {
    unreadableForm:
      'Lo siento, no pude leer ese formulario, así que no se guardó nada. No hiciste nada mal; inténtalo de nuevo, por favor.',
  },
};
