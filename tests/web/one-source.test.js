// One source for each fact: the core's limits, defaults and option lists reach the page through
// core.spec() (web/core/spec.js), never as copies. This scans the front end's code (comments and
// strings aside) for the tell-tale copies: the core's distinctive limits and defaults as literals,
// and its option lists written out.
import {beforeAll, describe, expect, test} from 'vitest';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {loadWasmCore, root} from './support.js';

const web = join(root, 'web');
// Content, not code: the lessons' texts (PyTorch listings) and the Spanish strings.
const CONTENT = [/^strings\//, /^lessons\/[^/]+\/text\.js$/];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.m?js$/.test(name) && name !== 'core.mjs' ? [path] : [];
  });
}

// The code of a file with comments, strings and template text blanked out (line numbers kept).
function codeOf(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, (m) => `'${' '.repeat(Math.max(0, m.length - 2))}'`);
}

function files() {
  return sources(web)
    .map((path) => ({name: relative(web, path), text: readFileSync(path, 'utf8')}))
    .filter(({name}) => !CONTENT.some((re) => re.test(name)));
}

// The numbers of the spec that would only be written by copying it: its limits and bounds beyond
// 10⁵ and the optimizers' hyper-parameter defaults that nothing else uses. Rounder numbers (10⁴,
// 10⁵, 1000, 0.9, 0.01, 1e-3) are everywhere for other reasons: formats, charts, the lesson's
// 10,000 iterations.
function distinctiveNumbers(spec) {
  const seen = new Set();
  const walk = (v) => {
    if (typeof v === 'number') seen.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(spec);
  const {adam} = spec.scenario.optimizer;
  return [...seen].filter((x) => Math.abs(x) > 1e5).concat([adam.beta2.default, adam.eps.default, adam.eps.min]);
}

const literal = /(?<![\w.$])(\d[\d_]*\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)(?![\w.])/gi;

let spec;
beforeAll(async () => {
  spec = (await loadWasmCore()).spec();
});

describe('the front end copies nothing the core exports', () => {
  test('no distinctive limit or default of the core as a literal', () => {
    const wanted = new Set(distinctiveNumbers(spec));
    const hits = [];
    for (const {name, text} of files()) {
      codeOf(text).split('\n').forEach((line, i) => {
        for (const [token] of line.matchAll(literal)) {
          const value = Number(token.replace(/_/g, ''));
          if (wanted.has(value)) hits.push(`${name}:${i + 1}: ${token}`);
        }
        if (/MAX_SAFE_INTEGER|2\s*\*\*\s*5[23]/.test(line)) hits.push(`${name}:${i + 1}: the seed limit`);
      });
    }
    expect(hits).toEqual([]);
  });

  test('no option list of the core written out', () => {
    const lists = [
      spec.scenario.activations, spec.scenario.mlp.loss.values, spec.scenario.rnn.loss.values,
      spec.scenario.optimizer.kind.values, spec.scenario.init.scheme.values,
      spec.data.points.shape.values, spec.data.sequences.task.values,
    ];
    const hits = [];
    for (const {name, text} of files()) {
      // Array literals of quoted names holding a whole list, or four names of a longer one (a
      // lab's chosen few, such as the three activations it compares, are its own choice).
      for (const match of text.matchAll(/\[\s*(['"][\w-]+['"]\s*,\s*)+['"][\w-]+['"]\s*,?\s*\]/g)) {
        const names = new Set([...match[0].matchAll(/['"]([\w-]+)['"]/g)].map((m) => m[1]));
        const copied = lists.find((list) => [...names].filter((n) => list.includes(n)).length >= Math.min(4, list.length));
        if (copied) hits.push(`${name}: ${match[0]}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
