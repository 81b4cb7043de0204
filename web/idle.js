// Work that can wait until the page has shown what matters: `task` runs when the browser is idle,
// or after `timeout` ms at the latest. Returns the function that cancels it.
export function whenIdle(task, {timeout = 1000} = {}) {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, {timeout});
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 16);
  return () => clearTimeout(id);
}
