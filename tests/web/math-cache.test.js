// web/math.js keeps rendered math for the stepper (`cached`): the text read out with it
// (texText's words) is the page's language, so a cached equation after a language switch reads
// out in the new language, not the one it was first rendered in.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {installFakeDom} from './fake-dom.js';
import {texWithText} from '../../web/math.js';
import {S, setLanguage} from '../../web/strings/index.js';

beforeAll(installFakeDom);
afterAll(() => setLanguage('es'));

const readOut = (node) => node.childNodes[0].textContent;  // the sr-only span texWithText prepends
const SOURCE = String.raw`\begin{bmatrix}0.1 & 0.2\\0.3 & 0.4\end{bmatrix}`;

test('a cached equation reads out in the language of the page at each call', async () => {
  await setLanguage('es');
  const spanish = readOut(texWithText(SOURCE, {display: true, cached: true}));
  expect(spanish).toBe(S.a11y.matrix([['0.1', '0.2'], ['0.3', '0.4']]));
  await setLanguage('en');
  const english = readOut(texWithText(SOURCE, {display: true, cached: true}));
  expect(english).toBe(S.a11y.matrix([['0.1', '0.2'], ['0.3', '0.4']]));
  expect(english).not.toBe(spanish);
  await setLanguage('es');
  expect(readOut(texWithText(SOURCE, {display: true, cached: true}))).toBe(spanish);
});
