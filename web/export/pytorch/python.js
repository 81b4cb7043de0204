// Python source text from JavaScript values: literals that read back as the same doubles, and
// small helpers to lay out code. Pure (no DOM).

// A float literal: JavaScript's shortest round-trip text is Python's too; integers get ".0" so
// that torch.tensor never makes an integer tensor.
export function pyFloat(x) {
  if (Number.isNaN(x)) return 'math.nan';
  if (!Number.isFinite(x)) return x > 0 ? 'math.inf' : '-math.inf';
  if (Object.is(x, -0)) return '-0.0';
  const text = String(x);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

// A nested list of numbers (or null rows → None) as a Python list literal.
export function pyList(value) {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'number') return pyFloat(value);
  return `[${Array.from(value, pyList).join(', ')}]`;
}

// A matrix written one row a line when it has several rows, so that a student can read it.
export function pyMatrix(rows, indent = '    ') {
  if (!Array.isArray(rows) || rows.length <= 1 || !Array.isArray(rows[0])) return pyList(rows);
  return `[\n${rows.map((r) => `${indent}${pyList(r)},`).join('\n')}\n]`;
}

export const pyBool = (b) => (b ? 'True' : 'False');

export const pyString = (s) => JSON.stringify(String(s));

// Lines joined, null/false entries left out (optional lines of generated code).
export const lines = (...parts) => parts.flat(Infinity).filter((p) => p !== null && p !== false && p !== undefined).join('\n');

// Every line indented by `by` (empty lines stay empty).
export const indent = (text, by = '    ') => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

// "# text" comment lines (a text may hold several lines).
export const comment = (text) => String(text).split('\n').map((l) => `# ${l}`).join('\n');
