// What both lessons' printed networks say about training (web/components/print-view.js): the
// optimizer with every hyper-parameter (the core's defaults filled in) and λ₁, λ₂ when set.
// Rows [label, text]; the numbers as the page writes them.
import {formatNumber} from '../format.js';
import {S} from '../strings/index.js';
import {optimizerSettings} from './optimizer.js';
import {penalties} from './regularization.js';

export function trainingFacts(scenario) {
  const E = S.editor;
  const {kind, updateBiases, ...hyper} = optimizerSettings(scenario);
  const reg = penalties(scenario);
  return [
    [E.optimizer, E.optimizers[kind] ?? kind],
    ...Object.entries(hyper).map(([name, value]) => [E.hyper[name] ?? name, formatNumber(value)]),
    ...(updateBiases ? [] : [[S.print.updateBiases, S.print.no]]),
    ...(reg.l2 ? [[E.penalties.l2, formatNumber(reg.l2)]] : []),
    ...(reg.l1 ? [[E.penalties.l1, formatNumber(reg.l1)]] : []),
  ];
}
