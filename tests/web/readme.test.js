// README.md's commands: every line of its sh code blocks is checked. `npm start`, `npm test` and
// `npm run X` name a script of package.json whose files exist and parse (they are too long to
// run here); each `build/backprop …` and `npx backprop …` line runs for real (the Node tool as
// `node bin/backprop.mjs`) and exits 0, or the code its comment documents ("# exits 2: message",
// with that message on stderr); the cmake line's tools and CMakeLists.txt exist. A command of
// another kind fails this test until it gets a check here.
import {accessSync, constants, existsSync, readFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';

// (not from support.js, which loads the wasm core: this file needs only the tools)
const root = fileURLToPath(new URL('../../', import.meta.url));
const nativeCli = join(root, 'build/backprop');
const nodeCli = join(root, 'bin/backprop.mjs');
const requireNative = () => expect(existsSync(nativeCli), 'build/backprop is built (cmake --build build)').toBe(true);

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;

// A line's command and its comment: a # after a blank, outside quotes, starts the comment.
function splitComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return {command: line.slice(0, i).trim(), comment: line.slice(i + 1).trim()};
  }
  return {command: line.trim(), comment: ''};
}

// Every command line of the README's sh/bash/shell code blocks.
function readmeCommands() {
  const lines = [];
  for (const [, language, body] of readme.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)) {
    if (!['sh', 'bash', 'shell'].includes(language)) continue;
    for (const line of body.split('\n')) {
      const {command, comment} = splitComment(line);
      if (command) lines.push({line, command, comment});
    }
  }
  return lines;
}

const commands = readmeCommands();
const npmScript = (command) => command.match(/^(?:[A-Z_]+=\S*\s+)*npm (?:run ([\w:.-]+)|(start|test))$/);
const backpropLine = (command) => /(^|\|\s*)(build\/backprop|npx backprop)\s/.test(command);
const bash = (args, options = {}) => spawnSync('bash', args, {cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, ...options});
const onPath = (program) => bash(['-c', `command -v ${program}`]).status === 0;

// The files a package.json script runs: its programs that are paths, and `node FILE`'s FILE.
function scriptFiles(script) {
  const files = [];
  const programs = [];
  for (const part of script.split(/&&|\|\||;/)) {
    const words = part.trim().split(/\s+/).filter((w) => !/^[A-Z_]+=/.test(w));
    if (!words.length) continue;
    const [program, first] = words;
    if (program === 'node') files.push(first);
    else if (program === 'npx') programs.push(first);
    else if (program.includes('/')) files.push(program);
    else programs.push(program);
  }
  return {files, programs};
}

describe('README.md', () => {
  test('has commands, and every one is of a kind this test checks', () => {
    expect(commands.length).toBeGreaterThan(10);
    const unchecked = commands.filter(({command}) => !npmScript(command) && !backpropLine(command) && !/^cmake /.test(command));
    expect(unchecked.map((c) => c.line)).toEqual([]);
  });

  test('shows npm start, npm test and npm run build', () => {
    const shown = commands.map(({command}) => npmScript(command)).filter(Boolean).map((m) => m[1] ?? m[2]);
    expect(shown).toEqual(expect.arrayContaining(['start', 'test', 'build', 'bench', 'bench:wasm', 'budgets', 'test:web']));
  });

  const npmLines = commands.filter(({command}) => npmScript(command));
  test.each(npmLines.map((c) => [c.command]))('%s: the script exists, its files exist and parse', (command) => {
    const name = npmScript(command).slice(1).find(Boolean);
    expect(scripts, `package.json has no script "${name}"`).toHaveProperty([name]);
    const {files, programs} = scriptFiles(scripts[name]);
    expect([...files, ...programs], `the script "${name}" runs nothing`).not.toEqual([]);
    for (const program of programs) {
      expect(existsSync(join(root, 'node_modules/.bin', program)) || onPath(program), `${program} is installed`).toBe(true);
    }
    for (const file of files) {
      const path = join(root, file);
      expect(existsSync(path), `${file} exists`).toBe(true);
      if (file.endsWith('.sh')) {
        accessSync(path, constants.X_OK);
        expect(bash(['-n', path]).stderr).toBe('');
        // The scripts it calls in its turn exist.
        for (const [called] of readFileSync(path, 'utf8').matchAll(/\bscripts\/[\w./-]+\.(?:sh|mjs|js)\b/g)) {
          expect(existsSync(join(root, called)), `${called}, called by ${file}, exists`).toBe(true);
        }
      } else {
        const check = spawnSync(process.execPath, ['--check', path], {encoding: 'utf8'});
        expect(check.stderr).toBe('');
        expect(check.status).toBe(0);
      }
    }
  });

  test('the cmake line: cmake is installed and the project has its CMakeLists.txt', () => {
    const cmake = commands.filter(({command}) => /^cmake /.test(command));
    expect(cmake).toHaveLength(1);
    expect(bash(['-n', '-c', cmake[0].command]).status).toBe(0);
    expect(onPath('cmake')).toBe(true);
    expect(existsSync(join(root, 'CMakeLists.txt'))).toBe(true);
  });

  const toolLines = commands.filter(({command}) => backpropLine(command));
  test.each(toolLines.map((c) => [c.command, c.comment]))('%s', (command, comment) => {
    requireNative();
    // The Node tool from the working tree: what `npx backprop` runs, without npm in between.
    const line = command.replace(/\bnpx backprop\b/, `node ${nodeCli}`);
    const documented = comment.match(/^exits (\d+)(?::\s*(.*))?$/);
    const result = bash(['-o', 'pipefail', '-c', line]);
    if (documented) {
      expect({status: result.status, stderr: result.stderr.trim()}).toEqual({status: Number(documented[1]), stderr: documented[2] ?? result.stderr.trim()});
      expect(result.stdout).toBe('');
    } else {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(() => JSON.parse(result.stdout), 'JSON on stdout').not.toThrow();
    }
  });

  test('the README shows the native and the Node tool at work', () => {
    expect(toolLines.some(({command}) => command.includes('build/backprop'))).toBe(true);
    expect(toolLines.some(({command}) => command.startsWith('npx backprop'))).toBe(true);
    expect(toolLines.some(({comment}) => /^exits [1-9]/.test(comment))).toBe(true);
  });

  test('--help of build/backprop and of bin/backprop.mjs', () => {
    requireNative();
    for (const [program, args] of [[nativeCli, ['--help']], [process.execPath, [nodeCli, '--help']]]) {
      const result = spawnSync(program, args, {cwd: root, encoding: 'utf8'});
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^usage: backprop COMMAND FILE\|-/);
      for (const verb of ['trace', 'train', 'gradcheck', 'norms', 'predict', 'data']) expect(result.stdout).toContain(`  ${verb} `);
    }
  });
});
