// Embedding in a course platform (docs/embed.md): the frame that cannot load, the read-only
// lessons, the labs' embed link and the share panel's options for teachers.
export const embed = {
  // Shown by a frame sandboxed without allow-same-origin. index.html holds the same two
  // sentences as static HTML (tests/web/embed.test.js keeps them equal), for when no script loads.
  blockedTitle: 'Esta lección no puede cargarse dentro de este marco.',
  blockedText:
    'La página del curso la inserta en un iframe con sandbox sin allow-same-origin, y el navegador bloquea así sus archivos. ' +
    'Quien administra el curso debe añadir allow-same-origin al iframe: sandbox="allow-scripts allow-same-origin".',
  readOnly: 'Esta vista es de solo lectura.',
  readOnlyHint: 'Vista de solo lectura: avanza y retrocede por los pasos.',
  fullLab: 'Abrir el laboratorio completo',
  // The share panel's options.
  options: {
    title: 'Opciones para insertarlo en el curso',
    readOnly: 'Solo lectura (sin editor: solo avanzar por los pasos)',
    step: 'Abrir en el paso',
    panels: 'Paneles que se muestran',
    panelNames: {
      text: 'Texto de la lección',
      stepper: 'Pasos',
      diagram: 'Diagrama',
      editor: 'Editor',
      training: 'Entrenamiento',
      gradcheck: 'Comprobación del gradiente',
      explorer: 'Explorador de gradientes',
    },
    snippet: 'Código para la página del curso (el iframe y el script que ajusta su altura)',
    copy: 'Copiar el código',
    copied: 'Código copiado.',
    preview: 'Vista previa',
    previewTitle: 'Vista previa de la lección insertada',
    embedUrl: 'Dirección del iframe',
  },
};
