// A box that scrolls sideways when its content is wider (a substituted equation, a result's
// matrix): while it overflows it gets the class `overflows` (fading edges, web/styles.css) and
// its hint shows; with `focusable`, a tab stop too (a keyboard can scroll a box that holds no
// control). check() after new content (measured on the next frame), measure() at once; resizes are
// followed.
export function watchOverflow(box, {hint = null, focusable = false} = {}) {
  let frame = 0;
  const measure = () => {
    frame = 0;
    const overflows = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle('overflows', overflows);
    if (focusable && overflows) box.setAttribute('tabindex', '0');
    else if (focusable) box.removeAttribute('tabindex');
    if (hint) hint.hidden = !overflows;
  };
  const check = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  const observer = new ResizeObserver(check);
  observer.observe(box);
  return {
    check,
    measure() {
      cancelAnimationFrame(frame);
      measure();
    },
    destroy() {
      observer.disconnect();
      cancelAnimationFrame(frame);
    },
  };
}
