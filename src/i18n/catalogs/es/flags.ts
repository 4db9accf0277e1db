import type { Catalog } from '../../catalog-types.ts';

export const flags: Catalog['flags'] = {
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
  and: ' y ',
  age: {
    now: 'hace un momento',
    minutes: 'hace {{count}} min',
    hours: 'hace {{count}} h',
    days_one: 'hace {{count}} día',
    days_other: 'hace {{count}} días',
  },
  errors: {
    level: 'elige qué tan fuerte es; "Solo lo anoto" también está bien',
    wish: 'elige qué te ayudaría',
    noteTooLong: 'La nota puede tener hasta {{limit}} caracteres (esta tiene {{length}})',
    notSent:
      'Todavía no envié nada: {{problems}}. No se guardó nada; vuelve a intentarlo con `/peer flag` cuando quieras.',
    join: '; ',
    followUpTooLong:
      'La nota de seguimiento puede tener hasta {{limit}} caracteres. No se guardó nada; el aviso sigue abierto.',
    staleButton: 'Ese botón ya no sabe de qué aviso era. `/peer flags` te muestra los avisos actuales.',
    notFound: 'Ya no encuentro ese aviso. `/peer flags` te muestra los avisos actuales.',
    ownFlag: 'Este aviso es tuyo; `/peer flags` te lo muestra junto con quién lo ha visto.',
    refused:
      'Este aviso es privado: solo pueden verlo la persona que lo envió y quienes la supervisan, así que no puedo mostrártelo. Si crees que deberías poder verlo, pregúntale a una persona administradora del equipo.',
    noTeam:
      'Todavía no encuentro ningún equipo del que formes parte, así que no hay nadie a quien pasarle un aviso. Una persona administradora de tu equipo puede sumarte (`/peer team role`) o, si tu equipo aún no tiene canal, cualquiera puede crearlo con `/peer setup` allí. No se guardó nada. Si necesitas a alguien ahora mismo, busca a una persona de confianza o una línea de crisis.',
  },
  notice: {
    title: 'Un aviso privado de {{name}}',
    howStrong: 'Qué tan fuerte',
    wish: 'Qué le ayudaría',
    when: 'Cuándo',
    open: 'Abrir',
    reachOut: 'Me pondré en contacto',
    noted: 'Anotado',
    footer:
      'Solo tú ves esto. **Abrir** te muestra lo que haya escrito, solo a ti (cada lectura queda registrada). Le avisaré a {{name}} cuando respondas. `/peer flags` muestra los avisos abiertos de las personas que supervisas.',
    footerWhy:
      '{{why}} Solo tú ves esto. **Abrir** te muestra lo que haya escrito, solo a ti (cada lectura queda registrada). Le avisaré a {{name}} cuando respondas. `/peer flags` muestra los avisos abiertos de las personas que supervisas.',
    escalatedWhy:
      'Todavía no lo ha visto nadie de quienes lo recibieron ({{names}}), así que ahora también te llega a ti.',
    reroutedWhy: 'Cambió quién supervisa a esta persona, así que ahora te llega a ti.',
  },
  open: {
    erased: '_La nota se borró al terminar el período de conservación._',
    note: '**Su nota:**\n{{note}}',
    noNote: '_Sin nota._',
    followUp: '**Nota de seguimiento:**\n{{note}}',
    onlyYou: 'Solo tú ves esto. Esta apertura quedó registrada, como cada lectura de un aviso privado.',
  },
  answer: {
    reachOut: 'Gracias. Le conté a {{name}} que lo viste y que te pondrás en contacto.',
    noted: 'Gracias. Le conté a {{name}} que lo viste y lo tienes en cuenta.',
    seenReachOut: '{{name}} vio tu aviso ({{when}}) y se pondrá en contacto contigo.',
    seenNoted:
      '{{name}} vio tu aviso ({{when}}) y lo tiene en cuenta. Siempre puedes contar más con `/peer flag`.',
    alreadyClosed: 'Este aviso ya está cerrado, así que no cambió nada. Gracias por revisarlo.',
    alreadyAnswered: 'No hace falta: {{by}}, así que no cambió nada. Gracias por revisarlo.',
    answeredBy: '{{name}} ya lo respondió ({{when}})',
    answeredSomeone: 'ya tenía respuesta',
    closedDm:
      '{{name}} hizo el seguimiento de tu aviso y lo cerró. Si vuelve a pesarte, siempre puedes enviar otro aviso.',
    closedReply: 'Cerrado. Le conté a {{name}} que hiciste el seguimiento; tu nota sigue siendo privada.',
  },
  close: {
    title: 'Cerrar este aviso',
    submit: 'Cerrarlo',
    intro:
      'Tu nota de seguimiento es privada: solo la pueden leer tú y las demás personas que supervisan a esta persona. A quien envió el aviso se le dice que se cerró, no lo que escribiste.',
    label: 'Nota de seguimiento privada (opcional)',
  },
  pairNudge:
    '{{name}}, de {{team}}, todavía no tiene a nadie que le supervise. Cuando tengas un momento, asígnale supervisión en el canal del equipo con `/peer team supervisor`, para que lo que cuente en privado llegue a una persona.',
  escalation: {
    movedOn: 'Tu aviso llegó a {{seen}} y todavía nadie lo ha visto, así que ahora también va a {{next}}.',
    nobodyElse:
      'Tu aviso llegó a {{seen}}, pero todavía nadie lo ha visto, y no hay nadie más en tu equipo a quien pueda pasárselo. Si necesitas a alguien ahora, busca a una persona de confianza o una línea de crisis.',
    nobodyLeftAdmins:
      'Un aviso privado urgente en {{team}} no encontró a nadie que pudiera responderlo a tiempo. No puedo decir de quién era ni qué decía. Revisen que cada persona tenga supervisión principal y suplente, y que al menos una persona administradora también supervise, para que un aviso siempre llegue a alguien.',
    rerouted:
      'Cambió la supervisión de tu equipo, así que tu aviso abierto ahora va a {{names}}. Solo esas personas pueden leerlo; nadie que ya no te supervise puede.',
  },
  dropped:
    'Tu aviso privado no le llegó a {{name}}: ya no te supervisa, así que no recibió nada de él. Si todavía quieres hablar, `/peer flag` envía uno nuevo a quien te supervisa ahora.',
  list: {
    summary: 'Avisos',
    supervisedHeader: 'Avisos abiertos de las personas que supervisas',
    row: '**{{name}}** · {{age}} · {{level}} · quiere: {{wish}} · {{status}}',
    status: {
      closed: 'cerrado',
      seen: 'visto',
      passedOn: 'en espera, pasado a otra persona',
      waiting: 'en espera',
    },
    open: 'Abrir',
    reachOut: 'Me pondré en contacto',
    closeWithNote: 'Cerrar con una nota',
    more_one: '{{count}} más; responde estos primero y aparecerá.',
    more_other: '{{count}} más; responde estos primero y aparecerán.',
    ownHeader: 'Tus avisos',
    ownRow: '• {{age}} · {{level}} · {{seen}}',
    ownRowClosed: '• {{age}} · {{level}} · {{seen}} · cerrado',
    seenBy: 'visto por {{names}}',
    seenEntry: '{{name}} ({{when}})',
    notSeen: 'todavía sin ver',
    figuresHeader: 'Cifras del equipo (anónimas)',
    figuresTooFew:
      '• {{team}}: todavía no hay avisos suficientes para mostrar cifras sin señalar a nadie (hacen falta avisos de al menos {{min}} personas).',
    figuresRow:
      '• {{team}}: {{flags}} avisos, {{acknowledged}} con respuesta; tiempo mediano de respuesta {{minutes}} min.',
    figuresNote:
      'Las personas administradoras solo ven estas cifras, nunca quién envió un aviso ni qué escribió.',
    empty:
      'No hay avisos aquí. Si una sesión te pesa, `/peer flag` se lo cuenta en privado a quien te supervisa.',
    onlyYou: 'Solo tú ves esta lista.',
  },
  home: 'Si una sesión te pesa, puedes contárselo en privado a quien te supervisa. Nadie más lo ve.',
  privacy: {
    label: 'Avisos privados',
    value:
      '{{count}}. Solo tú y las personas de supervisión a quienes llegó cada aviso pueden leerlos (cada lectura suya queda registrada). Las notas están cifradas y se borran a los {{days}} días; las personas administradoras del equipo solo ven cifras anónimas.',
  },
};
