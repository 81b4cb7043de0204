// Lab 1's settings as an address or a settings file holds them: the Spanish label of each field,
// and the fields such a text refuses (web/labs/page.js reads a settings file with it). Pure.
import {S} from '../../strings/index.js';
import {classificationFields as FIELDS, readParams} from '../shared/plane-settings.js';
import {parseExtra} from './extra.js';
import {decodePoints} from './points.js';

export const labelOf = (name) => {
  const T = S.labs.clasificacion;
  return {validation: T.validationShare, extra: T.addPoints, points: S.files.csv.legend}[name] ?? T[name] ?? name;
};
const get = (params, name) => (typeof params?.get === 'function' ? params.get(name) : params?.[name]) ?? null;

// The fields of a settings file (or an address) that lab 1 refuses, by their Spanish labels: the
// same reading as the address's (readParams, parseExtra, decodePoints); a file must hold its points.
export function checkSettings(params) {
  const names = readParams(FIELDS, params).invalid;
  if (!parseExtra(get(params, 'extra') ?? '').ok) names.push('extra');
  const points = get(params, 'points');
  if (points !== null && !decodePoints(points).ok) names.push('points');
  return names.map(labelOf);
}

