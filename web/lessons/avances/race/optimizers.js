// The race's seven optimizers: what each one asks the core for (`surface`'s optimizers) at a
// learning rate η, and how it is drawn: a colour-blind-safe colour (Okabe and Ito's palette), a
// dash pattern and a marker shape, so that no two differ by colour alone. Pure.
//
//   RACERS: [{id, colour, dash: [on, off…], marker}]   in the race's order
//   optimizerSpec(id, lr) → {kind, lr, momentum?}      the core's optimizer (PyTorch's defaults
//                                                      for the rest; momentum 0.9 for 'momentum')
export const MOMENTUM = 0.9;

export const RACERS = [
  {id: 'sgd', colour: '#000000', dash: [], marker: 'circle'},
  {id: 'momentum', colour: '#e69f00', dash: [8, 4], marker: 'square'},
  {id: 'adagrad', colour: '#56b4e9', dash: [2, 3], marker: 'triangle'},
  {id: 'rmsprop', colour: '#009e73', dash: [10, 3, 2, 3], marker: 'diamond'},
  {id: 'adam', colour: '#0072b2', dash: [], marker: 'square'},
  {id: 'adadelta', colour: '#d55e00', dash: [5, 5], marker: 'circle'},
  {id: 'adamax', colour: '#cc79a7', dash: [1, 2], marker: 'triangle'},
];

export const RACER_IDS = RACERS.map((r) => r.id);

export function optimizerSpec(id, lr) {
  if (id === 'momentum') return {kind: 'sgd', lr, momentum: MOMENTUM};
  return {kind: id, lr};
}

// The optimizer id a trajectory of the core's result belongs to: the race asks in RACERS order.
export const racerOf = (ids, index) => RACERS.find((r) => r.id === ids[index]);
