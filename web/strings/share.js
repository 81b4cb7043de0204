export const share = {
  button: 'Compartir',
  title: 'Compartir este ejemplo',
  link: 'Enlace a este ejemplo y este paso',
  iframe: 'Código para insertarlo en una página del curso',
  iframeTitle: 'Retropropagación interactiva',
  copied: 'Copiado al portapapeles: el enlace y el código del iframe.',
  copyByHand: 'Selecciona y copia el enlace o el código.',
  tooLong: 'Este escenario es demasiado grande para caber en un enlace: el enlace lleva solo el paso y abre el ejemplo de la lección. Para compartirlo, guárdalo como archivo («Guardar escenario») y comparte el archivo: «Abrir escenario» lo carga.',
  close: 'Cerrar',
};
