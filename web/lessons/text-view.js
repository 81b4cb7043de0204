// A lesson's text (web/lessons/*/text.js) with KaTeX; the blocks that explain the current step
// are highlighted. Following a step never moves the page: when the text has a scroll box of its
// own (two columns) only that box scrolls to the block's start; otherwise (one column, a frame)
// nothing scrolls until reveal() is asked for (the stepper's "see it in the text").
import {el} from '../dom.js';
import {richText, tex} from '../math.js';
import {S} from '../strings/index.js';
import {watchOverflow} from '../components/scroll-cue.js';

// A block that may scroll sideways (an equation, code, a table on a narrow screen): named, and a
// tab stop while it overflows, so that a keyboard can scroll it.
function scrollable(node, label, cues) {
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', label);
  cues.push(watchOverflow(node, {focusable: true}));
  return node;
}

export function renderBlock(block, cues) {
  const A = S.a11y;
  if (block.math) return scrollable(tex(block.math, {display: true, className: 'equation'}), A.equationBox, cues);
  if (block.list) {
    return el(block.ordered ? 'ol' : 'ul', {}, block.list.map((item) => el('li', {}, richText(item))));
  }
  if (block.code) return scrollable(el('pre', {}, el('code', {class: `language-${block.lang ?? 'text'}`}, block.code)), A.codeBox, cues);
  if (block.table) {
    // In a box of its own that scrolls sideways on a narrow screen, not the page.
    return scrollable(el('div', {class: 'text-table-box'}, el('table', {class: 'text-table'}, [
      el('thead', {}, el('tr', {}, block.table.head.map((h) => el('th', {}, richText(h, {mathAsText: true}))))),
      el('tbody', {}, block.table.rows.map((row) => el('tr', {}, row.map((c) => el('td', {}, richText(String(c))))))),
    ])), A.tableBox, cues);
  }
  return el('p', {}, richText(block.p ?? ''));
}

export function mountLessonText(container, ctx, lesson) {
  const tagged = [];  // [node, tags]
  const cues = [];  // the scrolling blocks' watchers
  container.append(el('h2', {class: 'lesson-title'}, lesson.title));
  for (const section of lesson.sections) {
    const body = section.blocks.map((block) => {
      const node = renderBlock(block, cues);
      if (block.steps?.length) {
        node.classList.add('explains');
        tagged.push([node, block.steps]);
      }
      return node;
    });
    container.append(el('section', {id: `texto-${section.id}`, class: 'lesson-section'}, [el('h3', {}, section.title), ...body]));
  }

  let lastTag = null;
  let current = null;  // the first highlighted block
  let frame = 0;
  let shown = false;  // scrolled once: the first time without animation
  let sliding = false;  // a smooth scroll of ours still on its way (to an earlier step's block)
  let slideTimer = 0;
  const stopSliding = () => {
    sliding = false;
    clearTimeout(slideTimer);
  };
  container.addEventListener('scrollend', stopSliding);
  const smooth = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');
  // The block's start at the top of the text's own box (below its scroll margin), unless the
  // whole block is already in view and stays there.
  function follow() {
    frame = 0;
    if (!current || !/auto|scroll/.test(getComputedStyle(container).overflowY)) return;
    const box = container.getBoundingClientRect();
    const at = current.getBoundingClientRect();
    if (!sliding && at.top >= box.top && at.bottom <= box.bottom) return;
    const margin = parseFloat(getComputedStyle(current).scrollMarginTop) || 0;
    const behavior = shown ? smooth() : 'auto';
    container.scrollTo({top: container.scrollTop + at.top - box.top - margin, behavior});
    shown = true;
    if (behavior === 'smooth') {
      sliding = true;
      clearTimeout(slideTimer);
      slideTimer = setTimeout(stopSliding, 2000);  // where 'scrollend' never comes
    }
  }
  function render(state) {
    const tag = state.steps[state.step]?.tag;
    if (tag === lastTag) return;
    lastTag = tag;
    let first = null;
    for (const [node, tags] of tagged) {
      const on = tags.includes(tag);
      node.classList.toggle('current', on);
      if (on && !first) first = node;
    }
    current = first;
    // After layout: on the first render the page is not in the document yet.
    if (first && !frame) frame = requestAnimationFrame(follow);
  }
  render(ctx.store.get());
  const unsubscribe = ctx.store.subscribe(render);
  // KaTeX's fonts widen the equations once loaded, inside boxes whose size does not change.
  const recheck = () => cues.forEach((cue) => cue.check());
  document.fonts?.addEventListener('loadingdone', recheck);
  return {
    // Brings the highlighted block into view from its start (the document scrolls when the text
    // has no box of its own; the block's scroll margin keeps it below the sticky step bar).
    reveal() {
      current?.scrollIntoView({block: 'start', behavior: smooth()});
    },
    destroy() {
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(slideTimer);
      for (const cue of cues) cue.destroy();
      document.fonts?.removeEventListener('loadingdone', recheck);
    },
  };
}
