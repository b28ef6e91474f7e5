#!/usr/bin/env bash
# Runs every notebooks/*.ipynb headless (dotnet-repl, a local dotnet tool) and fails on any cell
# error. See notebooks/README.md.
#
#   notebooks/run-all.sh                  run them all; only if every one passes, write the executed
#                                         notebooks (with their outputs) back over the committed ones
#   notebooks/run-all.sh --check [DIR]    run them all and write the executed copies to DIR (default:
#                                         a new temporary folder); never touches tracked files (CI)
#   notebooks/run-all.sh --self-test      prove that a failing cell fails this runner
#   --no-build                            reuse the existing Release build (.ci/run has just made it)
#   NOTEBOOK...                           run only these (paths or names in notebooks/)
#
# Exit status: 0 when every notebook ran without an error output, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1

mode=write out= build=1 selftest=0
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    --check)
      mode=check
      if [ $# -gt 1 ] && [[ "$2" != -* ]] && [[ "$2" != *.ipynb ]]; then out=$2; shift; fi ;;
    --no-build) build=0 ;;
    --self-test) selftest=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-all.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) selected+=("$1") ;;
  esac
  shift
done

tool=notebooks/tools/NotebookOutputs.cs

prepare() {
  if [ "$build" = 1 ]; then
    echo "building the CLI in Release (the notebooks load TorchFit from its output)"
    dotnet build src/TorchFit.Cli -c Release -warnaserror -nologo -v quiet || return 1
  fi
  [ -f src/TorchFit.Cli/bin/Release/net10.0/TorchFit.dll ] || {
    echo "src/TorchFit.Cli/bin/Release/net10.0 has no build: run without --no-build" >&2; return 1; }
  dotnet tool restore >/dev/null || { echo "dotnet tool restore failed" >&2; return 1; }
  # Compile the output checker once, so its first-run build is not counted in a notebook's time.
  dotnet build "$tool" -nologo -v quiet >/dev/null || { echo "cannot build $tool" >&2; return 1; }
}

# run_one NOTEBOOK EXECUTED_COPY: executes NOTEBOOK (from notebooks/, where its `#load "setup.csx"`
# resolves) into EXECUTED_COPY and checks every output; prints one result line.
run_one() {
  local notebook=$1 dest=$2 raw rawdir log start rc check seconds
  rawdir=$(mktemp -d) log=$(mktemp)
  raw=$rawdir/$(basename "$notebook")
  start=$(date +%s%N)
  # Run from the notebook's folder (relative #load and #r resolve against the working directory);
  # a notebook outside the repository (the self-test's) runs from the root, where the tool manifest is.
  local dir=$root/$(dirname "$notebook") file=$(basename "$notebook")
  case "$notebook" in /*) dir=$root file=$notebook ;; esac
  (cd "$dir" && timeout 600 dotnet repl --run "$file" --exit-after-run --output-path "$raw") >"$log" 2>&1
  rc=$?
  seconds=$(( ($(date +%s%N) - start) / 100000000 ))   # tenths of a second
  seconds="$((seconds / 10)).$((seconds % 10))"
  dotnet run --no-build "$tool" -- "$raw" "$dest"
  check=$?
  rm -rf "$rawdir"
  if [ "$rc" = 0 ] && [ "$check" = 0 ]; then
    printf '  pass  %6s s  %s\n' "$seconds" "$notebook"
    rm -f "$log"
    return 0
  fi
  printf '  FAIL  %6s s  %s (dotnet-repl exit %s, output check exit %s)\n' "$seconds" "$notebook" "$rc" "$check"
  if [ "$check" = 2 ] || [ "$rc" = 124 ]; then tail -n 20 "$log"; fi
  rm -f "$log"
  return 1
}

if [ "$selftest" = 1 ]; then
  build=0
  dotnet tool restore >/dev/null && dotnet build "$tool" -nologo -v quiet >/dev/null || exit 1
  dir=$(mktemp -d)
  # A cell that throws, followed by one that succeeds: dotnet-repl runs both, so the runner must
  # notice the error in the middle, not just look at the end.
  cat >"$dir/failing.ipynb" <<'EOF'
{
 "cells": [
  {"cell_type": "code", "execution_count": null, "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [], "source": ["throw new InvalidOperationException(\"deliberate failure\");"]},
  {"cell_type": "code", "execution_count": null, "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [], "source": ["1 + 1"]}
 ],
 "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}},
 "nbformat": 4,
 "nbformat_minor": 2
}
EOF
  echo "self-test: a notebook with a failing cell must fail the runner"
  if run_one "$dir/failing.ipynb" "$dir/executed.ipynb"; then
    echo "self-test FAILED: the runner passed a notebook whose cell threw"; rm -rf "$dir"; exit 1
  fi
  grep -q 'deliberate failure' "$dir/executed.ipynb" || { echo "self-test FAILED: the error output is missing"; rm -rf "$dir"; exit 1; }
  rm -rf "$dir"
  echo "self-test passed: the failing cell failed the runner"
  exit 0
fi

notebooks=()
if [ ${#selected[@]} -gt 0 ]; then
  for n in "${selected[@]}"; do
    if [ -f "$n" ]; then notebooks+=("$(realpath --relative-to="$root" "$n")")
    elif [ -f "notebooks/$n" ]; then notebooks+=("notebooks/$n")
    else echo "no such notebook: $n" >&2; exit 2; fi
  done
else
  shopt -s nullglob
  notebooks=(notebooks/*.ipynb)
fi
[ ${#notebooks[@]} -gt 0 ] || { echo "no notebooks found in notebooks/"; exit 1; }

prepare || exit 1

if [ "$mode" = check ]; then
  out=${out:-$(mktemp -d)}
  mkdir -p "$out"
  staging=$out
else
  staging=$(mktemp -d)
fi

echo "running ${#notebooks[@]} notebook(s) with dotnet-repl ($( [ "$mode" = check ] && echo "executed copies in $out" || echo "outputs written back if all pass"))"
failed=0
for nb in "${notebooks[@]}"; do
  run_one "$nb" "$staging/$(basename "$nb")" || failed=$((failed + 1))
done

if [ "$failed" -gt 0 ]; then
  echo "$failed of ${#notebooks[@]} notebook(s) failed"
  [ "$mode" = write ] && { echo "committed notebooks left unchanged"; rm -rf "$staging"; }
  exit 1
fi
if [ "$mode" = write ]; then
  for nb in "${notebooks[@]}"; do cp "$staging/$(basename "$nb")" "$nb"; done
  rm -rf "$staging"
  echo "all ${#notebooks[@]} notebook(s) passed; outputs written back to notebooks/"
else
  echo "all ${#notebooks[@]} notebook(s) passed"
fi
