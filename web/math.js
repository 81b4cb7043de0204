// KaTeX rendering. katex.render builds DOM nodes and sets their styles through the CSSOM, which a
// strict Content-Security-Policy (style-src 'self') allows; renderToString + innerHTML would not be.
import katex from 'katex';
import {el} from './dom.js';
import {texText} from './tex-text.js';

// output: 'htmlAndMathml' (KaTeX's default: what is seen plus MathML for screen readers) or 'html'.
export function tex(source, {display = false, className, output = 'htmlAndMathml'} = {}) {
  const node = el(display ? 'div' : 'span', {class: className});
  katex.render(source, node, {displayMode: display, throwOnError: false, strict: 'ignore', output});
  return node;
}

// The same math read out as plain text (web/tex-text.js, visually hidden) instead of KaTeX's
// MathML, which the KaTeX HTML replaces for assistive technology: where a name or a header needs
// text (a button, a heading, a table header) or MathML would cost layout (the big matrices).
// `text`: what is read, when not the source's texText.
export function texWithText(source, {display = false, className, text} = {}) {
  const node = tex(source, {display, className, output: 'html'});
  node.prepend(el('span', {class: 'sr-only'}, text ?? texText(source)));
  return node;
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
