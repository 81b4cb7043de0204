// What the activaciones and lotes labs share on the page: the settings form in groups, the list of
// what to look for, a chart's section with its PNG button, and the start of a run.
//
//   controls({form, groups: [[title, names, extra?]…], button, message, onSubmit}) → <form>
//   lookSection(title, items) → <section>
//   chartSection({title, caption?, chart, filename, what}) → <section> (chart: line-chart.js)
//   tableSection({title, table, csv, filename, what, note?}) → <section> with its CSV button
//   beginRun({form, message, fields, ctx, progress, stop}) → {settings, data} | null: the form's
//     values once all are valid (else `message` shows), written to the address; then stop() (the
//     runs in flight) and the core's points for them (a refusal shows on the progress bar)
import {el} from '../../../dom.js';
import {describeJobError} from '../../jobs-client.js';
import {csvButton, exportBar, pngButton} from './export.js';
import {writeParams} from '../../../forms/settings.js';
import {dataSpec} from '../compare-scenario.js';

export function controls({form, groups, button, message, onSubmit}) {
  const group = ([title, names, extra = []]) => el('fieldset', {class: 'act-group'}, [
    el('legend', {}, title), ...names.map((n) => form.node(n)), ...extra]);
  return el('form', {class: 'act-controls', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    onSubmit();
  }}, [...groups.map(group), button, message]);
}

export const lookSection = (title, items) => el('section', {class: 'act-look'}, [
  el('h3', {}, title), el('ul', {}, items.map((t) => el('li', {}, t)))]);

export const chartSection = ({title, caption, chart, filename, what}) => el('section', {class: 'act-chart'}, [
  el('div', {class: 'act-chart-head'}, [el('h3', {}, title), exportBar([pngButton(chart.canvas, filename, {what})])]),
  caption ? el('p', {class: 'note'}, caption) : null,
  chart.node,
]);

export const tableSection = ({title, table, csv, filename, what, note}) => el('section', {class: 'act-table-box'}, [
  el('div', {class: 'act-chart-head'}, [el('h3', {}, title), exportBar([csvButton(csv, filename, {what})])]),
  el('div', {class: 'act-table-scroll', tabindex: '0', role: 'region', 'aria-label': title}, table),
  note ? el('p', {class: 'note'}, note) : null,
]);

export function beginRun({form, message, fields, ctx, progress, stop}) {
  const {values, errors} = form.read();
  if (Object.keys(errors).length) {
    message.hidden = false;
    return null;
  }
  message.hidden = true;
  ctx.setParams(writeParams(fields, values));
  stop();
  try {
    return {settings: values, data: ctx.core.data(dataSpec(values))};
  } catch (error) {
    progress.hidden = false;
    progress.fail(describeJobError(error));
    return null;
  }
}
