// Lab 6: checks a student's hand-derived BPTT value against the core's trace (one hidden unit,
// scalars) and, when it is wrong, picks the hint that names the factor that is off. The hint is
// chosen by comparing the typed value with quantities the trace already holds (a missing term, a
// missing factor, the last step alone, the opposite sign, another time step). The one piece of
// arithmetic here checks the student's own chain: whether a wrong value follows from their own
// wrong upstream value and the trace's factors. Nothing here produces a number a student sees.
// Returns ids and parameters; the Spanish text is in web/strings/labs/derivacion.js.

export const GRADIENTS = ['dU', 'dV', 'dW'];

// The fields in the order of the backward pass: s̄, h̄, r̄ for t = T..1, then ∂L/∂U, ∂L/∂V, ∂L/∂W.
export function fieldsFor(T) {
  const fields = [];
  for (let t = T; t >= 1; t--) for (const kind of ['s', 'h', 'r']) fields.push({kind, t});
  for (const kind of GRADIENTS) fields.push({kind});
  return fields;
}

export const fieldKey = ({kind, t}) => (t ? `${kind}${t}` : kind);

// Every value of this lab is a 1 × 1 matrix or a 1-vector in the trace.
export const scalar = (v) => (Array.isArray(v) ? scalar(v[0]) : v);

const BACKWARD = {s: 's_grad', h: 'h_grad', r: 'r_grad'};

// The core's value of a field.
export function expected(trace, {kind, t}) {
  return t ? scalar(trace.backward[BACKWARD[kind]][t - 1]) : scalar(trace.backward[kind]);
}

// |value − right| relative to the right value (absolute below 1e-12).
export function relativeError(value, right) {
  return Math.abs(value - right) / Math.max(Math.abs(right), 1e-12);
}

// A value "is" a candidate when it agrees to the looser of the tolerance and 5e-3 (about three
// significant digits, what a student carries by hand).
export const candidateTolerance = (tolerance) => Math.max(tolerance, 5e-3);
// Within this of the right value an answer is "almost": rounding, not a wrong factor.
export const closeTolerance = (tolerance) => Math.max(2 * tolerance, 1e-2);

const near = (a, b, tol) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-12);

// The student's value of a field when typed and valid, else undefined.
const typed = (answers, field) => {
  const v = answers?.[fieldKey(field)];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

// The student's wrong upstream values: {field, value} for each that was typed and is not right.
function wrongUpstream(answers, trace, fields, tolerance) {
  return fields.flatMap((field) => {
    const value = typed(answers, field);
    return value !== undefined && relativeError(value, expected(trace, field)) > tolerance ? [{field, value}] : [];
  });
}

// The student's own chain for a field: its upstream fields, and how the field follows from the
// upstream values (student's where typed, the trace's otherwise) with the trace's factors.
function ownChain(field, {answers, trace, inputs, T}) {
  const use = (f) => typed(answers, f) ?? expected(trace, f);
  const p = trace.parameters;
  const fw = trace.forward;
  const bw = trace.backward;
  const hPrev = (t) => (t === 1 ? scalar(p.h0) : scalar(fw.h[t - 2]));
  const steps = Array.from({length: T}, (_, k) => k + 1);
  switch (field.kind) {
    case 'h': {
      const s = {kind: 's', t: field.t};
      if (field.t === T) return {upstream: [s], value: () => scalar(p.W) * use(s)};
      const r = {kind: 'r', t: field.t + 1};
      return {upstream: [s, r], value: () => scalar(p.W) * use(s) + scalar(p.V) * use(r)};
    }
    case 'r': {
      const h = {kind: 'h', t: field.t};
      return {upstream: [h], value: () => use(h) * scalar(bw.fprime[field.t - 1])};
    }
    case 'dU':
    case 'dV': {
      const rs = steps.map((t) => ({kind: 'r', t}));
      const by = field.kind === 'dU' ? (t) => scalar(inputs[t - 1]) : hPrev;
      return {upstream: rs, value: () => rs.reduce((sum, r) => sum + use(r) * by(r.t), 0)};
    }
    case 'dW': {
      const ss = steps.map((t) => ({kind: 's', t}));
      return {upstream: ss, value: () => ss.reduce((sum, s) => sum + use(s) * scalar(fw.h[s.t - 1]), 0)};
    }
    default:
      return null;
  }
}

// Wrong-answer candidates of a field, most specific first: [hint id, value in the trace, extra].
function candidates({kind, t}, trace, T) {
  const bw = trace.backward;
  const k = t - 1;
  const at = (key, i = k) => scalar(bw[key][i]);
  const list = [];
  switch (kind) {
    case 's':
      // A linear output has g′ = 1: ȳ_t is then s̄_t, and "g′ alone" says nothing.
      if (bw.gprime && at('gprime') !== 1) list.push(['missing-gprime', at('y_grad')], ['only-gprime', at('gprime')]);
      break;
    case 'h':
      if (t < T) list.push(['missing-next', at('h_grad_output')], ['missing-output', at('h_grad_next')]);
      list.push(['missing-w', at('s_grad')], ['h-is-r', at('r_grad')]);
      break;
    case 'r':
      list.push(['missing-fprime', at('h_grad')]);
      if (bw.fprime) list.push(['only-fprime', at('fprime')]);
      break;
    default: {
      const steps = trace.time_steps;
      list.push(['naive', scalar(steps[T - 1][kind])]);
      // The running sums over t..T for 1 < t < T: the early steps left out.
      for (let t2 = T - 1; t2 >= 2; t2--) list.push(['partial-sum', scalar(steps[t2 - 1][`${kind}_sum`]), {from: t2}]);
      for (let t2 = T - 1; t2 >= 1; t2--) list.push(['one-step', scalar(steps[t2 - 1][kind]), {step: t2}]);
      for (const other of GRADIENTS) if (other !== kind) list.push(['other-gradient', scalar(bw[other]), {other}]);
    }
  }
  return list;
}

// The same quantity at another time step (the steps mixed up).
function otherSteps({kind, t}, trace, T) {
  if (!t) return [];
  const out = [];
  for (let t2 = 1; t2 <= T; t2++) if (t2 !== t) out.push(['other-step', expected(trace, {kind, t: t2}), {step: t2}]);
  return out;
}

// value: the student's number (parsed); answers: {s3: number, h3: …, dU: …} of every valid field;
// trace: core.trace of the exercise; inputs: the sequence's x_t (as in the scenario).
// → {status: 'right' | 'wrong', error, hint: {id, kind, t, …}} (hint null when right).
export function checkAnswer({field, value, answers, trace, inputs, tolerance = 1e-3}) {
  const T = trace.forward.h.length;
  const right = expected(trace, field);
  const error = relativeError(value, right);
  const base = {kind: field.kind, t: field.t, T};
  if (error <= tolerance) return {status: 'right', error, hint: null};
  const wrong = (id, extra = {}) => ({status: 'wrong', error, hint: {id, ...base, ...extra}});
  if (error <= closeTolerance(tolerance)) return wrong('close', {error});

  const tol = candidateTolerance(tolerance);
  if (near(value, -right, tol)) return wrong('sign');
  // A zero in the trace (h̄ from the future at t = T, V's share at t = 1 when h₀ = 0) says nothing.
  const match = ([, candidate]) => candidate !== 0 && near(value, candidate, tol);
  for (const entry of candidates(field, trace, T)) if (match(entry)) return wrong(entry[0], entry[2]);
  // Consistent with the student's own wrong upstream value(s): the error comes from there.
  const chain = ownChain(field, {answers, trace, inputs, T});
  if (chain) {
    const from = wrongUpstream(answers, trace, chain.upstream, tolerance);
    if (from.length && near(value, chain.value(), tol)) return wrong('upstream', {from: from.map((u) => u.field)});
  }
  for (const entry of otherSteps(field, trace, T)) if (match(entry)) return wrong(entry[0], entry[2]);
  return wrong('formula');
}
