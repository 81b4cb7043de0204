#!/usr/bin/python3
"""Checks docs/scenario.schema.json against what the scenario parser accepts and refuses.

usage: check_schema.py [BACKPROP [BACKPROP_ARGS...]]   (e.g. build/backprop, or node bin/backprop.mjs)

- the schema is itself a valid JSON Schema (draft 2020-12);
- every examples/*.json and every cases[].scenario of tests/fixtures/pytorch/*.json is valid;
- variants of those that the parser accepts (nulls for defaults, every optimizer, limits) are valid;
- variants that the parser refuses (wrong kind, unknown activation, negative lr, unknown fields,
  layers [2, 0], steps 1e12, a string for a number, ...) are invalid;
- variants the parser refuses for reasons no schema can see (shapes that depend on other values)
  are valid, as the schema's description says.
With BACKPROP, every variant also goes through `BACKPROP trace -`, which must agree: exit 0 for the
valid ones, 2 (refused with a message) for the others.

Needs Debian's python3-jsonschema (apt-get install python3-jsonschema); run it with /usr/bin/python3.
"""
import copy, glob, json, os, subprocess, sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    sys.exit("check_schema.py: needs jsonschema (apt-get install python3-jsonschema; run with /usr/bin/python3)")

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SCHEMA = os.path.join(ROOT, "docs", "scenario.schema.json")
DELETE = object()


def no_constant(name):  # JSON has no NaN or Infinity; Python's json module would accept them
    raise ValueError("not JSON: " + name)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=no_constant)


def variant(base, *edits):
    """A deep copy of base with edits (path, value) applied; value DELETE removes the key."""
    s = copy.deepcopy(base)
    for path, value in edits:
        *parents, last = path
        node = s
        for key in parents:
            node = node[key]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
    return s


classic = load(os.path.join(ROOT, "examples", "classic.json"))  # mlp 2-2-2, explicit parameters
pytorch = load(os.path.join(ROOT, "examples", "lesson-pytorch.json"))  # mlp with validation data
rnn = load(os.path.join(ROOT, "examples", "lesson-rnn.json"))  # rnn 2-4-5, bias false, h0 given
small_rnn = {"model": {"kind": "rnn", "input_size": 2, "hidden_size": 3, "output_size": 1},
             "data": {"sequences": [{"inputs": [[1, 2], [3, 4]], "targets": [[0.5], [0.2]]}]}}
MAX_SEED = 2 ** 53 - 1

# Scenarios the parser accepts.
good = {
    "every optional section null": variant(classic, (("parameters",), None), (("init",), None),
                                           (("optimizer",), None), (("regularization",), None),
                                           (("train",), None)),
    "only model and data": {"model": classic["model"], "data": classic["data"]},
    "every optional field null": variant(classic, (("model", "loss"), None),
                                         (("parameters", "W1"), None), (("parameters", "b2"), None),
                                         (("init",), {"scheme": None, "scale": None, "seed": None}),
                                         (("optimizer",), {"kind": None, "lr": None, "momentum": None,
                                                           "update_biases": None}),
                                         (("regularization",), {"l1": None, "l2": None}),
                                         (("train",), {"steps": None, "record_every": None, "batch_size": None,
                                                       "shuffle": None, "seed": None}),
                                         (("data", "validation"), None)),
    "empty objects": variant(classic, (("parameters",), {}), (("init",), {}), (("optimizer",), {}),
                             (("regularization",), {}), (("train",), {})),
    "sgd momentum without kind": variant(classic, (("optimizer",), {"lr": 0.1, "momentum": 0.9})),
    "adam, every field": variant(classic, (("optimizer",), {"kind": "adam", "lr": 0.01, "beta1": 0.8, "beta2": 0.99,
                                                            "eps": 1e-6, "update_biases": True})),
    "rmsprop, every field": variant(classic, (("optimizer",), {"kind": "rmsprop", "lr": 0.01, "rho": 0.9,
                                                               "eps": 1e-8, "update_biases": False})),
    "limits: lr 0, eps 1, momentum 0": variant(classic, (("optimizer",), {"kind": "sgd", "lr": 0, "momentum": 0})),
    "limits: lr 1e6": variant(classic, (("optimizer", "lr"), 1e6)),
    "limits: eps 1e-300": variant(classic, (("optimizer",), {"kind": "adam", "eps": 1e-300})),
    "limits: eps 1": variant(classic, (("optimizer",), {"kind": "rmsprop", "eps": 1})),
    "limits: steps 0": variant(classic, (("train", "steps"), 0)),
    "limits: steps 10,000,000": variant(classic, (("train", "steps"), 10000000)),
    "limits: seeds 2^53 - 1": variant(classic, (("init",), {"seed": MAX_SEED}),
                                      (("train", "seed"), MAX_SEED)),
    "limits: scale 0 and 1000": variant(classic, (("init",), {"scheme": "uniform", "scale": 1000})),
    "limits: 4096 units": {"model": {"kind": "mlp", "layers": [1, 4096, 1], "activations": ["tanh", "linear"]},
                           "data": {"inputs": [[0.5]], "targets": [[0.1]]}},
    "whole numbers written 2.0, 1e3": variant(classic, (("model", "layers"), [2.0, 2, 2e0]),
                                              (("train", "steps"), 1e3)),
    "mini-batch, shuffled, own seed": variant(classic, (("train",), {"steps": 5, "record_every": 2, "batch_size": 1,
                                                                     "shuffle": True, "seed": 7})),
    "every init scheme": variant(classic, (("parameters",), DELETE), (("init",), {"scheme": "he_uniform", "seed": 3})),
    "l1 and l2": variant(classic, (("regularization",), {"l1": 0.01, "l2": 0.5})),
    "cross_entropy with softmax output": variant(classic, (("model", "activations"), ["relu", "softmax"]),
                                                 (("model", "loss"), "cross_entropy")),
    "softmax hidden, cross_entropy, 4 layers": {
        "model": {"kind": "mlp", "layers": [2, 3, 3, 2], "activations": ["softmax", "leaky_relu", "softmax"],
                  "loss": "cross_entropy"},
        "data": {"inputs": [[0.1, 0.2]], "targets": [[0, 1]]}},
    "mse and validation": pytorch,
    "rnn minimal": small_rnn,
    "rnn bias with b and c": variant(small_rnn, (("model", "bias"), True),
                                     (("parameters",), {"b": [0.1, 0.2, 0.3], "c": [0.4], "h0": None})),
    "rnn bias null, b and c absent": variant(small_rnn, (("model", "bias"), None),
                                             (("parameters",), {"U": None, "V": None, "W": None})),
    "rnn cross_entropy with softmax": variant(small_rnn, (("model", "output_activation"), "softmax"),
                                              (("model", "loss"), "cross_entropy"),
                                              (("data", "sequences", 0, "targets"), [[1], [1]])),
    "mlp empty validation (none)": variant(pytorch, (("data", "validation"), {"inputs": [], "targets": []})),
    "rnn validation": variant(small_rnn, (("data", "validation"), {"sequences": [
        {"inputs": [[0, 1]], "targets": [[0.3]]}, {"inputs": [[1, 1], [2, 2]], "targets": [None, [0.1]]}]})),
    "rnn empty validation, sizes of a data verb's result": variant(
        small_rnn, (("data", "validation"), {"sequences": []}), (("data", "input_size"), 2),
        (("data", "output_size"), 1)),
    "early stopping, mlp": variant(pytorch, (("train",), {"steps": 10, "early_stopping": {"patience": 3}})),
    "early stopping, rnn": variant(small_rnn, (("data", "validation"), {"sequences": [
        {"inputs": [[0, 1]], "targets": [[0.3]]}]}), (("train",), {"early_stopping": {"patience": 10000}})),
    "rnn every field": variant(rnn, (("model", "hidden_activation"), "tanh"),
                               (("optimizer",), {"kind": "adam", "lr": 0.01}),
                               (("train", "batch_size"), 1), (("regularization",), {"l2": 0.1})),
}

# Scenarios the parser refuses, and the schema must too.
bad = {
    "not an object": [1, 2, 3],
    "no model": {"data": classic["data"]},
    "model null": variant(classic, (("model",), None)),
    "no data": variant(classic, (("data",), DELETE)),
    "unknown top-level field": variant(classic, (("optimiser",), {})),
    "$schema key": variant(classic, (("$schema",), "https://json-schema.org/draft/2020-12/schema")),
    "wrong kind": variant(classic, (("model", "kind"), "cnn")),
    "no kind": variant(classic, (("model", "kind"), DELETE)),
    "unknown activation": variant(classic, (("model", "activations", 1), "swish")),
    "activations not a list": variant(classic, (("model", "activations"), "sigmoid")),
    "layers [2, 0]": variant(classic, (("model", "layers"), [2, 0]), (("model", "activations"), ["sigmoid"]),
                             (("parameters",), DELETE)),
    "layers not a list": variant(classic, (("model", "layers"), 3)),
    "one layer": variant(classic, (("model", "layers"), [2])),
    "34 layers": variant(classic, (("model", "layers"), [2] * 34), (("model", "activations"), ["tanh"] * 33),
                         (("parameters",), DELETE)),
    "huge layer": variant(classic, (("model", "layers", 1), 100000)),
    "fractional size": variant(classic, (("model", "layers", 0), 2.5)),
    "size as a string": variant(classic, (("model", "layers", 0), "2")),
    "size as true": variant(classic, (("model", "layers", 0), True)),
    "unknown loss": variant(classic, (("model", "loss"), "hinge")),
    "cross_entropy without softmax": variant(classic, (("model", "loss"), "cross_entropy")),
    "cross_entropy, softmax not last": variant(classic, (("model", "activations"), ["softmax", "sigmoid"]),
                                               (("model", "loss"), "cross_entropy")),
    "typo in model": variant(classic, (("model", "layer"), [2, 2])),
    "rnn field in an mlp": variant(classic, (("model", "bias"), True)),
    "weight as a string": variant(classic, (("parameters", "W1", 0, 1), "0.2")),
    "null weight": variant(classic, (("parameters", "W1", 0, 1), None)),
    "bias as a matrix": variant(classic, (("parameters", "b1"), [[0.35, 0.35]])),
    "parameter W0": variant(classic, (("parameters", "W0"), [[1.0]])),
    "parameter W33": variant(classic, (("parameters", "W33"), [[1.0]])),
    "parameter w1": variant(classic, (("parameters", "w1"), [[1.0]])),
    "rnn parameter in an mlp": variant(classic, (("parameters", "h0"), [0.0, 0.0])),
    "empty inputs": variant(classic, (("data", "inputs"), [])),
    "empty row": variant(classic, (("data", "inputs"), [[]])),
    "input as a string": variant(classic, (("data", "inputs", 0, 0), "0.05")),
    "no targets": variant(classic, (("data", "targets"), DELETE)),
    "rnn data for an mlp": variant(classic, (("data", "sequences"), rnn["data"]["sequences"])),
    "validation without targets": variant(pytorch, (("data", "validation", "targets"), DELETE)),
    "unknown field in validation": variant(pytorch, (("data", "validation", "weights"), [1])),
    "mlp validation inputs empty, targets not": variant(pytorch, (("data", "validation", "inputs"), [])),
    "rnn validation without sequences": variant(small_rnn, (("data", "validation"), {})),
    "rnn validation as a list": variant(small_rnn, (("data", "validation"), small_rnn["data"]["sequences"])),
    "rnn validation sequence without targets": variant(small_rnn, (("data", "validation"), {"sequences": [
        {"inputs": [[0, 1]]}]})),
    "rnn validation with mlp fields": variant(small_rnn, (("data", "validation"), {"inputs": [[0, 1]],
                                                                                     "targets": [[1]]})),
    "rnn data input_size 0": variant(small_rnn, (("data", "input_size"), 0)),
    "rnn data output_size as a string": variant(small_rnn, (("data", "output_size"), "1")),
    "negative lr": variant(classic, (("optimizer", "lr"), -0.5)),
    "lr above 1e6": variant(classic, (("optimizer", "lr"), 2e6)),
    "lr as a string": variant(classic, (("optimizer", "lr"), "0.5")),
    "lr as true": variant(classic, (("optimizer", "lr"), True)),
    "unknown optimizer": variant(classic, (("optimizer", "kind"), "lbfgs")),
    "unknown field in optimizer": variant(classic, (("optimizer", "momentun"), 0.9)),
    "momentum of adam": variant(classic, (("optimizer",), {"kind": "adam", "momentum": 0.9})),
    "beta1 of sgd": variant(classic, (("optimizer",), {"beta1": 0.9})),
    "rho of adam": variant(classic, (("optimizer",), {"kind": "adam", "rho": 0.9})),
    "beta2 of rmsprop": variant(classic, (("optimizer",), {"kind": "rmsprop", "beta2": 0.9})),
    "momentum of rmsprop": variant(classic, (("optimizer",), {"kind": "rmsprop", "momentum": 0.9})),
    "eps of sgd": variant(classic, (("optimizer",), {"kind": "sgd", "eps": 1e-8})),
    "beta1 = 1": variant(classic, (("optimizer",), {"kind": "adam", "beta1": 1})),
    "negative momentum": variant(classic, (("optimizer", "momentum"), -0.1)),
    "momentum = 1": variant(classic, (("optimizer", "momentum"), 1)),
    "rho = 1": variant(classic, (("optimizer",), {"kind": "rmsprop", "rho": 1.0})),
    "eps 0": variant(classic, (("optimizer",), {"kind": "adam", "eps": 0})),
    "eps above 1": variant(classic, (("optimizer",), {"kind": "rmsprop", "eps": 1.5})),
    "update_biases as a string": variant(classic, (("optimizer", "update_biases"), "no")),
    "negative l2": variant(classic, (("regularization",), {"l2": -1})),
    "l1 as a string": variant(classic, (("regularization",), {"l1": "0.1"})),
    "unknown regularization": variant(classic, (("regularization",), {"l3": 0.1})),
    "steps 1e12": variant(classic, (("train", "steps"), 1e12)),
    "negative steps": variant(classic, (("train", "steps"), -1)),
    "fractional steps": variant(classic, (("train", "steps"), 2.5)),
    "steps as a string": variant(classic, (("train", "steps"), "10")),
    "record_every 0": variant(classic, (("train", "record_every"), 0)),
    "batch_size 0": variant(classic, (("train", "batch_size"), 0)),
    "shuffle as a string": variant(classic, (("train", "shuffle"), "yes")),
    "train seed 2^53": variant(classic, (("train", "seed"), MAX_SEED + 1)),
    "unknown field in train": variant(classic, (("train", "epochs"), 3)),
    "early stopping without patience": variant(pytorch, (("train",), {"early_stopping": {}})),
    "early stopping patience 0": variant(pytorch, (("train",), {"early_stopping": {"patience": 0}})),
    "unknown init scheme": variant(classic, (("init",), {"scheme": "orthogonal"})),
    "negative init seed": variant(classic, (("init",), {"seed": -3})),
    "fractional init seed": variant(classic, (("init",), {"seed": 1.5})),
    "negative scale": variant(classic, (("init",), {"scale": -1})),
    "scale above 1000": variant(classic, (("init",), {"scale": 1001})),
    "unknown field in init": variant(classic, (("init",), {"seed": 1, "gain": 2})),
    "init not an object": variant(classic, (("init",), "xavier_uniform")),
    "rnn without sizes": {"model": {"kind": "rnn"}, "data": small_rnn["data"]},
    "rnn hidden_size 0": variant(small_rnn, (("model", "hidden_size"), 0)),
    "rnn size as a string": variant(small_rnn, (("model", "input_size"), "2")),
    "rnn mse": variant(small_rnn, (("model", "loss"), "mse")),
    "rnn unknown activation": variant(small_rnn, (("model", "hidden_activation"), "gelu")),
    "rnn bias as a string": variant(small_rnn, (("model", "bias"), "yes")),
    "rnn layers": variant(small_rnn, (("model", "layers"), [2, 3, 1])),
    "rnn cross_entropy, default output": variant(small_rnn, (("model", "loss"), "cross_entropy")),
    "rnn cross_entropy, sigmoid output": variant(small_rnn, (("model", "loss"), "cross_entropy"),
                                                 (("model", "output_activation"), "sigmoid")),
    "rnn b without bias": variant(small_rnn, (("parameters",), {"b": [0, 0, 0]})),
    "rnn c null without bias": variant(small_rnn, (("model", "bias"), False), (("parameters",), {"c": None})),
    "rnn W1": variant(small_rnn, (("parameters",), {"W1": [[0, 0, 0]]})),
    "rnn no sequences": variant(small_rnn, (("data", "sequences"), [])),
    "rnn sequence null": variant(small_rnn, (("data", "sequences"), [None])),
    "rnn sequence without targets": variant(small_rnn, (("data", "sequences", 0, "targets"), DELETE)),
    "rnn unknown field in a sequence": variant(small_rnn, (("data", "sequences", 0, "mask"), [1, 1])),
    "mlp data for an rnn": variant(small_rnn, (("data", "inputs"), [[1, 2]])),
}

# Scenarios the parser refuses for reasons that depend on other values: beyond a schema.
beyond = {
    "early stopping without validation": variant(classic, (("train",), {"early_stopping": {"patience": 2}})),
    "activations count": variant(classic, (("model", "activations"), ["sigmoid"])),
    "W3 of a 2-layer net": variant(classic, (("parameters", "W3"), [[1.0, 1.0]])),
    "wrong rows": variant(classic, (("parameters", "W1"), [[0.1, 0.2]])),
    "ragged matrix": variant(classic, (("parameters", "W2", 1), [0.5])),
    "input width": variant(classic, (("data", "inputs"), [[0.05]])),
    "target rows": variant(classic, (("data", "targets"), [[0.01, 0.99], [0.5, 0.5]])),
    "batch larger than data": variant(classic, (("train", "batch_size"), 5)),
    "too many parameters": variant(classic, (("model", "layers"), [4096, 4096, 4096]),
                                   (("model", "activations"), ["relu", "relu"]), (("parameters",), DELETE)),
    "rnn h0 length": variant(small_rnn, (("parameters",), {"h0": [0, 0]})),
    "rnn data input_size not the model's": variant(small_rnn, (("data", "input_size"), 3)),
    "rnn validation input width": variant(small_rnn, (("data", "validation"), {"sequences": [
        {"inputs": [[0, 1, 2]], "targets": [[0.3]]}]})),
}

schema = load(SCHEMA)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
command = sys.argv[1:]
failures, counts = [], {}


def errors(scenario):
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)) or "(root)", e.message[:160])
            for e in validator.iter_errors(scenario)]


def parser_accepts(label, scenario):
    """The parser's verdict through `BACKPROP trace -`: True (exit 0), False (exit 2) or None (other)."""
    run = subprocess.run(command + ["trace", "-"], input=json.dumps(scenario, allow_nan=False),
                         capture_output=True, text=True)
    if run.returncode not in (0, 2):
        failures.append((label, "parser exit %d" % run.returncode, run.stderr.strip()[:200]))
        return None
    return run.returncode == 0


def check(group, label, scenario, valid, parser_valid=None):
    counts[group] = counts.get(group, 0) + 1
    found = errors(scenario)
    if valid and found:
        failures.append((group, label, "refused by the schema", *found[:3]))
    if not valid and not found:
        failures.append((group, label, "accepted by the schema"))
    if command and parser_valid is not None:
        verdict = parser_accepts(label, scenario)
        if verdict is not None and verdict != parser_valid:
            failures.append((group, label, "the parser %s it" % ("accepts" if verdict else "refuses")))


for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.json"))):
    check("examples", os.path.relpath(path, ROOT), load(path), True)
for path in sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "pytorch", "*.json"))):
    for case in load(path)["cases"]:
        check("fixtures", "%s: %s" % (os.path.basename(path), case["name"]), case["scenario"], True)
for label, scenario in good.items():
    check("valid variants", label, scenario, True, parser_valid=True)
for label, scenario in bad.items():
    check("invalid variants", label, scenario, False, parser_valid=False)
for label, scenario in beyond.items():
    check("beyond a schema", label, scenario, True, parser_valid=False)

print("schema %s: %s%s" % (os.path.relpath(SCHEMA, ROOT), ", ".join("%d %s" % (n, g) for g, n in counts.items()),
                           " (each also through %s)" % " ".join(command) if command else ""))
print("%d failures" % len(failures))
for f in failures:
    print("  ", " | ".join(map(str, f)))
sys.exit(1 if failures else 0)
