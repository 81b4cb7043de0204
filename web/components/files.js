// Files the student saves and opens: the lessons' scenarios, the labs' settings (web/labs/page.js)
// and lab 1's points (CSV). One component for the save button, the file picker (a real
// <input type=file> behind a visible label that takes the keyboard), the drop of a file onto the
// page (with a hint while dragging) and the one message saying what happened.
//
//   saveJson(value, filename)  pretty-printed JSON (2 spaces), UTF-8
//   readFile(file, {read: 'json' | 'text', maxBytes}) → Promise<{ok: true, value} | {ok: false, why}>
//     refused by size before it is read (why: Spanish, S.files)
//   createOpener({label, accept, read, maxBytes, open(value, file) → {ok, message?} | Promise, status})
//     → {node (the label and its input), openFile(file) → Promise<{ok, …}>}. open() decides
//     whether the value is taken; on {ok: false, message} nothing may have changed, and `status`
//     shows S.files.refused(name, message) unless the opener passes refused(name, why).
//   createStatus(className) → {node, ok(text), error(text | node), clear()}: one role=status line
//   mountDrop(target, openers) → {destroy()}: a file dropped on target goes to the opener whose
//     `accept` names its extension (the first opener otherwise)
//   mountFileBar(slot, statusSlot, page, {statusClass, saveLabel, save() → filename, openLabel,
//     open(value), moreOpeners()}) → {destroy()}: a save button and a JSON opener in slot, their
//     status line in statusSlot, files dropped on page (to moreOpeners() by their extension)
import {el} from '../dom.js';
import '../styles/files.css';
import {S} from '../strings/index.js';
import {download} from '../download.js';
import {MAX_LINK_CHARS} from '../share.js';

export function saveJson(value, filename) {
  download(new Blob([`${JSON.stringify(value, null, 2)}\n`], {type: 'application/json'}), filename);
}

export async function readFile(file, {read = 'json', maxBytes}) {
  const F = S.files;
  if (file.size > maxBytes) return {ok: false, why: F.tooLarge(file.size, maxBytes)};
  let text;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(await file.arrayBuffer());
  } catch (error) {
    return {ok: false, why: error instanceof TypeError ? (read === 'json' ? F.notJson : F.notText) : F.unreadable};
  }
  if (read === 'text') return {ok: true, value: text};
  try {
    return {ok: true, value: JSON.parse(text.replace(/^\uFEFF/, ''))};
  } catch {
    return {ok: false, why: F.notJson};
  }
}

export function createStatus(className) {
  const node = el('div', {class: `file-status ${className}`, role: 'status'});
  const show = (content, error) => {
    node.replaceChildren(...(typeof content === 'string' ? [el('p', {}, content)] : [content]));
    node.classList.toggle('error', error);
  };
  return {
    node,
    ok: (text) => show(text, false),
    error: (content) => show(content, true),
    clear: () => node.replaceChildren(),
  };
}

let openers = 0;

export function createOpener({label, accept, read = 'json', maxBytes, open, status, refused = S.files.refused}) {
  const id = `file-open-${++openers}`;
  const input = el('input', {type: 'file', id, accept, class: 'file-input'});
  async function openFile(file) {
    if (!file) return {ok: false};
    const loaded = await readFile(file, {read, maxBytes: maxBytes()});
    const outcome = loaded.ok ? await open(loaded.value, file) : {ok: false, message: loaded.why};
    if (outcome.ok) status.ok(outcome.message ?? S.files.opened(file.name));
    else if (outcome.message !== undefined) status.error(typeof outcome.message === 'string' ? refused(file.name, outcome.message) : outcome.message);
    return outcome;
  }
  input.addEventListener('change', async () => {
    const [file] = input.files;
    await openFile(file);
    input.value = '';  // the same file may be chosen again
  });
  // The label is what the student sees; the input itself is visually hidden but keeps the focus
  // (Tab reaches it, Enter or Space opens the picker) and takes its name from the label, which
  // shows the focus ring (web/styles/files.css).
  const button = el('label', {for: id, class: 'file-open'}, label);
  return {node: el('span', {class: 'file-opener'}, [button, input]), openFile, accept};
}

const matches = (opener, name) => (opener.accept ?? '').split(',').some((ext) => ext.trim().startsWith('.') && name.toLowerCase().endsWith(ext.trim()));

export function mountDrop(target, openers) {
  const hint = el('div', {class: 'file-drop-hint', hidden: true, 'aria-hidden': 'true'}, el('p', {}, S.files.dropHint));
  target.append(hint);
  let depth = 0;
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const listeners = {
    dragenter: (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      hint.hidden = false;
    },
    dragover: (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    dragleave: () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) hint.hidden = true;
    },
    drop: (event) => {
      depth = 0;
      hint.hidden = true;
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      event.preventDefault();
      const list = openers();
      (list.find((opener) => matches(opener, file.name)) ?? list[0])?.openFile(file);
    },
  };
  for (const [type, listener] of Object.entries(listeners)) target.addEventListener(type, listener);
  return {
    destroy() {
      for (const [type, listener] of Object.entries(listeners)) target.removeEventListener(type, listener);
      hint.remove();
    },
  };
}

export function mountFileBar(slot, statusSlot, page, {statusClass, saveLabel, save, openLabel, open, moreOpeners = () => []}) {
  const status = createStatus(statusClass);
  const button = el('button', {type: 'button', class: 'file-save', onclick: () => status.ok(S.files.saved(save()))}, saveLabel);
  const opener = createOpener({
    label: openLabel,
    accept: '.json,application/json',
    // A file holds no more than a link may (web/share.js): a lesson's scenario is a few
    // kilobytes, lab 1's 10,000 points about 24 KB.
    maxBytes: () => MAX_LINK_CHARS,
    status,
    open,
  });
  slot.append(button, opener.node);
  statusSlot.append(status.node);
  const drop = mountDrop(page, () => [opener, ...moreOpeners()]);
  return {destroy: () => drop.destroy()};
}
