// The lesson page's step bar (web/styles.css): the stepper's previous/next (mountStepper's `nav`)
// sticky at the top of the workbench, its height kept in --step-bar-height; under it "↑ Volver
// al paso" while the stepper is out of view, and in the stepper "Ver la explicación en el texto"
// (one column), which brings the text's highlighted block into view.
import {el} from '../dom.js';
import {trackHeight} from '../measure.js';
import {S} from '../strings/index.js';

export const createStepBar = () => el('div', {class: 'step-bar'});

const behavior = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

// bar: createStepBar()'s, with the stepper's nav in it; stepperSlot: the stepper's panel;
// text: mountLessonText's result, or null without the text.
export function mountStepBar(bar, stepperSlot, text) {
  const back = el('button', {
    type: 'button', class: 'to-step', hidden: true,
    onclick: () => stepperSlot.scrollIntoView({block: 'start', behavior: behavior()}),
  }, `↑ ${S.lessonPage.toStep}`);
  bar.append(back);
  const toText = text && el('button', {type: 'button', class: 'to-text', onclick: () => text.reveal()}, S.lessonPage.toText);
  if (toText) stepperSlot.append(toText);
  // Shown once the stepper has gone up, out of the top quarter of the screen (or of its box).
  const observer = new IntersectionObserver(([entry]) => {
    back.hidden = entry.isIntersecting || entry.boundingClientRect.top > (entry.rootBounds?.top ?? 0);
  }, {rootMargin: '-25% 0px 0px 0px'});
  observer.observe(stepperSlot);
  const height = trackHeight(bar, '--step-bar-height');
  return {
    destroy() {
      observer.disconnect();
      height.destroy();
      back.remove();
      toText?.remove();
    },
  };
}
