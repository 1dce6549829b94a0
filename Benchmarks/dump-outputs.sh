#!/usr/bin/env bash
# Writes what a build of `sovereign` prints for every example requirements file, in every text
# format and with the options that change its path (--explain, --questions, --as-of, --offline,
# --assume, --catalog, --robustness, standard input), exit codes and messages included: two
# builds give the same outputs when `diff -r` of their directories is empty. Used to check that a
# speed change changes no output.
# usage: Benchmarks/dump-outputs.sh BIN OUTDIR   (run from anywhere; reads examples/ and data/)
set -uo pipefail
bin=$(realpath "$1")
out=$(realpath -m "$2")
cd "$(dirname "$0")/.."
mkdir -p "$out"
for file in examples/*.yaml; do
  name=$(basename "$file" .yaml)
  [ "$name" = csf-answers ] && continue  # answers to the CSF questionnaire, not requirements
  for format in csv json markdown table html; do
    "$bin" rank "$file" --format $format >"$out/$name.$format" 2>"$out/$name.$format.err"
    echo "exit $?" >>"$out/$name.$format.err"
  done
  "$bin" rank "$file" --format json --explain >"$out/$name.explain.json" 2>&1
  "$bin" rank "$file" --questions --format json >"$out/$name.questions.json" 2>&1
  "$bin" rank "$file" --format csv --as-of 2026-01-15 >"$out/$name.as-of.csv" 2>&1
  "$bin" rank "$file" --format csv --offline >"$out/$name.offline.csv" 2>&1
  "$bin" rank "$file" --format json --assume clever-cloud-sas.owners_complete=yes >"$out/$name.assume.json" 2>&1
  "$bin" rank "$file" --format json --catalog data >"$out/$name.catalog-data.json" 2>&1
  "$bin" rank "$file" --format json --robustness 50 >"$out/$name.robustness.json" 2>&1
done
"$bin" rank - --format csv <examples/health-data-warehouse.yaml >"$out/stdin.csv" 2>&1
for provider in $("$bin" providers --format json | python3 -c 'import json, sys; [print(p["id"]) for p in json.load(sys.stdin)]'); do
  "$bin" exposure "$provider" --format json >"$out/exposure-$provider.json" 2>&1
done
"$bin" coverage >"$out/coverage.txt" 2>&1
"$bin" providers >"$out/providers.txt" 2>&1
