// Hash routes: #/ (introduction), #/mlp, #/bptt, #/avances and #/labs/…, each with a query:
// #/mlp?s=<scenario>&step=3&embed=1&lang=en. The address always holds the state.
//
// `lang` belongs to the router, not to the pages: parseRoute gives it apart (absent or unknown is
// the default, Spanish) and hands pages their parameters without it; every address the page
// writes (routeHash, replaceRoute, withLanguage for links) carries the current language.
import {DEFAULT_LANGUAGE, isLanguage, language} from './strings/index.js';

export const LANGUAGE_PARAM = 'lang';

export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const params = new URLSearchParams(query);
  const asked = params.get(LANGUAGE_PARAM);
  params.delete(LANGUAGE_PARAM);
  return {path: path || '/', params, lang: isLanguage(asked) ? asked : DEFAULT_LANGUAGE};
}

// The address of `path` with `params` in language `lang` (the current one unless given).
export function routeHash(path, params, lang = language()) {
  const query = new URLSearchParams(params);
  query.delete(LANGUAGE_PARAM);
  if (lang !== DEFAULT_LANGUAGE) query.set(LANGUAGE_PARAM, lang);
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

// A link inside the page ('#/labs', '#/mlp?s=…') in the current language (or `lang`).
export function withLanguage(hash, lang = language()) {
  const {path, params} = parseRoute(hash);
  return routeHash(path, params, lang);
}

// Rewrites the address without a new history entry (each step or edit is not a "page").
export function replaceRoute(path, params) {
  const hash = routeHash(path, params);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}
