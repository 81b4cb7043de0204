// Roving focus over a drawing's editable items ([data-key] elements): one of them in the Tab order
// (tabindex 0, the others −1), ↑ ↓ Home End to move between them, Enter, Space or a click to open
// one (open(key)).
export function createRoving(figure, {itemOf, open}) {
  let current = null; // the key Tab reaches
  let keys = []; // every item's key, in reading order

  figure.addEventListener('click', (event) => {
    const item = event.target.closest?.('[data-key]');
    if (!item) return;
    current = item.dataset.key;
    open(item.dataset.key);
  });
  figure.addEventListener('focusin', (event) => {
    const item = event.target.closest?.('[data-key]');
    if (!item || item.dataset.key === current) return;
    current = item.dataset.key;
    for (const node of figure.querySelectorAll('[data-key]')) node.setAttribute('tabindex', node === item ? '0' : '-1');
  });
  figure.addEventListener('keydown', (event) => {
    const item = event.target.closest?.('[data-key]');
    if (!item) return;
    const key = item.dataset.key;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(key);
      return;
    }
    const k = keys.indexOf(key);
    const to = {ArrowDown: k + 1, ArrowUp: k - 1, Home: 0, End: keys.length - 1}[event.key];
    if (to === undefined) return;
    event.preventDefault();
    itemOf(keys[Math.min(Math.max(0, to), keys.length - 1)])?.focus();
  });

  return {
    get keys() {
      return keys;
    },
    // The items after a (re)build: the one Tab reaches stays if it is still there.
    setKeys(next) {
      keys = next;
      if (!keys.includes(current)) current = keys[0];
      itemOf(current)?.setAttribute('tabindex', '0');
    },
    // The key of the item that has the focus, if any.
    focused() {
      return figure.contains(document.activeElement) ? document.activeElement.closest('[data-key]')?.dataset.key ?? null : null;
    },
  };
}
