// A canvas as wide as its box and sharp at the device's pixel ratio: `sizeOf(width)` gives its CSS
// size for the box's width, and `draw()` is called after each resize. In draw(), begin() gives
// the 2D context scaled to CSS pixels over a white background (what "Guardar PNG" saves).
export function fitCanvas(node, canvas, {sizeOf, draw}) {
  let css = {width: 1, height: 1};
  const ratio = () => globalThis.devicePixelRatio || 1;
  function resize(width) {
    css = sizeOf(width);
    canvas.width = Math.round(css.width * ratio());
    canvas.height = Math.round(css.height * ratio());
    draw();
  }
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(([entry]) => {
    if (Math.round(entry.contentRect.width) !== css.width) resize(entry.contentRect.width);
  }) : null;
  observer?.observe(node);
  return {
    get css() {
      return css;
    },
    begin() {
      const g = canvas.getContext('2d');
      g.setTransform(ratio(), 0, 0, ratio(), 0, 0);
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, css.width, css.height);
      return g;
    },
    destroy() {
      observer?.disconnect();
    },
  };
}
