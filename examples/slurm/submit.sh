#!/usr/bin/env bash
# Queues the shards as an array job, then a merge that runs once every shard succeeded.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p logs
TORCHFIT=${TORCHFIT:-$HOME/torchfit/torchfit}
RESULTS=${RESULTS:-$PWD/results/sweep}
array=$(sbatch --parsable --export=ALL,TORCHFIT="$TORCHFIT",RESULTS="$RESULTS" examples/slurm/sweep-array.sbatch)
sbatch --dependency="afterok:${array}" --job-name=torchfit-merge --output=logs/torchfit-merge-%j.out \
  --wrap "\"$TORCHFIT\" merge \"$RESULTS\"/shard-* --out \"$RESULTS/merged\""
echo "queued array job $array and its merge; results in $RESULTS/merged"
