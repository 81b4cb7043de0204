// TeX → plain Unicode text for assistive technology: a step's name (∂L/∂W⁽²⁾), the numbers of a
// substituted equation (matrices read row by row in Spanish), a table header. Every number is
// taken as written in the TeX (the steps modules write it from the trace): nothing is computed.
//
//   texText(source) → string
//
// Handles what the lessons and labs write: \mathbf and friends, accents (ŷ, s̄), sub- and
// superscripts (as Unicode where every character has a form, else _(…) and ^(…)), \frac as a/b,
// Greek letters and operators, \left/\right, \text, spacing, bmatrix (S.a11y's vector, row
// vector, matrix words) and aligned (rows joined by ";"). An unknown command reads as its name.
import {S} from './strings/index.js';

const SUP = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
  a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ', n: 'ⁿ', o: 'ᵒ',
  p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ', A: 'ᴬ', B: 'ᴮ', D: 'ᴰ', E: 'ᴱ', G: 'ᴳ',
  H: 'ᴴ', I: 'ᴵ', J: 'ᴶ', K: 'ᴷ', L: 'ᴸ', M: 'ᴹ', N: 'ᴺ', O: 'ᴼ', P: 'ᴾ', R: 'ᴿ', T: 'ᵀ', U: 'ᵁ', V: 'ⱽ', W: 'ᵂ',
  'ᵀ': 'ᵀ', '′': '′', '∗': '*', '*': '*',
};
const SUB = {
  0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ',
  v: 'ᵥ', x: 'ₓ', ',': ',',
};
const SYMBOLS = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π',
  Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  partial: '∂', nabla: '∇', infty: '∞', circ: ' ∘ ', odot: ' ⊙ ', cdot: ' · ', times: ' × ', div: ' ÷ ', pm: ' ± ',
  mp: ' ∓ ', leq: ' ≤ ', le: ' ≤ ', geq: ' ≥ ', ge: ' ≥ ', neq: ' ≠ ', ne: ' ≠ ', approx: ' ≈ ', equiv: ' ≡ ',
  sim: ' ∼ ', propto: ' ∝ ', to: ' → ', rightarrow: ' → ', leftarrow: ' ← ', gets: ' ← ', Rightarrow: ' ⇒ ',
  mapsto: ' ↦ ', in: ' ∈ ', notin: ' ∉ ',
  top: 'ᵀ', intercal: 'ᵀ', prime: '′', ldots: '…', cdots: '⋯', dots: '…', vdots: '⋮', mid: '|', vert: '|',
  lvert: '|', rvert: '|', Vert: '‖', lVert: '‖', rVert: '‖', langle: '⟨', rangle: '⟩', cup: '∪', cap: '∩',
  forall: '∀', exists: '∃', sum: 'Σ', prod: 'Π', int: '∫', ell: 'ℓ', '{': '{', '}': '}', '%': '%', '_': '_',
  '&': '&', '#': '#', '|': '‖', ',': ' ', ';': ' ', ':': ' ', ' ': ' ', '!': '', quad: ' ', qquad: '; ',
};
// Commands that read as their argument.
const PLAIN = new Set(['mathbf', 'boldsymbol', 'bm', 'mathrm', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb',
  'operatorname', 'text', 'textrm', 'textbf', 'textit', 'mbox', 'mathrel', 'mathbin', 'mathop', 'mathord']);
const IGNORED = new Set(['displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'big', 'Big', 'bigg',
  'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'left', 'right']);
const DROPPED = new Set(['phantom', 'hphantom', 'vphantom', 'label', 'tag']);
const ACCENTS = {hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', widetilde: '\u0303', vec: '\u20d7', dot: '\u0307'};
// Read together with what follows: ∂W, not ∂ W.
const PREFIX = new Set(['partial', 'nabla']);
const FUNCTIONS = new Set(['log', 'ln', 'exp', 'tanh', 'sinh', 'cosh', 'sin', 'cos', 'tan', 'max', 'min', 'arg', 'sgn', 'det']);

function tokenize(source) {
  const tokens = [];
  for (let i = 0; i < source.length;) {
    const c = source[i];
    if (c === '\\') {
      const word = /^[A-Za-z]+/.exec(source.slice(i + 1));
      if (word) {
        tokens.push({cmd: word[0]});
        i += 1 + word[0].length;
        // A command eats the spaces after it before a letter (\partial L is ∂L; \eta = 1 keeps its space).
        const next = /^\s+(\S)/.exec(source.slice(i));
        if (next && (/[\p{L}\d]/u.test(next[1]) || PREFIX.has(word[0]))) i += next[0].length - 1;
      } else if (source[i + 1] === '\\') {
        tokens.push({row: true});
        i += 2;
      } else {
        tokens.push({cmd: source[i + 1] ?? ''});
        i += 2;
      }
    } else if (/\s/.test(c)) {
      tokens.push({char: ' '});
      while (/\s/.test(source[i] ?? '')) i++;
    } else {
      tokens.push({char: c});
      i++;
    }
  }
  return tokens;
}

const script = (map, text, mark) => {
  const chars = [...text];
  if (chars.length && chars.every((c) => map[c])) return chars.map((c) => map[c]).join('');
  if (mark === '_' && /^\p{L}{2,}$/u.test(text)) return ` ${text}`;  // a word: W̄ ingenuo
  return chars.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
};
// An accent on the first letter: s̄₃, not s₃̄.
const accent = (text, mark) => {
  const [first = '', ...rest] = [...text];
  return `${first}${mark}${rest.join('')}`;
};
// A fraction's part in parentheses when it is more than one term.
const part = (text) => (/[\s+−=·,]/.test(text.trim()) && !/^\(.*\)$/.test(text.trim()) ? `(${text.trim()})` : text.trim());

function tidy(text) {
  return text.replace(/\s+/g, ' ').replace(/\s*;\s*(;\s*)*/g, '; ').replace(/\(\s+/g, '(').replace(/\s+([),])/g, '$1')
    .replace(/,\s*;/g, ';').replace(/^[\s;]+|[\s;]+$/g, '').normalize('NFC');
}

export function texText(source, words = S.a11y) {
  const tokens = tokenize(String(source));
  let at = 0;
  const peek = () => tokens[at];
  const skipSpaces = () => {
    while (peek()?.char === ' ') at++;
  };

  // One argument: a {group} or a single token.
  function argument() {
    skipSpaces();
    const token = peek();
    if (!token) return '';
    if (token.char === '{') {
      at++;
      const text = sequence((t) => t.char === '}');
      at++;
      return text;
    }
    at++;
    return atom(token);
  }

  // The raw name in \begin{name}.
  function name() {
    skipSpaces();
    if (peek()?.char !== '{') return '';
    at++;
    let text = '';
    while (peek() && peek().char !== '}') text += tokens[at++].char ?? '';
    at++;
    return text;
  }

  // Cells of an environment up to \end{…}: rows of cells.
  function environment() {
    const rows = [[]];
    let cell = '';
    for (;;) {
      const token = peek();
      if (!token) break;
      if (token.cmd === 'end') {
        at++;
        name();
        break;
      }
      if (token.row) {
        at++;
        rows.at(-1).push(tidy(cell));
        rows.push([]);
        cell = '';
      } else if (token.char === '&') {
        at++;
        rows.at(-1).push(tidy(cell));
        cell = '';
      } else {
        cell += sequence((t) => t.cmd === 'end' || t.row || t.char === '&');
      }
    }
    rows.at(-1).push(tidy(cell));
    return rows.filter((row) => row.some((c) => c !== ''));
  }

  function matrix(rows) {
    if (!rows.length) return '';
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
    if (rows[0].length === 1 && rows.every((row) => row.length === 1)) return ` ${words.vector(rows.map((row) => row[0]))} `;
    if (rows.length === 1) return ` ${words.rowVector(rows[0])} `;
    return ` ${words.matrix(rows)} `;
  }

  function command(cmd) {
    if (PLAIN.has(cmd)) return argument();
    if (IGNORED.has(cmd)) {
      if ((cmd === 'left' || cmd === 'right') && peek()) {
        const delimiter = tokens[at++];
        return delimiter.char === '.' ? '' : atom(delimiter);
      }
      return '';
    }
    if (DROPPED.has(cmd)) {
      argument();
      return '';
    }
    if (ACCENTS[cmd]) return accent(argument(), ACCENTS[cmd]);
    if (cmd === 'frac' || cmd === 'tfrac' || cmd === 'dfrac') {
      const top = argument();
      const bottom = argument();
      return `${part(top)}/${part(bottom)} `;
    }
    if (cmd === 'sqrt') return `√${part(argument())}`;
    if (cmd === 'begin') {
      const env = name();
      const rows = environment();
      if (/matrix$/.test(env)) return matrix(rows);
      return ` ${rows.map((row) => row.join(' ')).join('; ')} `;
    }
    if (cmd === 'end') {
      name();
      return '';
    }
    if (cmd in SYMBOLS) return SYMBOLS[cmd];
    if (FUNCTIONS.has(cmd)) return `${cmd} `;
    return cmd;
  }

  function atom(token) {
    if (token.cmd !== undefined) return command(token.cmd);
    if (token.row) return '; ';
    if (token.char === '-') return '−';
    if (token.char === "'") return '′';
    if (token.char === '~') return ' ';
    return token.char ?? '';
  }

  // Tokens up to `stop` (not consumed), with their scripts.
  function sequence(stop) {
    let out = '';
    while (peek() && !stop(peek())) {
      const token = tokens[at++];
      if (token.char === '^' || token.char === '_') {
        const text = tidy(argument()).replace(/\s/g, '');
        out += token.char === '^' ? script(SUP, text, '^') : script(SUB, text, '_');
      } else if (token.char === '{') {
        out += sequence((t) => t.char === '}');
        at++;
      } else if (token.char === '}') {
        // an unmatched brace: ignored
      } else {
        out += atom(token);
      }
    }
    return out;
  }

  return tidy(sequence(() => false));
}
