// A drawing built once per structure and then patched in place: put() and text() touch the DOM
// only for what differs from what they last set on that node, so a step that changes little
// writes little (lesson 2's step budget depends on it).

export function put(node, attributes) {
  const last = (node.kitLast ??= {});
  for (const name in attributes) {
    const value = attributes[name];
    if (last[name] === value) continue;
    last[name] = value;
    node.setAttribute(name, value);
  }
}

export function text(node, value) {
  if (node.kitText === value) return;
  node.kitText = value;
  const only = node.firstChild;
  if (only && only.nodeType === Node.TEXT_NODE && !only.nextSibling) only.data = value;
  else node.textContent = value;
}

export const CENTRED = {'text-anchor': 'middle', 'dominant-baseline': 'central'};

// Runs `move` (which moves nodes around) and gives the focus back to the element that had it,
// which moving a node drops.
export function keepFocus(move) {
  const active = document.activeElement;
  move();
  if (active && document.activeElement !== active && active.isConnected) active.focus({preventScroll: true});
}

// Puts `parent`'s children in the order of `nodes` (all of them its children or new), moving only
// when the order differs, and keeping the focus.
export function order(parent, nodes) {
  const children = parent.children;
  if (children.length === nodes.length && nodes.every((node, k) => children[k] === node)) return;
  keepFocus(() => parent.replaceChildren(...nodes));
}
