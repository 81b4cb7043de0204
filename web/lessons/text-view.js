// A lesson's text (web/lessons/*/text.js) with KaTeX; the blocks that explain the current step
// are highlighted and scrolled into view.
import {el} from '../dom.js';
import {richText, tex} from '../math.js';

function renderBlock(block) {
  if (block.math) return tex(block.math, {display: true, className: 'equation'});
  if (block.list) {
    return el(block.ordered ? 'ol' : 'ul', {}, block.list.map((item) => el('li', {}, richText(item))));
  }
  if (block.code) return el('pre', {}, el('code', {class: `language-${block.lang ?? 'text'}`}, block.code));
  if (block.table) {
    return el('table', {class: 'text-table'}, [
      el('thead', {}, el('tr', {}, block.table.head.map((h) => el('th', {}, richText(h))))),
      el('tbody', {}, block.table.rows.map((row) => el('tr', {}, row.map((c) => el('td', {}, richText(String(c))))))),
    ]);
  }
  return el('p', {}, richText(block.p ?? ''));
}

export function mountLessonText(container, ctx, lesson) {
  const tagged = [];  // [node, tags]
  container.append(el('h2', {class: 'lesson-title'}, lesson.title));
  for (const section of lesson.sections) {
    const body = section.blocks.map((block) => {
      const node = renderBlock(block);
      if (block.steps?.length) {
        node.classList.add('explains');
        tagged.push([node, block.steps]);
      }
      return node;
    });
    container.append(el('section', {id: `texto-${section.id}`, class: 'lesson-section'}, [el('h3', {}, section.title), ...body]));
  }

  let lastTag = null;
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
    // After layout: on the first render the page is not in the document yet.
    if (first) requestAnimationFrame(() => first.scrollIntoView({block: 'nearest', behavior: 'smooth'}));
  }
  render(ctx.store.get());
  const unsubscribe = ctx.store.subscribe(render);
  return {destroy: unsubscribe};
}
