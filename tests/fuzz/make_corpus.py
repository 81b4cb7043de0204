#!/usr/bin/env python3
"""Seed corpus for tests/fuzz/scenario_fuzzer: every fixture scenario, one per file, plus a few
hand-made variants (small models that reach trace/gradcheck, and malformed inputs).

usage: make_corpus.py CORPUS_DIR
"""
import copy
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "pytorch"

SMALL_MLP = {
    "model": {"kind": "mlp", "layers": [2, 2, 2], "activations": ["sigmoid", "sigmoid"], "loss": "half_sse"},
    "parameters": {"W1": [[0.15, 0.2], [0.25, 0.3]], "b1": [0.35, 0.35],
                   "W2": [[0.4, 0.45], [0.5, 0.55]], "b2": [0.6, 0.6]},
    "data": {"inputs": [[0.05, 0.1]], "targets": [[0.01, 0.99]]},
    "optimizer": {"kind": "sgd", "lr": 0.5, "update_biases": False},
    "train": {"steps": 2, "record_every": 1},
}

SMALL_RNN = {
    "model": {"kind": "rnn", "input_size": 1, "hidden_size": 2, "output_size": 2,
              "hidden_activation": "tanh", "output_activation": "softmax", "loss": "cross_entropy", "bias": True},
    "init": {"scheme": "uniform", "scale": 0.5, "seed": 7},
    "data": {"sequences": [{"inputs": [[1], [0], [-1]], "targets": [[1, 0], [0, 1], [1, 0]]},
                           {"inputs": [[0.5]], "targets": [[0, 1]]}]},
    "optimizer": {"kind": "rmsprop", "lr": 0.01, "rho": 0.9, "eps": 1e-8},
    "train": {"steps": 3, "record_every": 1, "batch_size": 1, "shuffle": True, "seed": 3},
}


def variants():
    """Small valid scenarios touching every enum value and option."""
    out = []
    for act in ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"]:
        s = copy.deepcopy(SMALL_MLP)
        s["model"]["activations"] = [act, act]
        out.append(s)
    for loss in ["half_sse", "mse"]:
        s = copy.deepcopy(SMALL_MLP)
        s["model"]["loss"] = loss
        out.append(s)
    s = copy.deepcopy(SMALL_MLP)
    s["model"]["activations"] = ["relu", "softmax"]
    s["model"]["loss"] = "cross_entropy"
    del s["parameters"]
    s["init"] = {"scheme": "he_uniform", "seed": 1}
    s["data"] = {"inputs": [[1, 2], [3, 4], [5, 6]], "targets": [[1, 0], [0, 1], [1, 0]],
                 "validation": {"inputs": [[0, 0]], "targets": [[0, 1]]}}
    s["optimizer"] = {"kind": "adam", "lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    s["regularization"] = {"l1": 0.01, "l2": 0.001}
    s["train"] = {"steps": 5, "record_every": 2, "batch_size": 2, "shuffle": True, "seed": 9}
    out.append(s)
    s = copy.deepcopy(s)
    s["optimizer"] = {"kind": "adagrad", "lr": 0.01, "lr_decay": 0.1, "initial_accumulator_value": 0.5, "eps": 1e-10}
    s["iteration"] = 3
    out.append(s)
    for scheme in ["uniform", "xavier_uniform", "pytorch_default"]:
        s = copy.deepcopy(SMALL_MLP)
        del s["parameters"]
        s["init"] = {"scheme": scheme, "scale": 0.1, "seed": 42}
        s["optimizer"] = {"kind": "sgd", "lr": 0.1, "momentum": 0.9}
        out.append(s)
    out.append(copy.deepcopy(SMALL_RNN))
    s = copy.deepcopy(SMALL_RNN)
    s["model"].update({"bias": False, "hidden_activation": "relu", "output_activation": "sigmoid", "loss": "half_sse"})
    s["parameters"] = {"U": [[0.1], [0.2]], "V": [[0.3, 0.4], [0.5, 0.6]], "W": [[0.7, 0.8], [0.9, 1.0]],
                       "h0": [0.0, 0.1]}
    s["data"]["sequences"][1]["targets"] = [[0.5, 0.5]]
    out.append(s)
    s = copy.deepcopy(SMALL_RNN)
    s["data"]["validation"] = {"sequences": [{"inputs": [[1], [1]], "targets": [None, [0, 1]]}]}
    s["data"]["input_size"] = 1
    out.append(s)
    # Data specs (the data verb), every shape and task.
    for shape in ["linear", "xor", "circles", "spiral"]:
        out.append({"kind": "points", "shape": shape, "count": 20, "noise": 0.1, "validation": 0.25, "seed": 1})
    for task in ["running_sum", "echo", "parity"]:
        out.append({"kind": "sequences", "task": task, "count": 6, "min_length": 3, "max_length": 7,
                    "validation": 0.3, "seed": 2, **({"delay": 1} if task == "echo" else {})})
    return out


# Inputs the parser must refuse, each naming a field.
MALFORMED = [
    b"",
    b"{",
    b"[]",
    b"null",
    b'{"model": 1}',
    b'{"model": {"kind": "cnn"}}',
    b'{"model": {"kind": "mlp", "layers": [2, 0], "activations": ["sigmoid"]}}',
    b'{"model": {"kind": "mlp", "layers": [2, 2], "activations": ["sigmoid"], "loss": "cross_entropy"},'
    b' "data": {"inputs": [[1, 2]], "targets": [[1, 0]]}}',
    b'{"model": {"kind": "mlp", "layers": [1, 1], "activations": ["linear"]},'
    b' "data": {"inputs": [[1e999]], "targets": [[0]]}}',
    b'{"model": {"kind": "mlp", "layers": [1, 1], "activations": ["linear"]},'
    b' "data": {"inputs": [[1], [2]], "targets": [[0]]}, "extra": true}',
    b'{"model": {"kind": "rnn", "input_size": 1, "hidden_size": 1, "output_size": 1},'
    b' "data": {"sequences": []}}',
    b'{"model": {"kind": "rnn", "input_size": 4096, "hidden_size": 4096, "output_size": 4096},'
    b' "data": {"sequences": [{"inputs": [[0]], "targets": [[0]]}]}}',
    b'{"model": {"kind": "mlp", "layers": [1, 1], "activations": ["linear"]},'
    b' "data": {"inputs": [[1]], "targets": [[0]]}, "optimizer": {"kind": "sgd", "lr": -1}}',
    b'{"model": {"kind": "mlp", "layers": [1, 1], "activations": ["linear"]},'
    b' "data": {"inputs": [[1]], "targets": [[0]]}, "train": {"steps": 1.5, "batch_size": 2}}',
    b'{"a": "\\u00e9\\ud800", "b": "\xff"}',
    b"[" * 100 + b"]" * 100,
]


def write(directory, name, data):
    digest = hashlib.sha1(data).hexdigest()[:12]
    (directory / f"{name}-{digest}.json").write_bytes(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = pathlib.Path(sys.argv[1])
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(FIXTURES.glob("*.json")):
        for case in json.loads(path.read_text())["cases"]:
            write(directory, f"fixture-{path.stem}-{case['name']}", json.dumps(case["scenario"], indent=1).encode())
            count += 1
    for i, s in enumerate(variants()):
        write(directory, f"small-{i}", json.dumps(s).encode())
        count += 1
    for i, data in enumerate(MALFORMED):
        write(directory, f"malformed-{i}", data)
        count += 1
    regressions = pathlib.Path(__file__).resolve().parent / "regressions"
    for path in sorted(regressions.glob("*.json")):
        write(directory, f"regression-{path.stem}", path.read_bytes())
        count += 1
    print(f"{count} seeds in {directory}")


if __name__ == "__main__":
    main()
