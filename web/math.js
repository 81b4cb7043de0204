// KaTeX rendering. katex.render builds DOM nodes and sets their styles through the CSSOM, which a
// strict Content-Security-Policy (style-src 'self') allows; renderToString + innerHTML would not be.
import katex from 'katex';
import {el} from './dom.js';

// output: 'htmlAndMathml' (KaTeX's default: what is seen plus MathML for screen readers) or 'html'.
export function tex(source, {display = false, className, output = 'htmlAndMathml'} = {}) {
  const node = el(display ? 'div' : 'span', {class: className});
  katex.render(source, node, {displayMode: display, throwOnError: false, strict: 'ignore', output});
  return node;
}

// Lesson prose: inline math $…$, **bold** and `code`, nothing else.
export function richText(text) {
  const nodes = [];
  const pattern = /\$([^$]+)\$|\*\*([^*]+)\*\*|`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    if (match[1] !== undefined) nodes.push(tex(match[1]));
    else if (match[2] !== undefined) nodes.push(el('strong', {}, richText(match[2])));
    else nodes.push(el('code', {}, match[3]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
