// The page ⇄ its parent frame (docs/embed.md). Posts `backprop:*` events only when the page is in
// a frame (window.parent !== window); accepts messages from the parent window only, each checked
// field by field (anything malformed is ignored). Pure parts (readGoto) run under Node too.

export const framed = typeof window !== 'undefined' && window.parent !== window;

// Posts {type: `backprop:${type}`, ...detail} to the parent; '*' since any course platform may
// embed the page and the events carry nothing private.
export function post(type, detail = {}) {
  if (framed) window.parent.postMessage({type: `backprop:${type}`, ...detail}, '*');
}

const isRecord = (data) => data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype;

// A message's fields are exactly `fields` (besides `type`), or it is malformed.
function exactly(data, type, fields) {
  if (!isRecord(data) || data.type !== type) return false;
  const keys = Object.keys(data);
  return keys.length === fields.length + 1 && fields.every((name) => Object.hasOwn(data, name));
}

// {type: 'backprop:goto', step}: the step index 0…total−1 it asks for, or null when malformed.
export function readGoto(data, total) {
  if (!exactly(data, 'backprop:goto', ['step'])) return null;
  const {step} = data;
  return Number.isInteger(step) && step >= 0 && step < total ? step : null;
}

// {type: 'backprop:measure'}: the parent asks for the height again (embed.js, when it loads).
export const readMeasure = (data) => exactly(data, 'backprop:measure', []);

// Calls handler(data) for each message from the parent window; returns the unsubscribe.
export function listenToParent(handler) {
  if (!framed) return () => {};
  const listener = (event) => {
    if (event.source === window.parent) handler(event.data);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}

// backprop:ready once a page has mounted (and its `ready` promise, if any, settled well), then
// the page's afterReady() (a lesson posts its first step there); nothing when current() says the
// page was left meanwhile.
export async function announceReady(route, page, current = () => true) {
  if (!framed) return;
  try {
    await page?.ready;
  } catch {
    return;  // the page could not load (it says so itself)
  }
  if (!current()) return;
  post('ready', {route});
  page?.afterReady?.();
}
