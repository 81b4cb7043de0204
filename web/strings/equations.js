// Words inside the stepper's equations (TeX \text{…}) and around its iterations, both lessons.
export const equations = {
  data: 'datos',          // L_datos, ∂L_datos/∂W: the loss without the penalty
  fixed: 'fijo',          // a parameter the optimizer leaves as it is (update_biases: false)
  naive: 'ingenuo',       // lesson 2's "naive" gradient
  fromNext: 'desde ',     // h̄_T's part from t + 1 (there is none)
  contribution: 'aporte de ',
  // The stepper across iterations (web/lessons/iterations.js).
  iteration: (k) => `Iteración ${k}`,
};
