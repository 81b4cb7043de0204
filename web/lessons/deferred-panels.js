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
import {inView, scrollBox, watchReach} from './reach.js';

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
    reached.forget(entry.slot);
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

  // Near the view, or Tab (./reach.js).
  const reached = watchReach(entries.map(({slot}) => slot), {
    reach: (slot) => build(entries.find((entry) => entry.slot === slot)),
    tab: buildAll,
  });
  // In view at the first paint: built in that frame, after the page's layout (the observer's first
  // report comes only after the paint).
  let frame = requestAnimationFrame(() => {
    frame = 0;
    for (const entry of [...pending]) {
      if (entry.slot.isConnected && inView(entry.slot)) build(entry);
    }
  });

  window.addEventListener('beforeprint', buildAll);
  cancelIdle = whenIdle(next);

  function stop() {
    cancelIdle();
    cancelAnimationFrame(frame);
    reached.stop();
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
