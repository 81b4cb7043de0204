// What a run of the activaciones lab shows, as a few findings the page puts into words: which
// activation reached the target loss first and how many times slower the others were, which
// did not reach it, where the first layer's gradient starts far below the last one's
// (vanishing), and which network is still at chance. Pure: it only compares the core's numbers.
//
//   summarize(rows, target) → [{key, activation?, epochs?, times?, ratio?}]
//   rows: [{activation, reach (epochs or null), finalLoss, ratio (‖∂L/∂W⁽¹⁾‖ / ‖∂L/∂W⁽ᴸ⁾‖ at the
//   first step, or null)}] of the runs that finished.

export const VANISHING = 0.01;  // the first layer's gradient 100 times below the last one's
export const CHANCE = 0.65;     // cross-entropy of two classes guessed at random is ln 2 ≈ 0.693

export function summarize(rows, target) {
  const findings = [];
  const reached = rows.filter((r) => r.reach !== null).sort((a, b) => a.reach - b.reach);
  if (rows.length && !reached.length) findings.push({key: 'none', target});
  if (reached.length) {
    const best = reached[0];
    findings.push({key: 'fastest', activation: best.activation, epochs: best.reach});
    for (const r of reached.slice(1)) {
      const times = best.reach > 0 ? r.reach / best.reach : null;
      if (times !== null && times >= 1.5) findings.push({key: 'slower', activation: r.activation, epochs: r.reach, times});
    }
    for (const r of rows) if (r.reach === null) findings.push({key: 'notReached', activation: r.activation, target});
  }
  for (const r of rows) {
    if (r.ratio !== null && r.ratio > 0 && r.ratio < VANISHING) findings.push({key: 'vanishing', activation: r.activation, ratio: r.ratio});
  }
  for (const r of rows) {
    if (Number.isFinite(r.finalLoss) && r.finalLoss >= CHANCE) findings.push({key: 'stuck', activation: r.activation});
  }
  return findings;
}
