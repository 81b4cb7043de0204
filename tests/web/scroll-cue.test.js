// web/components/scroll-cue.js: boxes measured together (every read before any write, so that the
// page is laid out once, not once per box), one frame for all the checks asked for, one observer.
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';

let log;  // what the boxes saw, in order
let frames;  // requestAnimationFrame's callbacks not run yet
let observed;  // the one ResizeObserver: its callback and the boxes it watches
let watchOverflow, measureAll;

// A box `content` px wide inside `width` px: reading its widths and writing its class or tab stop
// are logged.
function box(name, content, width = 100) {
  const classes = new Set();
  const attributes = new Map();
  return {
    name,
    get scrollWidth() {
      log.push(`read ${name}`);
      return content;
    },
    get clientWidth() {
      return width;
    },
    classList: {
      toggle(cls, on) {
        log.push(`write ${name}`);
        if (on) classes.add(cls);
        else classes.delete(cls);
      },
      contains: (cls) => classes.has(cls),
    },
    setAttribute: (key, value) => attributes.set(key, value),
    removeAttribute: (key) => attributes.delete(key),
    getAttribute: (key) => attributes.get(key) ?? null,
  };
}

beforeAll(async () => {
  globalThis.requestAnimationFrame = (callback) => frames.push(callback);
  globalThis.ResizeObserver = class {
    constructor(callback) {
      observed = {callback, boxes: new Set(), count: (observed?.count ?? 0) + 1};
    }
    observe(target) {
      observed.boxes.add(target);
    }
    unobserve(target) {
      observed.boxes.delete(target);
    }
  };
  ({watchOverflow, measureAll} = await import('../../web/components/scroll-cue.js'));
});

beforeEach(() => {
  log = [];
  frames = [];
});

const runFrame = () => frames.splice(0).forEach((callback) => callback(0));

describe('scroll cues', () => {
  it('reads every box before writing any, and marks the ones that overflow', () => {
    const boxes = [box('a', 150), box('b', 80), box('c', 300)];
    const hint = {hidden: true};
    const watchers = [
      watchOverflow(boxes[0], {focusable: true}),
      watchOverflow(boxes[1], {focusable: true}),
      watchOverflow(boxes[2], {hint}),
    ];
    measureAll(watchers);
    expect(log).toEqual(['read a', 'read b', 'read c', 'write a', 'write b', 'write c']);
    expect(boxes.map((b) => b.classList.contains('overflows'))).toEqual([true, false, true]);
    expect(boxes[0].getAttribute('tabindex')).toBe('0');  // focusable and overflowing: a tab stop
    expect(boxes[1].getAttribute('tabindex')).toBe(null);
    expect(boxes[2].getAttribute('tabindex')).toBe(null);  // not focusable
    expect(hint.hidden).toBe(false);
    watchers.forEach((w) => w.destroy());
  });

  it('measures the boxes checked in one frame together, once each', () => {
    const boxes = [box('a', 150), box('b', 80)];
    const [a, b] = boxes.map((x) => watchOverflow(x));
    a.check();
    b.check();
    a.check();
    expect(frames).toHaveLength(1);  // one frame asked for, whatever the number of checks
    expect(log).toEqual([]);
    runFrame();
    expect(log).toEqual(['read a', 'read b', 'write a', 'write b']);
    a.destroy();
    b.destroy();
  });

  it('shares one observer, whose reports are checked in the next frame; destroy() forgets the box', () => {
    const boxes = [box('a', 150), box('b', 80)];
    const [a, b] = boxes.map((x) => watchOverflow(x));
    const count = observed.count;
    expect(observed.boxes).toEqual(new Set(boxes));
    observed.callback(boxes.map((target) => ({target})));
    runFrame();
    expect(log).toEqual(['read a', 'read b', 'write a', 'write b']);
    log = [];
    b.check();
    b.destroy();  // a check still pending is dropped with it
    expect(observed.boxes).toEqual(new Set([boxes[0]]));
    runFrame();
    expect(log).toEqual([]);
    a.destroy();
    watchOverflow(box('c', 10)).destroy();
    expect(observed.count).toBe(count);  // no second observer was made
  });

  it('measure() measures one box at once and drops its pending check', () => {
    const x = box('a', 150);
    const watcher = watchOverflow(x);
    watcher.check();
    watcher.measure();
    expect(log).toEqual(['read a', 'write a']);
    runFrame();
    expect(log).toEqual(['read a', 'write a']);
    watcher.destroy();
  });
});
