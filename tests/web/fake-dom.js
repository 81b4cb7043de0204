// A minimal DOM for rendering under Node (tests/web run without a browser): what web/dom.js,
// web/math.js, web/lessons/text-view.js and KaTeX's render() call, nothing more. Nodes keep
// their tag, attributes and children, so that a test can walk what was rendered.
class FakeNode {
  constructor(nodeName) {
    this.nodeName = nodeName;
    this.childNodes = [];
  }
  get textContent() {
    return this.childNodes.map((child) => child.textContent).join('');
  }
  set textContent(value) {
    this.childNodes = value === '' ? [] : [new FakeText(String(value))];
  }
  appendChild(child) {
    if (child.nodeName === '#document-fragment') this.childNodes.push(...child.childNodes);
    else this.childNodes.push(child);
    return child;
  }
  append(...children) {
    for (const child of children) this.appendChild(child instanceof FakeNode ? child : new FakeText(String(child)));
  }
  prepend(...children) {
    const old = this.childNodes;
    this.childNodes = [];
    this.append(...children);
    this.childNodes.push(...old);
  }
  // A deep copy (web/math.js's cache): the same node kind, its own data, its children copied.
  cloneNode(deep = false) {
    const copy = this.shallowCopy();
    if (deep) copy.childNodes = this.childNodes.map((child) => child.cloneNode(true));
    return copy;
  }
  shallowCopy() {
    return new FakeNode(this.nodeName);
  }
}

class FakeText extends FakeNode {
  constructor(data) {
    super('#text');
    this.data = data;
  }
  get textContent() {
    return this.data;
  }
  shallowCopy() {
    return new FakeText(this.data);
  }
}

class FakeElement extends FakeNode {
  constructor(tag) {
    super(tag.toUpperCase());
    this.tagName = this.nodeName;
    this.attributes = new Map();
    this.style = {};
    this.dataset = {};
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  getAttribute(name) {
    return this.attributes.get(name) ?? null;
  }
  removeAttribute(name) {
    this.attributes.delete(name);
  }
  get className() {
    return this.getAttribute('class') ?? '';
  }
  set className(value) {
    this.setAttribute('class', value);
  }
  get classList() {
    const names = () => this.className.split(/\s+/).filter(Boolean);
    const set = (list) => this.setAttribute('class', [...new Set(list)].join(' '));
    return {
      contains: (name) => names().includes(name),
      add: (...added) => set([...names(), ...added]),
      remove: (...removed) => set(names().filter((n) => !removed.includes(n))),
      toggle: (name, on = !names().includes(name)) => {
        set(on ? [...names(), name] : names().filter((n) => n !== name));
        return on;
      },
    };
  }
  addEventListener() {}
  removeEventListener() {}
  shallowCopy() {
    const copy = new FakeElement(this.tagName);
    copy.attributes = new Map(this.attributes);
    Object.assign(copy.style, this.style);
    Object.assign(copy.dataset, this.dataset);
    return copy;
  }
}

// Installs the fake document (and what web/components/scroll-cue.js and web/lessons/text-view.js
// ask for) on globalThis.
export function installFakeDom() {
  globalThis.Node = FakeNode;
  globalThis.document = {
    compatMode: 'CSS1Compat',
    createElement: (tag) => new FakeElement(tag),
    createElementNS: (_, tag) => new FakeElement(tag),
    createTextNode: (data) => new FakeText(String(data)),
    createDocumentFragment: () => new FakeNode('#document-fragment'),
    addEventListener() {},
    removeEventListener() {},
  };
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  globalThis.requestAnimationFrame = () => 0;
  globalThis.cancelAnimationFrame = () => {};
  globalThis.window = {addEventListener() {}, removeEventListener() {}};
}

// Every element under `root` (itself included), depth first.
export function* elements(root) {
  if (root instanceof FakeElement) yield root;
  for (const child of root.childNodes) yield* elements(child);
}

export const createElement = (tag) => new FakeElement(tag);
