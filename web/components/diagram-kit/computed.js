// What the stepper has computed up to its current step, for the diagrams: the ids of the steps
// done (the current one included). A value whose step is still to come is not drawn.
export const computedIds = (steps, index) => new Set((steps ?? []).slice(0, index + 1).map((step) => step.id));
