#!/usr/bin/env bash
# Queues the shards as an array job, then a merge that runs once every shard succeeded.
# Environment (all optional): TORCHFIT (the published binary), RESULTS (a directory every node
# sees), CONFIG (the grid), LOGS (where Slurm writes the jobs' output); SBATCH_* variables such as
# SBATCH_PARTITION, SBATCH_ACCOUNT or SBATCH_ARRAY_INX reach sbatch as usual.
set -euo pipefail
cd "$(dirname "$0")/../.."
TORCHFIT=${TORCHFIT:-$HOME/torchfit/torchfit}
RESULTS=${RESULTS:-$PWD/results/sweep}
CONFIG=${CONFIG:-$PWD/examples/sweep.json}
LOGS=${LOGS:-$PWD/logs}
mkdir -p "$LOGS"
array=$(sbatch --parsable --output="$LOGS/%x-%A_%a.out" \
  --export=ALL,TORCHFIT="$TORCHFIT",RESULTS="$RESULTS",CONFIG="$CONFIG" examples/slurm/sweep-array.sbatch)
merge=$(sbatch --parsable --dependency="afterok:${array}" --job-name=torchfit-merge --output="$LOGS/%x-%j.out" \
  --wrap "\"$TORCHFIT\" merge \"$RESULTS\"/shard-* --out \"$RESULTS/merged\"")
echo "queued array job $array and its merge, job $merge; results in $RESULTS/merged"
