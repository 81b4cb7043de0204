// The ten labs (web/labs/registry.js) and their texts (web/strings/labs/).
import {describe, expect, test} from 'vitest';
import {GROUPS, LABS, findLab, hasModule, loadLab} from '../../web/labs/registry.js';
import {labs} from '../../web/strings/labs/index.js';

describe('labs registry and strings', () => {
  test('ten labs, five per group, numbered as the lesson numbers its exercises', () => {
    expect(LABS.map((l) => l.name)).toEqual([
      'clasificacion', 'activaciones', 'regularizacion', 'lotes', 'hiperparametros',
      'derivacion', 'secuencias', 'gradientes', 'explosion', 'activaciones-rnn',
    ]);
    for (const group of GROUPS) expect(LABS.filter((l) => l.group === group).map((l) => l.number)).toEqual([1, 2, 3, 4, 5]);
    expect(findLab('activaciones-rnn').key).toBe('activacionesRnn');
    expect(findLab('nada')).toBe(null);
  });

  test('every lab has a title, its exercise label, a summary and the statement from the lesson', () => {
    for (const lab of LABS) {
      const texts = labs[lab.key];
      for (const key of ['title', 'exercise', 'summary', 'statement']) expect(typeof texts[key], `${lab.key}.${key}`).toBe('string');
      expect(texts.exercise).toBe(`Ejercicio ${lab.number} (${lab.group.toUpperCase()})`);
      expect(texts.title.length).toBeGreaterThan(5);
      expect(texts.summary.length).toBeGreaterThan(30);
      expect(texts.statement.length).toBeGreaterThan(150);
    }
  });

  test('a lab without its module is absent, not an error', async () => {
    expect(hasModule('no-such-lab')).toBe(false);
    expect(await loadLab('no-such-lab')).toBe(null);
  });
});
