// Words inside the stepper's equations (TeX \text{…}) and around its iterations, both lessons.
export const equations = {
  data: 'data',           // L_data, ∂L_data/∂W: the loss without the penalty
  fixed: 'fixed',         // a parameter the optimizer leaves as it is (update_biases: false)
  naive: 'naive',         // lesson 2's "naive" gradient
  fromNext: 'from ',      // h̄_T's part from t + 1 (there is none)
  contribution: 'contribution of ',
  // The stepper across iterations (web/lessons/iterations.js).
  iteration: (k) => `Iteration ${k}`,
};
