// #/ : what the lessons are and where to start.
import {S} from '../strings/index.js';
import {el} from '../dom.js';
import {languageSwitch} from '../components/language-switch.js';

export function mountHome(root) {
  const home = S.home;
  root.append(
    el('header', {class: 'topbar language-bar'}, languageSwitch()),
    el('main', {class: 'home'}, [
      el('h1', {}, home.title),
      el('p', {class: 'lead'}, home.intro),
      el('ul', {class: 'lesson-cards'},
        home.lessons.map((lesson) =>
          el('li', {}, [el('a', {href: lesson.href}, [el('h2', {}, lesson.title), el('p', {}, lesson.text)])]),
        ),
      ),
      el('p', {class: 'note'}, home.numbers),
    ]),
  );
  return {destroy() {}};
}
