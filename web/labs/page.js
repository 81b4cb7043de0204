// #/labs: the ten labs in two groups; #/labs/<name>: the shell around one lab (top bar, the
// exercise's statement from the lesson, the lab's body from its mountLab(root, ctx)).
//
// ctx given to a lab: {core, params (URLSearchParams of the address), setParams(object),
//   runJob(kind, input, {onProgress}), addDropOpener(opener)}
//   setParams({key: value…}, {fileOnly?}) writes the lab's settings as the address's query
//   (replacing it; null/undefined values are left out), with history.replaceState on the next
//   animation frame; fileOnly {key: text}: settings too long for the address, saved in the
//   settings file only.
//   A lab whose module exports checkSettings(params, core) → [labels of refused fields] gets "Guardar
//   ajustes" and "Abrir ajustes" (web/labs/settings-files.js); addDropOpener: the lab's own file
//   picker (web/components/files.js) also takes files dropped on the page.
//   runJob is web/labs/jobs-client.js's; the shell cancels the lab's jobs when the lab is left.
import '../styles/labs.css';
import {el} from '../dom.js';
import {richText} from '../math.js';
import {parseRoute, replaceRoute, routeHash} from '../router.js';
import {languageSwitch} from '../components/language-switch.js';
import {S, wantTexts} from '../strings/index.js';
import {GROUPS, LABS, findLab, hasModule, loadLab} from './registry.js';
import {runJob, useCore} from './jobs-client.js';
import {trackHeight} from '../measure.js';
import {mountSettingsFiles} from './settings-files.js';

wantTexts('labs');  // S.labs: the labs' texts load with this page (web/main.js)
// The address's lab downloads with this page, while the core compiles (web/main.js), not once
// the shell has mounted.
const labName = (path) => path.replace(/^\/labs\/?/, '').replace(/\/$/, '');
const addressed = findLab(labName(parseRoute().path));
if (addressed && hasModule(addressed.name)) loadLab(addressed.name).catch(() => {});
const L = () => S.labs;

function topbar(title, {index = true, home = true, extra = null} = {}) {
  return el('header', {class: 'topbar'}, [
    home ? el('a', {href: '#/', class: 'home-link'}, S.appTitle) : null,
    index ? el('a', {href: '#/labs', class: 'labs-link'}, L().shell.index) : null,
    el('h1', {}, title),
    extra,
    home ? languageSwitch() : null,
  ]);
}

function mountIndex(root) {
  const T = L();
  const card = (lab) => {
    const texts = T[lab.key];
    const ready = hasModule(lab.name);
    const body = [
      el('span', {class: 'lab-exercise'}, texts.exercise),
      el('h3', {}, texts.title),
      el('p', {}, texts.summary),
      ready ? null : el('span', {class: 'lab-soon'}, T.index.preparing),
    ];
    return el('li', {class: ready ? 'lab-card' : 'lab-card preparing'},
      ready
        ? el('a', {href: `#/labs/${lab.name}`}, body)
        : el('div', {'aria-label': T.index.preparingLabel(texts.title)}, body));
  };
  root.append(el('div', {class: 'labs-index'}, [
    topbar(T.index.title, {index: false}),
    el('main', {class: 'labs-home'}, [
      el('p', {class: 'lead'}, T.index.intro),
      el('p', {class: 'labs-lesson-link'}, el('a', {href: '#/avances'}, T.index.lessonLink)),
      ...GROUPS.map((group) => el('section', {class: `lab-group lab-group-${group}`, 'aria-labelledby': `lab-group-${group}`}, [
        el('h2', {id: `lab-group-${group}`}, T.index.groups[group]),
        el('ol', {class: 'lab-cards'}, LABS.filter((lab) => lab.group === group).map(card)),
      ])),
    ]),
  ]));
  return {destroy() {}};
}

function message(root, text) {
  root.append(el('div', {class: 'lab-page'}, [
    topbar(L().index.title),
    el('main', {class: 'message'}, [
      el('p', {}, text),
      el('p', {}, el('a', {href: '#/labs'}, L().shell.backToIndex)),
    ]),
  ]));
  return {destroy() {}};
}

function mountShell(root, {core, params}, lab) {
  const T = L();
  const texts = T[lab.key];
  const path = `/labs/${lab.name}`;
  const body = el('div', {class: 'lab-body'}, el('p', {class: 'loading'}, S.loading));
  // ?embed=1 (docs/embed.md): no way out of the frame but a link to the full lab in a new tab.
  const embed = params.get('embed') === '1';
  const fullLink = embed && el('a', {target: '_blank', rel: 'noopener'}, S.embed.fullLab);
  const setFullLink = (query) => {
    if (!fullLink) return;
    const full = new URLSearchParams(query);
    full.delete('embed');
    fullLink.href = `${location.pathname}${routeHash(path, full)}`;
  };
  setFullLink(params);
  const filesSlot = !embed && el('div', {class: 'file-bar', role: 'group', 'aria-label': S.files.barLabel});
  const filesStatus = filesSlot && el('div', {class: 'file-status-slot'});
  const page = el('div', {class: `lab-page${embed ? ' embed' : ''}`}, [
    topbar(texts.title, {index: !embed, home: !embed, extra: filesSlot}),
    filesStatus,
    el('main', {class: 'lab-main'}, [
      el('section', {class: 'lab-statement', 'aria-label': T.shell.statementLabel}, [
        el('h2', {class: 'lab-exercise'}, texts.exercise),  // the lab's headings (h3) go under it
        el('blockquote', {}, el('p', {}, richText(texts.statement))),
      ]),
      body,
      fullLink && el('p', {class: 'embed-link'}, fullLink),
    ]),
  ]);
  root.append(page);

  useCore(core);
  let written = params.toString();  // the query this page last wrote (or was opened with)
  let frame = 0;
  let pendingQuery = null;
  let mounted = null;
  let runs = new Set();
  let destroyed = false;
  let fileOnly = {};       // settings the address cannot hold (setParams' fileOnly)
  let dropOpeners = [];    // the mounted lab's own openers of dropped files
  let files = null;        // "Guardar ajustes" / "Abrir ajustes", once the lab's module says it can

  // Only while the address still names this lab: the student may have moved on (a link, back)
  // between the call and the frame, and the new page's address must not be overwritten.
  const writeAddress = () => {
    frame = 0;
    if (!destroyed && parseRoute().path === path) replaceRoute(path, pendingQuery);
  };

  function makeCtx(params) {
    const own = new Set();
    runs = own;
    fileOnly = {};
    const openers = [];
    dropOpeners = openers;
    return {
      core,
      params,
      addDropOpener: (opener) => openers.push(opener),
      setParams(settings, {fileOnly: only} = {}) {
        if (destroyed || runs !== own) return;  // a late call from a lab already left
        fileOnly = {...only};
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(settings ?? {})) {
          if (value !== null && value !== undefined) query.set(key, String(value));
        }
        if (embed) query.set('embed', '1');
        pendingQuery = query;
        written = query.toString();
        setFullLink(query);
        if (!frame) frame = requestAnimationFrame(writeAddress);
      },
      runJob(kind, input, options) {
        const run = runJob(kind, input, options);
        if (destroyed || runs !== own) {
          run.cancel();  // a lab already left starts nothing
          return run;
        }
        own.add(run);
        run.promise.then(() => own.delete(run), () => own.delete(run));
        return run;
      },
    };
  }

  function cancelRuns() {
    for (const run of runs) run.cancel();
    runs.clear();
  }

  // A lab that fails to clean up must not keep the student on its page.
  function unmount() {
    try {
      mounted?.destroy?.();
    } catch (error) {
      console.error(error);
    }
    mounted = null;
  }

  async function mountBody(params) {
    let module;
    try {
      module = await loadLab(lab.name);
    } catch (error) {
      if (!destroyed) body.replaceChildren(el('p', {class: 'message error'}, T.shell.loadFailed));
      throw error;
    }
    if (destroyed) return;
    body.replaceChildren();
    if (!module) {
      body.append(el('p', {class: 'message'}, T.shell.preparing));
      return;
    }
    if (filesSlot && module.checkSettings && !files) {
      files = mountSettingsFiles(filesSlot, filesStatus, page, {
        name: lab.name,
        check: (params) => module.checkSettings(params, core),
        current: () => {
          const query = Object.fromEntries(new URLSearchParams(written));
          delete query.embed;
          return {query, fileOnly};
        },
        apply: remount,
        labOpeners: () => dropOpeners,
      });
    }
    mounted = module.mountLab(body, makeCtx(params));
  }

  // The lab again from other settings (a settings file): the address says them at once.
  function remount(next) {
    written = next.toString();
    pendingQuery = next;
    setFullLink(next);
    if (!frame) frame = requestAnimationFrame(writeAddress);
    cancelRuns();
    unmount();
    mountBody(next);
  }
  const ready = mountBody(params);
  // The labs' sticky side panels sit below the sticky top bar, whatever its height.
  const barHeight = trackHeight(root.querySelector('.topbar'), '--topbar-height');

  return {
    ready,  // the lab's body is mounted (backprop:ready, web/embed/messages.js)
    // A new address for this lab (a pasted link, back): mount the lab again from it.
    update(next) {
      if (next.toString() === written) return;
      written = next.toString();
      cancelRuns();
      unmount();
      mountBody(next);
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      barHeight.destroy();
      files?.destroy();
      cancelRuns();
      unmount();
    },
  };
}

// The route's entry: path is '/labs' or '/labs/<name>'.
export function mountLabs(root, {core, params, path}) {
  const name = labName(path);
  if (!name) return mountIndex(root);
  const lab = findLab(name);
  if (!lab) {
    let shown = name;
    try {
      shown = decodeURIComponent(name);
    } catch {
      // a malformed escape: show it as typed
    }
    return message(root, L().shell.unknown(shown.length > 60 ? `${shown.slice(0, 60)}…` : shown));
  }
  return mountShell(root, {core, params}, lab);
}
