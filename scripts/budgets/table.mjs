// Shared by the budgets scripts: the Markdown table they print, and small statistics. A budget is
// a figure, never a pass/fail: a row over its target says so and the script still exits 0.
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

// rows: [name, measured, target, over (true: over its target)]
export function printRows(rows) {
  console.log('| budget | measured | target |\n|---|---|---|');
  for (const [name, measured, target, over] of rows) console.log(`| ${name} | ${measured}${over ? ' **over budget**' : ''} | ${target} |`);
}
