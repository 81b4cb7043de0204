// The lesson page's panels below the stepper and the diagram (the editor, the training, the
// gradient check, …), out of the first screen: built after the page has shown what is in view,
// so that a first visit answers sooner. Each is built, whichever comes first:
// - before the first paint when its place is in view (a tall screen);
// - when the browser is idle, one panel per idle period, in the page's order;
// - when its place comes near the view (half a screen above or below it, inside the workbench's
//   own scroll box too);
// - all at once on Tab (before the focus moves, so that every control is in the tab order) and
//   before printing.
// What the student sees does not move: a panel built starting above the view scrolls the view by
// as much as the panel grew. Every panel is a mount(slot) → {destroy()} as before; its slot (the section
// with its name) is in the page from the start, a screen high (web/styles.css) and aria-busy
// until built.
import {whenIdle} from '../idle.js';

// entries: [{slot, mount: (slot) → {destroy()}}], in the page's order.
export function mountDeferred(entries) {
  const pending = new Set(entries);
  const mounted = [];
  let cancelIdle = () => {};
  for (const {slot} of entries) {
    slot.classList.add('deferred');
    slot.setAttribute('aria-busy', 'true');
  }

  function build(entry) {
    if (!pending.delete(entry)) return;
    observer?.unobserve(entry.slot);
    keepingView(entry.slot, () => {
      entry.slot.classList.remove('deferred');
      entry.slot.removeAttribute('aria-busy');
      mounted.push(entry.mount(entry.slot));
    });
    if (!pending.size) stop();
  }
  const buildAll = () => [...pending].forEach(build);

  function next() {
    const [first] = pending;
    if (first) build(first);
    if (pending.size) cancelIdle = whenIdle(next);
  }

  // Near the view: half a screen around it, the nested scroll box's edge extended alike.
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((seen) => {
      for (const {target, isIntersecting} of seen) {
        if (isIntersecting) build(entries.find(({slot}) => slot === target));
      }
    }, {rootMargin: '50% 0px', scrollMargin: '50% 0px'})
    : null;
  for (const {slot} of entries) observer?.observe(slot);
  // In view at the first paint: built in that frame, after the page's layout (the observer's first
  // report comes only after the paint).
  let frame = requestAnimationFrame(() => {
    frame = 0;
    for (const entry of [...pending]) {
      if (entry.slot.isConnected && inView(entry.slot)) build(entry);
    }
  });

  const onKey = (event) => {
    if (event.key === 'Tab') buildAll();
  };
  document.addEventListener('keydown', onKey, true);
  window.addEventListener('beforeprint', buildAll);
  cancelIdle = whenIdle(next);

  function stop() {
    cancelIdle();
    cancelAnimationFrame(frame);
    observer?.disconnect();
    document.removeEventListener('keydown', onKey, true);
    window.removeEventListener('beforeprint', buildAll);
  }
  if (!entries.length) stop();

  return {
    destroy() {
      stop();
      pending.clear();
      for (const m of mounted) m?.destroy?.();
    },
  };
}

// Runs `change`, which makes `slot` grow; when the slot starts above the view of its scroll box
// (the workbench's own box on a wide screen, the document otherwise), what is in view below it
// would be pushed down: the view follows by what it actually moved (the browser's own scroll
// anchoring may have already made up for part of it).
function keepingView(slot, change) {
  if (!slot.isConnected) return change();
  const scroller = scrollBox(slot);
  const viewTop = scroller === document.scrollingElement ? 0 : scroller.getBoundingClientRect().top;
  const before = slot.getBoundingClientRect();
  if (before.top >= viewTop) return change();
  const scrolled = scroller.scrollTop;
  const result = change();
  const grown = slot.getBoundingClientRect().height - before.height;
  const owed = Math.round(grown - (scroller.scrollTop - scrolled));
  if (owed) scroller.scrollTop += owed;
  return result;
}

// Some of `slot` inside the view of its scroll box (the window when none of its own).
export function inView(slot) {
  const scroller = scrollBox(slot);
  const {top, bottom} = scroller === document.scrollingElement ? {top: 0, bottom: innerHeight} : scroller.getBoundingClientRect();
  const box = slot.getBoundingClientRect();
  return box.bottom > top && box.top < bottom;
}

function scrollBox(node) {
  for (let box = node.parentElement; box && box !== document.body; box = box.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(box).overflowY)) return box;
  }
  return document.scrollingElement;
}
