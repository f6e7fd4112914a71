#!/usr/bin/env bash
# Lints processes/*.bpmn with the rules Camunda Modeler applies for Camunda 7.24 (bpmnlint:recommended,
# camunda-compat 7.24, and "no-bpmndi": every element must be drawn). Errors fail CI; warnings are printed.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent lint
