// Embedding in a course platform (docs/embed.md): the frame that cannot load, the read-only
// lessons, the labs' embed link and the share panel's options for teachers.
export const embed = {
  // Shown by a frame sandboxed without allow-same-origin (index.html holds the Spanish
  // sentences as static HTML, for when no script loads).
  blockedTitle: 'This lesson cannot load inside this frame.',
  blockedText:
    'The course page embeds it in an iframe sandboxed without allow-same-origin, so the browser blocks its files. ' +
    'Whoever runs the course must add allow-same-origin to the iframe: sandbox="allow-scripts allow-same-origin".',
  readOnly: 'This view is read-only.',
  readOnlyHint: 'Read-only view: step forward and back through the steps.',
  fullLab: 'Open the full lab',
  // The share panel's options.
  options: {
    title: 'Options for embedding it in the course',
    readOnly: 'Read-only (no editor: only stepping through)',
    step: 'Open at step',
    panels: 'Panels shown',
    panelNames: {
      text: 'Lesson text',
      stepper: 'Steps',
      diagram: 'Diagram',
      editor: 'Editor',
      training: 'Training',
      gradcheck: 'Gradient check',
      explorer: 'Gradient explorer',
    },
    snippet: 'Code for the course page (the iframe and the script that adjusts its height)',
    copy: 'Copy the code',
    copied: 'Code copied.',
    preview: 'Preview',
    previewTitle: 'Preview of the embedded lesson',
    embedUrl: 'Address of the iframe',
  },
};
