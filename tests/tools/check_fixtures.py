#!/usr/bin/env python3
"""Runs every PyTorch fixture through a `backprop` command and reports the worst relative error.

usage: check_fixtures.py BACKPROP [BACKPROP_ARGS...]   (e.g. build/backprop, or node bin/backprop.mjs)
A quick check by hand; the test suites (ctest, vitest) do the same with assertions.
"""
import glob, json, os, subprocess, sys

TOL, FLOOR = 1e-9, 1e-12
cmd = sys.argv[1:] or ["build/backprop"]
root = os.path.join(os.path.dirname(__file__), "..", "fixtures", "pytorch")
failures, worst = [], 0.0


def compare(expected, got, path, name):
    global worst
    if isinstance(expected, dict):
        for key, value in expected.items():
            if key not in got:
                failures.append((name, path + "." + key, "missing"))
            else:
                compare(value, got[key], path + "." + key, name)
    elif isinstance(expected, list):
        if len(expected) != len(got):
            failures.append((name, path, "length %d != %d" % (len(got), len(expected))))
            return
        for e, g in zip(expected, got):
            compare(e, g, path, name)
    else:
        err = abs(expected - got) / max(abs(expected), FLOOR)
        worst = max(worst, err)
        if err > TOL:
            failures.append((name, path, expected, got))


for file in sorted(glob.glob(os.path.join(root, "*.json"))):
    for case in json.load(open(file))["cases"]:
        run = subprocess.run(cmd + [case["command"], "-"], input=json.dumps(case["scenario"]),
                             capture_output=True, text=True)
        if run.returncode:
            failures.append((case["name"], "exit %d" % run.returncode, run.stderr.strip()))
            continue
        compare(case["expected"], json.loads(run.stdout), "", case["name"])

print("worst relative error %.3g, %d failures" % (worst, len(failures)))
for f in failures[:20]:
    print("  ", *f)
sys.exit(1 if failures else 0)
