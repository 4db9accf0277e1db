import type { Catalog } from '../../catalog-types.ts';

// Section names follow the glossary's WRAP® sections (docs/i18n/glossary.md).
export const plans: Catalog['plans'] = {
  sections: {
    daily: {
      title: 'Mantenimiento diario',
      prompt: 'Lo que te mantiene bien día a día: dormir, comer, personas, pequeñas rutinas.',
    },
    triggers: {
      title: 'Desencadenantes y qué hacer',
      prompt: 'Lo que puede removerte por dentro, y lo que te ayuda cuando pasa. Un paso por línea.',
    },
    'warning-signs': {
      title: 'Señales de alerta temprana',
      prompt: 'Pequeñas señales de que las cosas empiezan a torcerse, y lo que haces entonces.',
    },
    'breaking-down': {
      title: 'Cuando las cosas se están desmoronando',
      prompt: 'Cómo notas que todo se está poniendo mucho más difícil, y lo que quieres que pase.',
    },
    people: { title: 'Personas de apoyo', prompt: 'A quién puedes acudir, y cómo.' },
    crisis: {
      title: 'Plan de crisis',
      prompt: 'Lo que quieres que otras personas sepan y hagan si estás en crisis.',
    },
    'after-crisis': {
      title: 'Después de una crisis',
      prompt: 'Lo que te ayuda a recuperarte después.',
    },
  },
  view: {
    header: 'Tu plan de bienestar',
    onlyYou:
      'Solo tú puedes leerlo. Está cifrado, y nadie ve una sección a menos que la compartas con `/peer plan share section:<nombre>`.',
    section: '**{{title}}** (`{{key}}`)\n{{text}}',
    notWritten: '**{{title}}** (`{{key}}`)\n_Todavía sin escribir. {{prompt}}_',
    edit: 'Editar: {{title}}',
    export: 'Enviarme una copia en un archivo',
    empty: 'Tu plan de bienestar todavía está vacío',
    summary: 'Tu plan de bienestar ({{count}} de 7 secciones)',
    home: 'Mi plan de bienestar',
  },
  form: {
    submit: 'Guardar',
    intro: '{{prompt}} Solo tú puedes leerlo. Déjalo vacío para borrar esta sección.',
    hint: 'Hasta {{limit}} caracteres.',
  },
  file: {
    title: 'Tu plan de bienestar',
    heading: 'Plan de bienestar',
    exported: '_Exportado el {{date}}. Guarda este archivo en un lugar privado._',
    notWritten: '_Todavía sin escribir._',
  },
  share: {
    summary: '{{name}} compartió contigo una parte de su plan de bienestar',
    header: '{{name}} compartió: {{section}}',
    keep: '{{name}} eligió compartir contigo esta sección. Por favor, que quede entre ustedes.',
    section: 'Sección',
    when: 'Cuándo',
    open: 'Abrir',
    footer:
      'Solo tú ves esto. **Abrir** te muestra la sección solo a ti (cada lectura queda registrada). {{name}} eligió compartir esta sección; nada más de su plan se compartió.',
    gone: 'Esa sección compartida ya no está (puede que se haya borrado). Si la necesitas, pídesela a esa persona.',
    notYours:
      'Esta sección se compartió con quien supervisa a esa persona, así que no puedo mostrártela. Si crees que deberías verla, pregúntale a esa persona.',
    sent: 'Envié tu sección "{{section}}" a {{name}}, y solo esa sección. Nada más de tu plan se compartió.',
    empty:
      'Tu sección "{{section}}" está vacía, así que todavía no hay nada que compartir. No se envió nada.',
    noSupervisor:
      'Todavía no tienes a nadie que te supervise, así que no pude compartirla. Una persona administradora del equipo puede asignarte supervisión con `/peer team supervisor`. No se envió nada.',
    which:
      '¿Qué sección quieres compartir? Por ejemplo `/peer plan share section:triggers`. Secciones: {{sections}}.',
    name: 'Indica qué sección quieres compartir: {{sections}}.',
    dropped:
      'Tu sección "{{section}}" no le llegó a {{name}}: ya no te supervisa, así que no recibió nada y sigue siendo privada. Si quieres, vuelve a compartirla con quien te supervisa ahora: `/peer plan share section:{{key}}`.',
  },
  copy: {
    sent: 'Te envié una copia de tu plan a tus mensajes directos, en un archivo Markdown. Solo tú puedes verla allí.',
    unreachable:
      'Ahora mismo no pude llegar a tus mensajes directos. No se envió nada; vuelve a intentarlo más tarde.',
  },
  errors: {
    stale: 'Ese botón ya no sabe de qué sección era. Vuelve a abrir `/peer plan`.',
    staleShare: 'Ese botón ya no sabe de qué sección era.',
    tooLong:
      '"{{section}}" puede tener hasta {{limit}} caracteres, y esto tenía {{length}}. No se guardó nada; acórtalo un poco y vuelve a intentarlo.',
  },
  privacy: {
    label: 'Plan de bienestar',
    none: 'nada guardado',
    some: '{{count}} de 7 secciones, cifradas; solo tú puedes leerlo, y una sección llega a quien te supervisa solo cuando la compartes',
  },
};
