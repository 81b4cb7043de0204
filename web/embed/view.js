// A lesson's teacher options in its address (docs/embed.md): `edit=0` (read-only: stepping only)
// and `panels=` (which parts are shown, by name). Pure: no DOM.
//
// Panel names: the fixed parts `text`, `stepper`, `diagram`, `share` and each lesson's own panels
// (named by their class without "-panel": `editor`, `training`, `gradcheck`, and lesson 2's
// `explorer`). Unknown names are ignored; a list naming no known part means the default: every
// part on the full page, the stepper and the diagram with embed=1 (`share`, the "Compartir"
// button, exists on the full page only). Read-only drops `editor` and `training` whatever the
// list says (the preset menu goes too, and the diagram opens no editor).

export const FIXED_PANELS = ['text', 'stepper', 'diagram'];
export const EMBED_DEFAULT = ['stepper', 'diagram'];
const EDITING = ['editor', 'training'];

export const panelName = (panel) => panel.name ?? panel.className.replace(/-panel$/, '');

// params: URLSearchParams; lessonPanels: the lesson's panel names; embed: ?embed=1.
// → {edit, panels: Set of the names shown, query: [[key, text]] to keep in the address}
export function readView(params, lessonPanels, embed) {
  const known = [...FIXED_PANELS, ...lessonPanels, 'share'];
  const edit = params.get('edit') !== '0';
  const asked = (params.get('panels') ?? '').split(',').map((name) => name.trim()).filter((name) => known.includes(name));
  const chosen = asked.length ? asked : embed ? EMBED_DEFAULT : known;
  const panels = new Set(chosen.filter((name) => edit || !EDITING.includes(name)));
  const query = [];
  if (!edit) query.push(['edit', '0']);
  if (asked.length) query.push(['panels', [...new Set(asked)].join(',')]);
  return {edit, panels, query};
}

// The embed address's query for the share panel: the page's own `s` and `step` (the step
// replaced by options.step when it is a step index), embed=1, and the options.
// options: {edit, step, panels: [names] or null (the default)}
export function embedQuery(params, {edit = true, step = null, panels = null} = {}) {
  const query = new URLSearchParams(params);
  for (const key of ['embed', 'edit', 'panels']) query.delete(key);
  if (Number.isInteger(step) && step >= 0) query.set('step', String(step));
  query.set('embed', '1');
  if (!edit) query.set('edit', '0');
  if (panels && panels.length) query.set('panels', panels.join(','));
  return query;
}
