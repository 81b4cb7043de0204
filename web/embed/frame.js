// What the page does in a frame before anything else (docs/embed.md): report its height to the
// parent at every layout change, and, in a frame sandboxed without allow-same-origin (an opaque
// origin: the core, its workers and the lazy modules cannot load), say what the host must allow.
import '../styles/embed.css';
import {el} from '../dom.js';
import {S} from '../strings/index.js';
import {framed, listenToParent, post, readMeasure} from './messages.js';

// Posts {type: 'backprop:resize', height} whenever the document's height changes (CSS pixels,
// rounded up). The document is observed, not the viewport: the frame's own height never feeds back.
// Chromium does not run the rendering steps (and so no ResizeObserver) of a cross-origin frame
// out of view, often a lesson further down a course page: what the page renders is measured at
// once too (heightChanged), so that the host sizes the frame before it is scrolled to.
let send = () => {};
export const heightChanged = () => send();

export function reportHeight() {
  let last = -1;
  send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    post('resize', {height});
  };
  const observer = new ResizeObserver(send);  // its first call comes once the page is laid out
  observer.observe(document.documentElement);
  // embed.js loaded after the frame asks again.
  listenToParent((data) => {
    if (!readMeasure(data)) return;
    last = -1;
    send();
  });
}

// True when the page may go on booting; false after showing the blocked-frame message in `app`.
export function startFrame(app) {
  if (!framed) return true;
  reportHeight();
  if (window.origin !== 'null') return true;
  app.replaceChildren(el('main', {class: 'message frame-blocked'}, [
    el('p', {class: 'frame-blocked-title'}, S.embed.blockedTitle),
    el('p', {}, S.embed.blockedText),
  ]));
  heightChanged();
  return false;
}
