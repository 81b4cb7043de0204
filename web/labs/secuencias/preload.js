// Chart.js loads with the first chart; asking for the module once the page is idle keeps its
// evaluation out of the click that starts a run (a task of 50–60 ms on a loaded machine).
export function preloadCharts() {
  const load = () => import('./chart.js').catch(() => {});  // a failure shows with the first chart
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, {timeout: 2000});
  else setTimeout(load, 500);
}
