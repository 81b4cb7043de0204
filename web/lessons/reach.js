// What a lesson page builds only once the student comes to it (web/lessons/deferred-panels.js's
// panels below the first screen, web/lessons/text-view.js's text below the workbench): when it
// is reached, and where it is.
//
//   watchReach(targets, {reach, tab}) → {forget(target), stop()}
//     reach(target): the first time `target` comes within half a screen of the view (inside its
//       own scroll box too, whose edge is extended alike); tab(): on Tab, before the focus moves
//       (what it builds joins the tab order). forget(target) stops watching one; stop(), all.
//   inView(node) → bool: some of `node` inside the view of its scroll box (the window when none)
//   scrollBox(node) → the box that scrolls `node` (document.scrollingElement when none)

export function watchReach(targets, {reach, tab}) {
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((seen) => {
      for (const {target, isIntersecting} of seen) {
        if (isIntersecting) reach(target);
      }
    }, {rootMargin: '50% 0px', scrollMargin: '50% 0px'})
    : null;
  for (const target of targets) observer?.observe(target);
  const onKey = (event) => {
    if (event.key === 'Tab') tab();
  };
  document.addEventListener('keydown', onKey, true);
  return {
    forget: (target) => observer?.unobserve(target),
    stop() {
      observer?.disconnect();
      document.removeEventListener('keydown', onKey, true);
    },
  };
}

export function inView(node) {
  const scroller = scrollBox(node);
  const {top, bottom} = scroller === document.scrollingElement ? {top: 0, bottom: innerHeight} : scroller.getBoundingClientRect();
  const box = node.getBoundingClientRect();
  return box.bottom > top && box.top < bottom;
}

export function scrollBox(node) {
  for (let box = node.parentElement; box && box !== document.body; box = box.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(box).overflowY)) return box;
  }
  return document.scrollingElement;
}
