// Keeps a CSS custom property on the root element equal to a node's rendered height in pixels
// (`--topbar-height`, `--step-bar-height`), so that sticky offsets and scroll margins follow the
// real bar, which wraps on narrow screens and grows with the text size, rather than a constant.
// destroy() stops and removes the property.
export function trackHeight(node, property) {
  const root = document.documentElement;
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1].borderBoxSize?.[0];
    root.style.setProperty(property, `${Math.ceil(box ? box.blockSize : node.offsetHeight)}px`);
  });
  observer.observe(node);
  return {
    destroy() {
      observer.disconnect();
      root.style.removeProperty(property);
    },
  };
}
