// KaTeX rendering. katex.render builds DOM nodes and sets their styles through the CSSOM, which a
// strict Content-Security-Policy (style-src 'self') allows; renderToString + innerHTML would not be.
import katex from 'katex';
import {el} from './dom.js';
import {language} from './strings/index.js';
import {texText} from './tex-text.js';

// Rendered math kept for `cached` calls (the stepper's, drawn again at every step back and forth):
// a copy of the nodes costs a fraction of KaTeX's rendering and the text read out. The least
// recently used go first.
const rendered = new Map();
const CACHED = 300;
function kept(key, className, build) {
  let node;
  const copy = key && rendered.get(key);
  if (copy) {
    rendered.delete(key);
    rendered.set(key, copy);
    node = copy.cloneNode(true);
  } else {
    node = build();
    if (key) {
      rendered.set(key, node.cloneNode(true));
      if (rendered.size > CACHED) rendered.delete(rendered.keys().next().value);
    }
  }
  if (className) node.className = className;
  return node;
}

// output: 'htmlAndMathml' (KaTeX's default: what is seen plus MathML for screen readers) or 'html'.
// cached: kept for the next call with the same math (above).
export function tex(source, {display = false, className, output = 'htmlAndMathml', cached = false} = {}) {
  return kept(cached && `${display} ${output} ${source}`, className, () => {
    const node = el(display ? 'div' : 'span');
    katex.render(source, node, {displayMode: display, throwOnError: false, strict: 'ignore', output});
    return node;
  });
}

// The same math read out as plain text (web/tex-text.js, visually hidden) instead of KaTeX's
// MathML, which the KaTeX HTML replaces for assistive technology: where a name or a header needs
// text (a button, a heading, a table header) or MathML would cost layout (the big matrices).
// `text`: what is read, when not the source's texText.
export function texWithText(source, {display = false, className, text, cached = false} = {}) {
  // The text read out is in the page's language (texText's words), so the language is in the key.
  return kept(cached && `${display} text ${language()} ${text ?? ''} ${source}`, className, () => {
    const node = tex(source, {display, output: 'html'});
    node.prepend(el('span', {class: 'sr-only'}, text ?? texText(source)));
    return node;
  });
}

// Lesson prose: inline math $…$, **bold** and `code`, nothing else. {mathAsText}: the math through
// texWithText (a table header).
export function richText(text, {mathAsText = false} = {}) {
  const nodes = [];
  const pattern = /\$([^$]+)\$|\*\*([^*]+)\*\*|`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    if (match[1] !== undefined) nodes.push(mathAsText ? texWithText(match[1]) : tex(match[1]));
    else if (match[2] !== undefined) nodes.push(el('strong', {}, richText(match[2], {mathAsText})));
    else nodes.push(el('code', {}, match[3]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
