// Hash routes: #/ (introduction), #/mlp, later #/bptt and #/labs/…, each with a query:
// #/mlp?s=<scenario>&step=3&embed=1. The address always holds the state.
export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return {path: path || '/', params: new URLSearchParams(query)};
}

export function routeHash(path, params) {
  const query = params.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

// Rewrites the address without a new history entry (each step or edit is not a "page").
export function replaceRoute(path, params) {
  const hash = routeHash(path, params);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}
