// The share panel's options for a teacher (docs/embed.md): read-only, the step the frame opens at,
// the panels it shows. The embed address and the snippet follow them live, and a small preview
// frame shows the result (made when the panel opens, made again after a change, removed when it
// closes), sized by its own backprop:resize messages.
import {el} from '../dom.js';
import {S} from '../strings/index.js';
import {EMBED_DEFAULT, FIXED_PANELS} from './view.js';
import {SANDBOX, embedSnippet, embedUrl} from './snippet.js';

const EDITING = ['editor', 'training'];
const PREVIEW_DELAY_MS = 400;  // a new preview once the teacher stops typing or clicking
const PREVIEW_MAX = 20000;

// path: the lesson's route; panelNames: its own panels' names (web/embed/view.js);
// onChange(snippet) after every change. → {controls (the options), preview (the embed address and
// the preview frame), open(params, step, total), close(), snippet(), destroy()}
export function mountShareOptions({path, panelNames, onChange}) {
  const O = S.embed.options;
  let params = new URLSearchParams();
  let total = 1;
  let fallbackStep = 0;
  let frame = null;  // the preview
  let timer = 0;

  const readOnly = el('input', {type: 'checkbox', class: 'share-read-only', onchange: changed});
  const step = el('input', {type: 'number', min: 1, step: 1, inputmode: 'numeric', class: 'share-step', oninput: changed});
  const boxes = [...FIXED_PANELS, ...panelNames].map((name) => [name, el('input', {
    type: 'checkbox', value: name, class: 'share-panel', checked: EMBED_DEFAULT.includes(name), onchange: changed,
  })]);
  const url = el('input', {type: 'text', readonly: true, class: 'share-embed-url'});
  const previewBox = el('div', {class: 'share-preview-box'});
  const controls = el('fieldset', {class: 'share-options'}, [
    el('legend', {}, O.title),
    el('p', {class: 'share-option-row'}, el('label', {}, [readOnly, O.readOnly])),
    el('p', {class: 'share-option-row'}, el('label', {}, [O.step, step])),
    el('div', {class: 'share-option-row', role: 'group', 'aria-label': O.panels}, [
      el('span', {}, O.panels),
      el('div', {class: 'share-panels'}, boxes.map(([name, box]) => el('label', {}, [box, O.panelNames[name] ?? name]))),
    ]),
  ]);
  const previewPart = el('div', {class: 'share-preview-part'}, [
    el('label', {}, [O.embedUrl, url]),
    el('p', {class: 'share-option-row'}, O.preview),
    previewBox,
  ]);

  // The options as embedQuery takes them: the step as an index, the panels only when not the default.
  function options() {
    const n = Number(step.value);
    const index = Number.isInteger(n) && n >= 1 && n <= total ? n - 1 : fallbackStep;
    const panels = boxes.filter(([name, box]) => box.checked && !(readOnly.checked && EDITING.includes(name))).map(([name]) => name);
    const standard = panels.length === EMBED_DEFAULT.length && EMBED_DEFAULT.every((name) => panels.includes(name));
    return {edit: !readOnly.checked, step: index, panels: standard || !panels.length ? null : panels};
  }

  const current = () => embedUrl(path, params, options());

  function changed() {
    for (const [name, box] of boxes) box.disabled = readOnly.checked && EDITING.includes(name);
    url.value = current();
    onChange?.(embedSnippet(url.value));
    clearTimeout(timer);
    timer = setTimeout(showPreview, PREVIEW_DELAY_MS);
  }

  // A new frame each time: its options are read when the page mounts, not at a change of address.
  function showPreview() {
    frame = el('iframe', {class: 'share-preview', src: url.value, title: O.previewTitle, sandbox: SANDBOX});
    previewBox.replaceChildren(frame);
  }

  const onMessage = (event) => {
    const data = event.data;
    if (!frame || event.source !== frame.contentWindow || data?.type !== 'backprop:resize') return;
    const {height} = data;
    if (typeof height === 'number' && Number.isFinite(height) && height > 0 && height < PREVIEW_MAX) frame.style.height = `${Math.ceil(height)}px`;
  };
  window.addEventListener('message', onMessage);

  return {
    controls,
    preview: previewPart,
    // The page's address now (its `s` and step), its current step and number of steps.
    open(address, currentStep, count) {
      params = new URLSearchParams(address);
      total = count;
      fallbackStep = currentStep;
      step.max = String(count);
      step.value = String(currentStep + 1);
      changed();
    },
    close() {
      clearTimeout(timer);
      frame = null;
      previewBox.replaceChildren();
    },
    snippet: () => embedSnippet(current()),
    destroy() {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
    },
  };
}
