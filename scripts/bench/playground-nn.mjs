// A scalar network engine in plain JavaScript, built the way TensorFlow Playground's engine works
// (written for this benchmark, not taken from Playground): an object per neuron and per link,
// forward and backward one sample at a time, derivatives accumulated on the objects and the
// weights updated every `batch` samples with their mean. Activation tanh everywhere, whose
// derivative recomputes tanh from the neuron's total input as Playground's does; the error
// ½(output − target)², whose derivative is output − target.
//
// The reference for our WebAssembly step on the Playground-sized workload (2-8-8-1, batch 10):
// with lr = 2 × the core's (the core's MSE has 2(ŷ − y)/B where this has (ŷ − y)/B) it computes
// the same training as the core, which scripts/bench-wasm.mjs checks before timing it.

const tanhDer = (x) => {
  const t = Math.tanh(x);
  return 1 - t * t;
};

class Neuron {
  constructor(bias) {
    this.bias = bias;
    this.inputLinks = [];
    this.outputLinks = [];
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
  }
}

class Link {
  constructor(source, dest, weight) {
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

// params: the core's {W1: [[…]], b1: […], W2, b2, …}; sizes [n0, n1, …].
export function buildNetwork(sizes, params) {
  const layers = [Array.from({length: sizes[0]}, () => new Neuron(0))];
  for (let l = 1; l < sizes.length; ++l) {
    const W = params[`W${l}`], b = params[`b${l}`];
    const layer = [];
    for (let j = 0; j < sizes[l]; ++j) {
      const neuron = new Neuron(b[j]);
      layers[l - 1].forEach((source, k) => {
        const link = new Link(source, neuron, W[j][k]);
        source.outputLinks.push(link);
        neuron.inputLinks.push(link);
      });
      layer.push(neuron);
    }
    layers.push(layer);
  }
  return layers;
}

export function forwardProp(network, input) {
  network[0].forEach((neuron, i) => (neuron.output = input[i]));
  for (let l = 1; l < network.length; ++l) {
    for (const neuron of network[l]) {
      let total = neuron.bias;
      for (const link of neuron.inputLinks) total += link.weight * link.source.output;
      neuron.totalInput = total;
      neuron.output = Math.tanh(total);
    }
  }
  return network[network.length - 1][0].output;
}

export function backProp(network, target) {
  const out = network[network.length - 1][0];
  out.outputDer = out.output - target;
  for (let l = network.length - 1; l >= 1; --l) {
    for (const neuron of network[l]) {
      neuron.inputDer = neuron.outputDer * tanhDer(neuron.totalInput);
      neuron.accInputDer += neuron.inputDer;
      neuron.numAccumulatedDers++;
      for (const link of neuron.inputLinks) {
        link.errorDer = neuron.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const neuron of network[l - 1]) {
      neuron.outputDer = 0;
      for (const link of neuron.outputLinks) neuron.outputDer += link.weight * link.dest.inputDer;
    }
  }
}

export function updateWeights(network, lr) {
  for (let l = 1; l < network.length; ++l) {
    for (const neuron of network[l]) {
      if (neuron.numAccumulatedDers > 0) {
        neuron.bias -= (lr * neuron.accInputDer) / neuron.numAccumulatedDers;
        neuron.accInputDer = 0;
        neuron.numAccumulatedDers = 0;
      }
      for (const link of neuron.inputLinks) {
        if (link.numAccumulatedDers === 0) continue;
        link.weight -= (lr / link.numAccumulatedDers) * link.accErrorDer;
        link.accErrorDer = 0;
        link.numAccumulatedDers = 0;
      }
    }
  }
}

// Training over `inputs`/`targets` in order, `batch` samples per update, cycling: step() trains
// one batch and returns its mean of (output − target)² (the core's MSE) before the update.
export function playgroundTrainer(network, inputs, targets, {batch, lr}) {
  let next = 0;
  return {
    step() {
      let sum = 0;
      for (let i = 0; i < batch; ++i, next = (next + 1) % inputs.length) {
        const e = forwardProp(network, inputs[next]) - targets[next][0];
        sum += e * e;
        backProp(network, targets[next][0]);
      }
      updateWeights(network, lr);
      return sum / batch;
    },
  };
}
