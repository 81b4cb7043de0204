// Text widths in the page's font, measured on a canvas and cached; a rough estimate (`estimate`
// times the size per character) until the drawing is in the document and its font is known.
// measured = canvas width × `scale` + 1 (a margin for bold).
export function createMeasure({estimate, scale}) {
  let family = '';
  let context = null;
  const widths = new Map();
  return {
    get font() {
      return family;
    },
    // The font of `node` once it is in the document; `once`: only the first time.
    readFont(node, {once = false} = {}) {
      if ((once && family) || !node.isConnected) return;
      family = getComputedStyle(node).fontFamily;
    },
    width(text, size) {
      if (!family) return [...text].length * size * estimate;
      const key = `${family}|${size}|${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        context ??= document.createElement('canvas').getContext('2d');
        context.font = `${size}px ${family}`;
        width = context.measureText(text).width * scale + 1;
        widths.set(key, width);
      }
      return width;
    },
  };
}
