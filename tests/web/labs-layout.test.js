// The labs' layout (docs/labs.md): no lab imports another lab's folder (what several labs use
// lives in web/labs/shared/), and the worker's jobs import only the core and shared modules
// without a DOM (web/labs/shared/*.js, never web/labs/shared/ui/ or a lab's page).
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {describe, expect, test} from 'vitest';
import {root} from './support.js';

const labs = join(root, 'web/labs');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });
}

// Every relative module a file imports (static or dynamic), as a path from web/labs/.
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return found.map((spec) => relative(labs, resolve(dirname(file), spec)).split(sep).join('/'));
}

const LAB_FOLDERS = readdirSync(labs).filter((name) => statSync(join(labs, name)).isDirectory() && !['shared', 'jobs'].includes(name));

describe('the labs\' layout', () => {
  test('no lab imports another lab\'s folder', () => {
    const crossings = [];
    for (const lab of LAB_FOLDERS) {
      for (const file of files(join(labs, lab))) {
        for (const target of importsOf(file)) {
          const folder = target.split('/')[0];
          if (LAB_FOLDERS.includes(folder) && folder !== lab) crossings.push(`${lab}/${relative(join(labs, lab), file)} → ${target}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  test('shared modules import no lab, and those without a DOM import nothing that has one', () => {
    const wrong = [];
    for (const file of files(join(labs, 'shared'))) {
      const pure = !relative(join(labs, 'shared'), file).startsWith('ui');
      for (const target of importsOf(file)) {
        const folder = target.split('/')[0];
        if (LAB_FOLDERS.includes(folder)) wrong.push(`${relative(labs, file)} → ${target}`);
        if (pure && (target.startsWith('shared/ui/') || target.startsWith('../dom.js') || target === 'jobs-client.js')) {
          wrong.push(`${relative(labs, file)} → ${target}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the worker\'s jobs import only the core and the shared modules without a DOM', () => {
    const wrong = [];
    for (const file of files(join(labs, 'jobs'))) {
      for (const target of importsOf(file)) {
        const ok = target.startsWith('../core/') || target.startsWith('jobs/') ||
          (target.startsWith('shared/') && !target.startsWith('shared/ui/'));
        if (!ok) wrong.push(`${relative(labs, file)} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
