export const share = {
  button: 'Compartir',
  title: 'Compartir este ejemplo',
  link: 'Enlace a este ejemplo y este paso',
  iframe: 'Código para insertarlo en una página del curso',
  iframeTitle: 'Retropropagación interactiva',
  copied: 'Copiado al portapapeles: el enlace y el código del iframe.',
  copyByHand: 'Selecciona y copia el enlace o el código.',
  close: 'Cerrar',
};
