import type { Catalog } from '../../catalog-types.ts';

export const privacy: Catalog['privacy'] = {
  notAMention: "No supe quién es '{{value}}'. Menciónale con @, por ejemplo @alex.",
  summary: {
    title: 'Lo que PeerBridge guarda sobre ti',
    header: 'Lo que guardo sobre ti, y quién puede verlo',
    nothing: 'Todavía no guardo nada sobre ti.',
    reads: '**Veces que otra persona leyó, recibió o exportó tu texto privado:** {{count}}.',
    footer:
      'Nada privado se publica nunca en un canal. `/peer privacy export` te envía en un archivo todo lo que guardo; `/peer privacy erase` lo borra. Puedes desactivar cualquier mensaje, y saltarte uno nunca aparece en ningún informe.',
  },
  export: {
    fileTitle: 'Tus datos de PeerBridge',
    sent: 'Te envié en un mensaje directo un archivo con todo lo que guardo sobre ti. Puede contener texto privado, así que guárdalo en un lugar seguro.',
    sentOther:
      'Te envié en un mensaje directo un archivo con los datos de {{name}}, para que se los entregues. Puede contener texto privado: guárdalo con cuidado y borra tu copia después. Esto quedó registrado.',
    unreachable:
      'Ahora mismo no pude llegar a tus mensajes directos, así que no se envió nada. Vuelve a intentarlo en un rato.',
    nothing: 'No guardo nada sobre ti, así que no hay nada que exportar ni borrar.',
  },
  erase: {
    title: '¿Borrar tus datos?',
    titleOther: '¿Borrar los datos de {{name}}?',
    text: 'Esto borra para siempre de PeerBridge tu texto privado y tus datos personales: respuestas, notas, planes, roles y ajustes. Lo que compartiste con el equipo con tu nombre también se quita de las publicaciones de registro del canal. Solo quedan los recuentos anónimos y las respuestas compartidas sin nombre (como “se dio una respuesta”). No se puede deshacer. Si quieres una copia, usa antes `/peer privacy export`.',
    textOther:
      'Esto borra para siempre de PeerBridge el texto privado y los datos personales de {{name}}: respuestas, notas, planes, roles y ajustes. Lo que compartió con el equipo con su nombre también se quita de las publicaciones de registro del canal. Solo quedan los recuentos anónimos y las respuestas compartidas sin nombre (como “se dio una respuesta”). No se puede deshacer. Si quieres una copia, usa antes `/peer privacy export`.',
    yes: 'Sí, borrarlos',
    no: 'No, conservarlos',
    done: 'Listo: tus datos están borrados. Si vuelves a usar PeerBridge, empieza de cero. Cuídate.',
    doneOther: 'Listo: los datos de {{name}} están borrados. Esto quedó registrado.',
    kept: 'No se borró nada. Tus datos siguen como estaban.',
    stale: 'Ese botón perdió sus datos. Vuelve a usar `/peer privacy erase`.',
    nothingLeft: 'Ya no queda nada que borrar.',
  },
  subject: {
    unknown: 'No guardo nada sobre esa persona en este espacio de trabajo.',
    cannotCheck:
      'No pude confirmar con la plataforma si {{name}} se fue, así que no cambié nada. Vuelve a intentarlo en un rato.',
    stillHere:
      '{{name}} sigue en uno de los canales de equipo de este espacio de trabajo, así que le toca decidirlo: puede usar `/peer privacy` por su cuenta.',
    gone: 'Ya no queda nada que borrar: esos datos ya no están.',
  },
};
