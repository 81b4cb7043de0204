// What every diagram is mounted in: the SVG in a scroller in a canvas (the popover's positioning
// context), then a caption, a legend and a hint; the drawing follows the scroller's width, keeps
// a minimum scale (scrolling sideways below it) and brings a part into view when asked.
import {el, svg} from '../../dom.js';

// Below this scale the drawing scrolls sideways instead of shrinking further.
export const MIN_SCALE = 0.9;
// Below this width (SVG units, about pixels) the drawings use their compact metrics.
export const COMPACT_BELOW = 560;

// prefix: 'dg' or 'rd'; className: the root's; notes: nodes between the canvas and the caption.
export function createFigure({prefix, className, hint = '', notes = []}) {
  const figure = svg('svg', {class: `${prefix}-svg`, xmlns: 'http://www.w3.org/2000/svg'});
  const scroller = el('div', {class: `${prefix}-scroller`}, figure);
  const canvas = el('div', {class: `${prefix}-canvas`}, scroller);
  const caption = el('p', {class: `${prefix}-caption`});
  const legendSlot = el('div', {class: `${prefix}-legend-slot`});
  const hintNode = el('p', {class: `${prefix}-hint`}, hint);
  const root = el('div', {class: className}, [canvas, ...notes, caption, legendSlot, hintNode]);
  return {root, figure, scroller, canvas, caption, legendSlot, hint: hintNode};
}

// Sets the drawing's size to a geometry {width, height, natural, scrolls}, touching only what
// changed; too wide to shrink legibly, it keeps a minimum width and scrolls.
export function sizeFigure(figure, {width, height, natural, scrolls}) {
  const [w, h] = [width.toFixed(1), height.toFixed(1)];
  if (figure.getAttribute('width') !== w || figure.getAttribute('height') !== h || !figure.hasAttribute('viewBox')) {
    figure.setAttribute('viewBox', `0 0 ${w} ${h}`);
    figure.setAttribute('width', w);
    figure.setAttribute('height', h);
  }
  const minWidth = scrolls ? `${Math.ceil(natural * MIN_SCALE)}px` : '';
  if (figure.style.minWidth !== minWidth) figure.style.minWidth = minWidth;
}

// Draws now, at every change of the store, and on the next frame whenever the scroller's width
// changes (the drawing follows it: text stays about one pixel per unit); draw(available) gets
// that width in pixels, 720 until it is laid out. destroy() stops it all, calls stop() and
// empties the container.
export function keepDrawn(container, {scroller}, ctx, draw, stop) {
  let width = 0;
  let frame = 0;
  const render = () => draw(width || 720);
  const observer = new ResizeObserver((entries) => {
    const next = Math.round(entries[entries.length - 1].contentRect.width);
    if (!next || next === width) return;
    width = next;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  });
  observer.observe(scroller);
  const unsubscribe = ctx.store.subscribe(render);
  render();
  return {
    destroy() {
      unsubscribe();
      observer.disconnect();
      cancelAnimationFrame(frame);
      stop();
      container.replaceChildren();
    },
  };
}

// Scrolls sideways so that x (SVG units of a drawing `drawingWidth` wide) is in view, at least
// `margin` pixels from either edge.
export function reveal({figure, scroller}, x, drawingWidth, margin) {
  const px = (x * figure.clientWidth) / drawingWidth;
  const view = scroller.clientWidth;
  if (px < scroller.scrollLeft + margin || px > scroller.scrollLeft + view - margin) scroller.scrollLeft = px - view / 2;
}
