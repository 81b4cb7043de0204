// The code a teacher pastes into a course page (docs/embed.md): embed.js, which sizes the frame to
// the lesson, and the iframe, sandboxed with what the lesson needs.
import {routeHash} from '../router.js';
import {S} from '../strings/index.js';
import {embedQuery} from './view.js';

// The page's address without its hash: where the lesson and embed.js (web/public/) are served.
export const siteBase = () => `${location.origin}${location.pathname}`;

// options: embedQuery's {edit, step, panels}.
export function embedUrl(path, params, options, base = siteBase()) {
  return `${base}${routeHash(path, embedQuery(params, options))}`;
}

export const scriptUrl = (base = siteBase()) => new URL('embed.js', base).href;

// What the frame needs: scripts and its own origin (the core, its workers); popups for the link
// to the full lesson; downloads for the labs' PNG and CSV.
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-downloads';

const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

// The frame, then the script (which asks frames already showing a lesson for their height).
export function embedSnippet(url, script = scriptUrl()) {
  return `<iframe src="${attribute(url)}" title="${attribute(S.share.iframeTitle)}" width="100%" height="760" loading="lazy" ` +
    `style="border:0" sandbox="${SANDBOX}"></iframe>\n<script src="${attribute(script)}"></script>`;
}
