// #/avances : lesson 3, "Limitaciones y avances". The lesson's text in parts, each beside its
// experiment (optimizers, initialisation, …). Every control's value lives in the address
// (settings.js); the core's long calls run in the labs' worker pool (web/labs/jobs-client.js).
// With ?embed=1 the page has no way out but a link to the full lesson.
import '../../styles/labs.css';
import '../../styles/avances.css';
import {el} from '../../dom.js';
import {createForm} from '../../forms/settings-form.js';
import {parseRoute, replaceRoute, routeHash} from '../../router.js';
import {languageSwitch} from '../../components/language-switch.js';
import {trackHeight} from '../../measure.js';
import {S, localized, wantTexts} from '../../strings/index.js';
import {renderBlock} from '../text-view.js';
import {runJob, useCore} from '../../labs/jobs-client.js';
import {lesson as lessonEs} from './text.js';
import {bnFields, initFields, overfitFields, raceFields, reluFields, readSettings, settingsQuery} from './settings.js';
import {mountRace} from './race/race.js';
import {mountInit} from './init/init.js';
import {mountOverfit} from './overfit/overfit.js';
import {mountRelu} from './relu/relu.js';
import {mountBatchNorm} from './batchnorm/batchnorm.js';

// The English text is fetched only when English is chosen (web/strings/index.js).
const lessonText = localized({es: lessonEs, en: async () => (await import('./text.en.js')).lesson});
// The labs' pieces it runs read the labs' texts (S.labs): they load with this page (web/main.js).
wantTexts('labs');

const PATH = '/avances';

// The parts in the lesson's order, each with its experiment and its settings' fields.
const PARTS = [
  {id: 'optimizadores', mount: mountRace, fields: raceFields},
  {id: 'inicializacion', mount: mountInit, fields: initFields},
  {id: 'sobreajuste', mount: mountOverfit, fields: overfitFields},
  {id: 'normalizacion', mount: mountBatchNorm, fields: bnFields},
  {id: 'relu', mount: mountRelu, fields: reluFields},
];

const FIELD_LABELS = () => ({
  sup: S.avances.race.surface, cond: S.avances.race.condition, eta: S.avances.race.eta, x: S.avances.race.startX, y: S.avances.race.startY,
  pasos: S.avances.race.steps, opt: S.avances.race.optimizers,
  paciencia: S.avances.overfit.patience, ruido: S.avances.overfit.noise, l2: S.avances.overfit.l2, dropout: S.avances.overfit.dropout, epocas: S.avances.overfit.epochs,
  bn_eta: S.avances.batchnorm.eta, bn_pasos: S.avances.batchnorm.steps,
  relu_eta: S.avances.relu.eta, relu_pasos: S.avances.relu.steps,
  ini: S.avances.init.scheme, act: S.avances.init.activation, capas: S.avances.init.depth, ancho: S.avances.init.width,
});

export function mountAvances(root, {core, params}) {
  const A = S.avances;
  const lesson = lessonText();
  useCore(core);
  const embed = params.get('embed') === '1';
  let written = '';
  let frame = 0;
  let destroyed = false;
  let values = null;
  let mounted = [];
  const runs = new Set();
  const cues = [];  // the text's sideways-scrolling blocks (web/lessons/text-view.js)

  // Every part's settings live in the address.
  const fields = Object.assign({}, ...PARTS.map((p) => p.fields));
  const query = () => {
    const q = new URLSearchParams(settingsQuery(values, fields));
    if (embed) q.set('embed', '1');
    return q;
  };
  const fullLink = embed ? el('a', {target: '_blank', rel: 'noopener'}, A.fullLesson) : null;
  const writeAddress = () => {
    frame = 0;
    const q = query();
    written = q.toString();
    if (fullLink) {
      q.delete('embed');
      fullLink.href = `${location.pathname}${routeHash(PATH, q)}`;
    }
    if (!destroyed && parseRoute().path === PATH) replaceRoute(PATH, query());
  };
  const update = () => {
    if (!frame && !destroyed) frame = requestAnimationFrame(writeAddress);
  };
  const part = {
    core,
    get values() {
      return values;
    },
    update,
    // A form over this part's settings: a valid change is kept (and the address follows), then
    // then(previous values) runs.
    form(specs, {labels, options, then = () => {}}) {
      return createForm(specs, values, {labels, options, prefix: 'race', onChange: (read) => {
        if (!read.ok) return;
        const previous = {...values};
        Object.assign(values, read.values);
        update();
        then(previous);
      }});
    },
    runJob(kind, input, options) {
      const run = runJob(kind, input, options);
      runs.add(run);
      run.promise.then(() => runs.delete(run), () => runs.delete(run));
      return run;
    },
  };

  const notice = el('p', {class: 'notice', role: 'status', hidden: true});
  const sections = PARTS.map(({id}) => {
    const text = lesson.parts[id];
    const bench = el('div', {class: 'avances-bench', role: 'region', 'aria-label': A.partLabel(text.title)});
    const node = el('section', {class: 'avances-part', id: `texto-${id}`, 'aria-labelledby': `titulo-${id}`}, [
      el('h2', {id: `titulo-${id}`}, text.title),
      el('div', {class: 'avances-pair'}, [
        el('div', {class: 'avances-text lesson-text'}, text.blocks.map((block) => renderBlock(block, cues))),
        bench,
      ]),
    ]);
    return {node, bench};
  });

  function mountParts(params) {
    for (const m of mounted) m?.destroy?.();
    for (const run of runs) run.cancel();
    mounted = [];
    const read = readSettings(params, fields);
    values = read.values;
    const labels = FIELD_LABELS();
    notice.hidden = !read.invalid.length;
    notice.textContent = read.invalid.length ? A.badLink(read.invalid.map((n) => labels[n] ?? n)) : '';
    PARTS.forEach(({mount}, k) => {
      const {bench} = sections[k];
      bench.replaceChildren();
      mounted.push(mount(bench, part));
    });
    writeAddress();
  }

  root.append(el('div', {class: `avances-page${embed ? ' embed' : ''}`}, [
    embed ? null : el('header', {class: 'topbar'}, [
      el('a', {href: '#/', class: 'home-link'}, S.appTitle),
      el('h1', {}, A.title),
      el('a', {href: '#/labs', class: 'labs-link'}, A.labsLink),
      languageSwitch(),
    ]),
    el('main', {class: 'avances-main'}, [
      embed ? el('h1', {class: 'avances-embed-title'}, A.title) : null,
      notice,
      el('div', {class: 'avances-intro lesson-text'}, lesson.intro.map((block) => renderBlock(block, cues))),
      ...sections.map((s) => s.node),
      fullLink && el('p', {class: 'embed-link'}, fullLink),
    ]),
  ]));
  mountParts(params);
  // The experiments stick below the top bar, whatever its height.
  const bar = root.querySelector('.topbar');
  const barHeight = bar ? trackHeight(bar, '--topbar-height') : null;

  return {
    update(next) {
      if (next.toString() === written) return;
      mountParts(next);
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      barHeight?.destroy();
      for (const m of mounted) m?.destroy?.();
      for (const run of runs) run.cancel();
      for (const cue of cues) cue.destroy();
    },
  };
}
