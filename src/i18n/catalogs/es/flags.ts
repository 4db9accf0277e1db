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
};
