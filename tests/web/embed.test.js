// Embedding (docs/embed.md), the pure parts under Node: the teacher's options in the address,
// the parent's messages refused field by field, the snippet, index.html's static message for a
// frame that cannot load, and embed.js shipped with the site. The browser side is
// tests/e2e/embed.e2e.test.js.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {readGoto, readMeasure} from '../../web/embed/messages.js';
import {embedQuery, readView} from '../../web/embed/view.js';
import {SANDBOX, embedSnippet, embedUrl} from '../../web/embed/snippet.js';
import {S} from '../../web/strings/index.js';
import {root} from './support.js';

const LESSON = ['editor', 'training', 'gradcheck'];
const view = (query, embed = true) => {
  const {edit, panels, query: kept} = readView(new URLSearchParams(query), LESSON, embed);
  return {edit, panels: [...panels].sort(), kept};
};

describe('the teacher\'s options', () => {
  test('defaults: everything on the full page, the stepper and the diagram embedded', () => {
    expect(view('', false)).toEqual({edit: true, panels: ['diagram', 'editor', 'gradcheck', 'share', 'stepper', 'text', 'training'], kept: []});
    expect(view('embed=1')).toEqual({edit: true, panels: ['diagram', 'stepper'], kept: []});
  });

  test('panels= chooses the parts; unknown names are ignored; none known is the default', () => {
    expect(view('panels=stepper,text,nonsense')).toEqual({edit: true, panels: ['stepper', 'text'], kept: [['panels', 'stepper,text']]});
    expect(view('panels=nonsense,,')).toEqual({edit: true, panels: ['diagram', 'stepper'], kept: []});
    expect(view('panels=explorer')).toEqual({edit: true, panels: ['diagram', 'stepper'], kept: []});  // lesson 2's only
  });

  test('edit=0 drops the editor and training whatever panels= says; only "0" is read-only', () => {
    expect(view('edit=0&panels=editor,training,diagram')).toEqual({edit: false, panels: ['diagram'], kept: [['edit', '0'], ['panels', 'editor,training,diagram']]});
    expect(view('edit=no').edit).toBe(true);
  });

  test('the embed address: the page\'s scenario, the chosen step, embed=1 and the options', () => {
    const page = new URLSearchParams('s=abc&step=4&edit=0&panels=text&embed=1');
    expect(embedQuery(page).toString()).toBe('s=abc&step=4&embed=1');
    expect(embedQuery(page, {edit: false, step: 7, panels: ['stepper', 'text']}).toString()).toBe('s=abc&step=7&embed=1&edit=0&panels=stepper%2Ctext');
    expect(embedQuery(page, {step: -1}).get('step')).toBe('4');
    expect(embedQuery(page, {step: 1.5}).get('step')).toBe('4');
  });

  test('the snippet: the frame with its sandbox, then embed.js, attributes escaped', () => {
    const url = embedUrl('/mlp', new URLSearchParams('step=2'), {edit: false}, 'https://cursos.example/bp/');
    expect(url).toBe('https://cursos.example/bp/#/mlp?step=2&embed=1&edit=0');
    const snippet = embedSnippet(url, 'https://cursos.example/bp/embed.js');
    expect(snippet).toMatch(/^<iframe src="https:\/\/cursos\.example\/bp\/#\/mlp\?step=2&amp;embed=1&amp;edit=0" /);
    expect(snippet).toContain(`sandbox="${SANDBOX}"`);
    expect(SANDBOX.split(' ')).toEqual(expect.arrayContaining(['allow-scripts', 'allow-same-origin']));
    expect(snippet.split('\n')[1]).toBe('<script src="https://cursos.example/bp/embed.js"></script>');
    expect(embedSnippet('https://x/#/mlp?a="b"', 'https://x/embed.js')).toContain('src="https://x/#/mlp?a=&quot;b&quot;"');
  });
});

describe('messages from the parent', () => {
  test('backprop:goto: exactly {type, step}, step a whole index of this iteration', () => {
    expect(readGoto({type: 'backprop:goto', step: 0}, 13)).toBe(0);
    expect(readGoto({type: 'backprop:goto', step: 12}, 13)).toBe(12);
    const malformed = [
      null, undefined, 'backprop:goto', 5, [], ['backprop:goto', 3],
      {step: 3}, {type: 'backprop:step', step: 3}, {type: 'BACKPROP:GOTO', step: 3},
      {type: 'backprop:goto'}, {type: 'backprop:goto', step: '3'}, {type: 'backprop:goto', step: 2.5},
      {type: 'backprop:goto', step: -1}, {type: 'backprop:goto', step: 13}, {type: 'backprop:goto', step: NaN},
      {type: 'backprop:goto', step: Infinity}, {type: 'backprop:goto', step: 3, extra: true},
      {type: 'backprop:goto', step: null}, Object.assign(Object.create({step: 3}), {type: 'backprop:goto'}),
      new Map([['type', 'backprop:goto'], ['step', 3]]),
    ];
    for (const data of malformed) expect(readGoto(data, 13), JSON.stringify(data) ?? String(data)).toBe(null);
  });

  test('backprop:measure: exactly {type}', () => {
    expect(readMeasure({type: 'backprop:measure'})).toBe(true);
    expect(readMeasure({type: 'backprop:measure', height: 3})).toBe(false);
    expect(readMeasure('backprop:measure')).toBe(false);
  });
});

describe('shipped with the page', () => {
  const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();

  test('index.html says what a frame without allow-same-origin needs, in the strings\' words', () => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const message = html.match(/<main class="message frame-blocked boot-message">([\s\S]*?)<\/main>/);
    expect(message).not.toBe(null);
    expect(text(message[1])).toBe(`${S.embed.blockedTitle} ${S.embed.blockedText}`);
    expect(S.embed.blockedText).toContain('allow-same-origin');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);  // no inline script (the CSP)
    expect(html).not.toMatch(/\sstyle="/);
  });

  test('embed.js is a plain public file that sizes only the frame a message came from', () => {
    const script = readFileSync(join(root, 'web/public/embed.js'), 'utf8');
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    expect(script).toContain("'backprop:resize'");
    expect(script).toContain('contentWindow === source');
  });
});
