// The language switch of every top bar, "ES | EN": one link per language to the same address in
// that language (web/router.js keeps every other parameter, so the scenario, the step and every
// setting carry over); main.js re-renders the page when `lang` changes. Each link is marked in its
// own language and reads out in full ("English"), its two letters hidden from assistive
// technology; the current one has aria-current.
import {el} from '../dom.js';
import {withLanguage} from '../router.js';
import {LANGUAGES, S, language} from '../strings/index.js';

export function languageSwitch() {
  const T = S.languageSwitch;
  const links = LANGUAGES.map((lang) => {
    const link = el('a', {
      class: 'language-option',
      lang,
      hreflang: lang,
      title: T.names[lang],
      'aria-current': lang === language() ? 'true' : null,
    }, [el('span', {'aria-hidden': 'true'}, T.short[lang]), el('span', {class: 'sr-only'}, T.names[lang])]);
    // The page rewrites its address as the student works: the link follows it until it is used.
    const refresh = () => { link.href = withLanguage(location.hash, lang); };
    refresh();
    for (const type of ['pointerenter', 'focus', 'click']) link.addEventListener(type, refresh);
    return link;
  });
  return el('nav', {class: 'language-switch', 'aria-label': T.label}, links);
}
