// "Guardar escenario" and "Abrir escenario" on lessons 1 and 2 (web/lessons/lesson-page.js): the
// scenario shown, resolved by the core (every default filled in, the iteration shown), saved as
// pretty-printed JSON that `backprop trace` takes as it is; a file opened by the picker or
// dropped on the page is checked as a link is (ctx.openScenario: the page's validate, then the
// core) and, when refused, changes nothing.
import {mountFileBar, saveJson} from '../components/files.js';
import {S} from '../strings/index.js';

// Why a parsed file is not a scenario for this lesson, before the page and the core look at it.
export function scenarioProblem(value, kind) {
  const F = S.files;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return F.notScenario;
  if (value.model === undefined) return 'settings' in value && 'lab' in value ? F.settingsNotScenario : F.notScenario;
  const given = value.model?.kind;
  if (typeof given === 'string' && given !== kind) return F.wrongKind(given, kind);
  return null;
}

// The scenario as the core accepts it, with every default, at the iteration the page shows.
export function savedScenario(core, state) {
  return {...core.resolve(state.scenario).scenario, iteration: state.iteration ?? 1};
}

export function mountScenarioFiles(slot, statusSlot, page, ctx, {kind, fileName}) {
  const F = S.files;
  return mountFileBar(slot, statusSlot, page, {
    statusClass: 'lesson-file-status',
    saveLabel: F.saveScenario,
    save() {
      const state = ctx.store.get();
      const name = fileName(state.scenario);
      saveJson(savedScenario(ctx.core, state), name);
      return name;
    },
    openLabel: F.openScenario,
    open(value) {
      const problem = scenarioProblem(value, kind);
      return problem ? {ok: false, message: problem} : ctx.openScenario(value);
    },
  });
}
