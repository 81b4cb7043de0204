// A lesson's text (web/lessons/*/text.js) with KaTeX; the blocks that explain the current step
// are highlighted. Following a step never moves the page: when the text has a scroll box of its
// own (two columns) only that box scrolls to the block's start; otherwise (one column, a frame)
// nothing scrolls until reveal() is asked for (the stepper's "see it in the text").
import {el} from '../dom.js';
import {richText, tex} from '../math.js';
import {S} from '../strings/index.js';
import {measureAll, watchOverflow} from '../components/scroll-cue.js';
import {whenIdle} from '../idle.js';
import {inView as onScreen, watchReach} from './reach.js';

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
  const cues = [];  // the scrolling blocks' watchers
  let lastTag = null;  // the step's tag the highlighted blocks explain
  container.append(el('h2', {class: 'lesson-title'}, lesson.title));
  // Each section's heading at once; its blocks (KaTeX, the costly part) when first needed: the
  // current step's section once the text is reached (below), then at each step; the others when
  // the browser is idle; all of them before printing. What is in view stays where it is while the
  // sections fill (fillKeepingPlace).
  const sections = lesson.sections.map((section) => ({
    section,
    node: el('section', {id: `texto-${section.id}`, class: 'lesson-section'}, el('h3', {}, section.title)),
    filled: false,
    next: 0,  // its first block still to render
    tagged: [],  // [node, tags]: its blocks that explain steps
  }));
  container.append(...sections.map(({node}) => node));
  // Renders the section's blocks still to render, or while `more(node, block)` says so after each
  // one: at idle those that fit in part of it (a section fills over several idle periods, not in one
  // long task that a tap would wait for), in the first frame those that fill the view.
  function fill(entry, more = null) {
    if (entry.filled) return;
    const from = cues.length;
    const {blocks} = entry.section;
    while (entry.next < blocks.length) {
      const block = blocks[entry.next++];
      const node = renderBlock(block, cues);
      if (block.steps?.length) {
        node.classList.add('explains');
        node.classList.toggle('current', block.steps.includes(lastTag));
        entry.tagged.push([node, block.steps]);
      }
      entry.node.append(node);
      if (more && !more(node, block)) break;
    }
    entry.filled = entry.next === blocks.length;
    // Filled on the page (not at mount): its scrolling blocks are tab stops at once, not a frame
    // later, for whatever reads the page meanwhile.
    if (container.isConnected) measureAll(cues.slice(from));
  }
  // The first section that explains `tag` (the first section when none does).
  const sectionFor = (tag) => sections.find(({section}) => section.blocks.some((block) => block.steps?.includes(tag))) ?? sections[0];
  // What the student sees stays where it is while a section fills: the step's block when it is in
  // view, otherwise the first block in view, keeps its place on screen (the view follows it by as
  // much as it moved); with the whole text above the view (one column), what is in view is below
  // the text and follows the section's growth. The browser's scroll anchoring is off in the text
  // (web/styles.css): at the top of the text's box it kept the heading above an empty section, not
  // the step's block below it.
  let owed = 0;  // what the view still has to follow, below a whole pixel (scrolling rounds)
  function fillKeepingPlace(entry, more) {
    const box = ownBox();
    const scroller = box ? container : document.scrollingElement;
    const view = box ? container.getBoundingClientRect() : {top: 0, bottom: innerHeight};
    const inView = (node) => {
      const {top, bottom} = node.getBoundingClientRect();
      return bottom > view.top && top < view.bottom;
    };
    const anchor = current && inView(current) ? current : [...container.querySelectorAll('.lesson-section > *')].find(inView);
    const textAbove = !box && container.getBoundingClientRect().bottom <= view.top;
    const place = () => (anchor ? anchor.getBoundingClientRect().top : entry.node.getBoundingClientRect().height);
    const before = place();
    fill(entry, more);
    // Our smooth scroll still on its way to the step's block (a busy machine fills sections in the
    // middle of it): setting scrollTop would stop it short of the block, so it is sent on to where
    // the block is now.
    if (sliding) {
      if (!frame) frame = requestAnimationFrame(follow);
      return;
    }
    if (!anchor && !textAbove) return;  // nothing in view moves
    owed += place() - before;
    const by = Math.round(owed);
    if (by) scroller.scrollTop += by;  // even += 0 would stop a scroll under way
    owed -= by;
  }
  // The text is reached: the current step's section, whose KaTeX is most of a first layout, waits
  // for it, since on a phone the text is below the stepper. Whichever comes first: the second frame
  // with the text in view (beside the workbench, a tall screen: the first frame shows the
  // workbench alone, which the student can use while the text fills), the text within half a
  // screen of the view, the browser idle, Tab (its equations' boxes are tab stops), reveal(),
  // printing. In a frame (embed=1) at once: the frame's height is reported now.
  let waiting = !ctx.store.get().embed;
  const near = waiting ? watchReach([container], {reach: () => reached(true), tab: () => reached()}) : null;
  // `toView`: the text is on screen and nothing of it is shown yet; the step's section is rendered
  // down to the step's first block and then as far as fills the view below that block's start
  // (the text is scrolled there next, before the frame's paint), the rest of it at idle before the
  // other sections.
  function start(toView = false) {
    if (!waiting) return;
    waiting = false;
    near?.stop();
    const entry = sectionFor(lastTag);
    if (toView) {
      const height = ownBox() ? container.clientHeight : innerHeight;
      let first = null;
      fill(entry, (node, block) => {
        if (!first) {
          if (block.steps?.includes(lastTag)) first = node;
          return true;
        }
        return node.getBoundingClientRect().bottom - first.getBoundingClientRect().top < height;
      });
    } else if (container.isConnected) {
      fillKeepingPlace(entry);
    } else {
      fill(entry);
    }
    mark();
  }
  // Reached after the first frame: the step's block is followed in the next one. `toView`: only
  // what fills the view when the text is on screen (it came into view).
  function reached(toView = false) {
    start(toView && container.isConnected && onScreen(container));
    if (!frame) frame = requestAnimationFrame(follow);
  }

  let cancelIdle = () => {};
  function fillNext(deadline) {
    if (waiting) {
      reached();
      cancelIdle = whenIdle(fillNext);
      return;
    }
    // The step's section first when the first frame rendered only part of it.
    const next = sections.find((entry) => !entry.filled && entry.next > 0) ?? sections.find((entry) => !entry.filled);
    if (!next) return;
    // Half the idle time left: a block's KaTeX can take as long again, and a tap should not wait.
    const until = performance.now() + (deadline?.timeRemaining?.() ?? 0) / 2;
    const more = () => performance.now() < until;
    if (container.isConnected) fillKeepingPlace(next, more);
    else fill(next, more);
    cancelIdle = whenIdle(fillNext);
  }
  const fillAll = () => {
    start();
    for (const entry of sections) fill(entry);
  };
  window.addEventListener('beforeprint', fillAll);

  let current = null;  // the first highlighted block
  let frame = 0;
  let shown = false;  // scrolled once: the first time without animation
  let painted = false;  // a frame has shown the page (the workbench before the text)
  let sliding = false;  // a smooth scroll of ours still on its way (to an earlier step's block)
  let slideTimer = 0;
  const stopSliding = () => {
    sliding = false;
    clearTimeout(slideTimer);
  };
  container.addEventListener('scrollend', stopSliding);
  const smooth = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');
  const ownBox = () => /auto|scroll/.test(getComputedStyle(container).overflowY);
  // A box of its own is a tab stop, so that a keyboard can scroll it (its links and scrolling
  // blocks may not be filled yet).
  function markBox() {
    if (ownBox()) container.setAttribute('tabindex', '0');
    else container.removeAttribute('tabindex');
  }
  // The block's start at the top of the text's own box (below its scroll margin), unless the
  // whole block is already in view and stays there.
  function follow() {
    frame = 0;
    markBox();
    if (waiting && container.isConnected) {
      if (!painted) {  // the page's first frame: the workbench alone, the text in the next one
        painted = true;
        frame = requestAnimationFrame(follow);
        return;
      }
      if (onScreen(container)) start(true);  // before this frame's paint
    }
    if (!current || !ownBox()) return;
    const box = container.getBoundingClientRect();
    const at = current.getBoundingClientRect();
    // A section above still to fill would push the block down: it goes to the top at once.
    const below = sections.some(({node, filled}) => !filled && node.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (!sliding && !below && at.top >= box.top && at.bottom <= box.bottom) return;
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
  // The blocks that explain the step highlighted; `current`, the first of them.
  function mark() {
    let first = null;
    for (const entry of sections) {
      for (const [node, tags] of entry.tagged) {
        const on = tags.includes(lastTag);
        node.classList.toggle('current', on);
        if (on && !first) first = node;
      }
    }
    current = first;
  }
  function render(state) {
    const tag = state.steps[state.step]?.tag;
    if (tag === lastTag) return;
    lastTag = tag;
    if (!waiting) fill(sectionFor(tag));
    mark();
    // After layout: on the first render the page is not in the document yet.
    if (!frame) frame = requestAnimationFrame(follow);
  }
  render(ctx.store.get());
  cancelIdle = whenIdle(fillNext);
  const unsubscribe = ctx.store.subscribe(render);
  // KaTeX's fonts widen the equations once loaded, inside boxes whose size does not change.
  const recheck = () => cues.forEach((cue) => cue.check());
  document.fonts?.addEventListener('loadingdone', recheck);
  window.addEventListener('resize', markBox);
  return {
    renderAll: fillAll,  // every section now (printing fills them too)
    // Brings the highlighted block into view from its start (the document scrolls when the text
    // has no box of its own; the block's scroll margin keeps it below the sticky step bar).
    reveal() {
      start();
      current?.scrollIntoView({block: 'start', behavior: smooth()});
    },
    destroy() {
      unsubscribe();
      cancelAnimationFrame(frame);
      cancelIdle();
      near?.stop();
      window.removeEventListener('beforeprint', fillAll);
      window.removeEventListener('resize', markBox);
      clearTimeout(slideTimer);
      for (const cue of cues) cue.destroy();
      document.fonts?.removeEventListener('loadingdone', recheck);
    },
  };
}
