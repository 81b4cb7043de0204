// A box that scrolls sideways when its content is wider (a substituted equation, a result's
// matrix): while it overflows it gets the class `overflows` (fading edges, web/styles.css) and
// its hint shows; with `focusable`, a tab stop too (a keyboard can scroll a box that holds no
// control). check() after new content (measured on the next frame), measure() at once; resizes are
// followed.
//
// Boxes are measured together: every box read, then every box written. A write (the class, the tab
// stop) changes style, so reading the next box after it would lay the page out again: a lesson's
// text has dozens of these boxes, and one layout each took tens of milliseconds on a first visit.
const pending = new Set();
let frame = 0;
const watched = new WeakMap();  // box → its watcher, for the one observer
let observer = null;

function flush() {
  frame = 0;
  const watchers = [...pending];
  pending.clear();
  measureAll(watchers);
}

// Measures these watchers' boxes now, all reads before all writes.
export function measureAll(watchers) {
  const overflows = watchers.map((w) => w.read());
  watchers.forEach((w, i) => w.write(overflows[i]));
}

export function watchOverflow(box, {hint = null, focusable = false} = {}) {
  const watcher = {
    read: () => box.scrollWidth > box.clientWidth + 1,
    write(overflows) {
      box.classList.toggle('overflows', overflows);
      if (focusable && overflows) box.setAttribute('tabindex', '0');
      else if (focusable) box.removeAttribute('tabindex');
      if (hint) hint.hidden = !overflows;
    },
    check() {
      pending.add(watcher);
      if (!frame) frame = requestAnimationFrame(flush);
    },
    measure() {
      pending.delete(watcher);
      measureAll([watcher]);
    },
    destroy() {
      pending.delete(watcher);
      observer?.unobserve(box);
      watched.delete(box);
    },
  };
  observer ??= new ResizeObserver((entries) => entries.forEach(({target}) => watched.get(target)?.check()));
  watched.set(box, watcher);
  observer.observe(box);
  return watcher;
}
