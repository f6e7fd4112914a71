#!/usr/bin/env python3
"""Prints the flow-node and sequence-flow coverage of every model, summed over all process-test
classes (camunda-process-test-coverage writes one report.json per class under target/)."""
import glob
import json
import sys

covered, totals, seen_models = {}, {}, set()
for path in glob.glob("target/process-test-coverage/*/report.json"):
    report = json.load(open(path, encoding="utf-8"))
    for model in report["models"]:
        totals[model["key"]] = model["totalElementCount"]
    for suite in report["suites"]:
        for run in suite["runs"]:
            for event in run["events"]:
                covered.setdefault(event["modelKey"], set()).add(event["definitionKey"])
if not totals:
    print("no process-test coverage reports found under target/process-test-coverage")
    sys.exit(0)
print("Process-test coverage (flow nodes + sequence flows), all test classes together:")
worst = 100.0
for key in sorted(totals):
    pct = 100.0 * len(covered.get(key, ())) / totals[key]
    worst = min(worst, pct)
    print(f"  {key:<20} {len(covered.get(key, ())):>4}/{totals[key]:<4} {pct:6.1f} %")
print(f"  lowest: {worst:.1f} %   (HTML per class: target/process-test-coverage/<class>/report.html)")
