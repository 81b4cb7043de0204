// Scenario ⇄ address: base64url (RFC 4648 §5, no padding) of the scenario's UTF-8 JSON.

// The largest scenario the address carries (base64url characters): beyond it the page keeps the
// scenario out of the address (only the step), since rewriting a long address at every step
// costs the student whole seconds, and the share panel says that the link cannot hold it.
export const MAX_SHARED_CHARS = 8192;
// The largest encoded scenario the page reads from an address: a lesson's scenario is a few
// kilobytes; anything far larger is refused before it is decoded.
export const MAX_LINK_CHARS = 256 * 1024;
export function encodeScenario(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Throws on text that is not base64url of JSON.
export function decodeScenario(text) {
  if (text.length > MAX_LINK_CHARS) throw new RangeError('too long');
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
}
