#!/usr/bin/env bash
# Runs examples/slurm on a real Slurm: starts a one-node cluster (munged, slurmctld, slurmd) with
# every file in a temporary directory, publishes the CLI, submits the example through submit.sh,
# requeues one array task in the middle of its run (Slurm sends SIGTERM, then SIGKILL after
# KillWait), waits for the array and the merge, and checks the merged results and histories against
# an unsharded run of the same grid on this machine, bit for bit. See docs/cluster.md.
#
# Needs root (slurmd and munged run as root here), Debian's slurm-wlm and munge packages (installed
# with apt-get when missing), the .NET SDK and python3. Changes nothing under /etc beyond what
# installing the packages does. Refuses (exit 2) when a Slurm already runs on this machine.
# Exit 0 only if everything held; the last line gives the figures.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
started=$SECONDS
timeout_s=${TORCHFIT_SLURM_TIMEOUT:-300}   # for the array and the merge, after submitting
# TORCHFIT_SLURM_KEEP=1 keeps the temporary directory (logs, results) for a look after a failure.
requeued_task=1                            # the array task that is requeued mid-run

say() { printf 'test-local-cluster: %s\n' "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

# --- 0. Preconditions -----------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || { say "needs root: munged and slurmd run as root in this one-node test cluster" >&2; exit 2; }
command -v python3 >/dev/null || { say "needs python3 (it compares the results field by field)" >&2; exit 2; }
command -v dotnet >/dev/null || { say "needs the .NET SDK (dotnet) to publish the CLI" >&2; exit 2; }

# A Slurm already running here: refuse, and touch nothing of it.
running_slurm() {
  local daemon pid
  for daemon in slurmctld slurmd slurmdbd slurmstepd; do
    if pid=$(pgrep -x "$daemon" | head -n 1) && [ -n "$pid" ]; then echo "$daemon (pid $pid)"; return 0; fi
  done
  for port in 6817 6818 6819; do
    if ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then echo "a process listening on Slurm's port $port"; return 0; fi
  done
  return 1
}
if found=$(running_slurm); then
  say "a Slurm is already running on this machine: $found. This test starts its own one-node cluster" \
      "and will not run beside it or touch it; run it on a machine without Slurm daemons." >&2
  exit 2
fi

# --- 1. Packages ------------------------------------------------------------------------------------
missing=()
for tool in slurmctld slurmd sbatch munged; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing slurm-wlm and munge with apt-get (missing: ${missing[*]})"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
  # A package script may have started a system daemon; it is not ours, and we do not run beside it.
  if found=$(running_slurm); then say "installing the packages started $found; stop it and run again" >&2; exit 2; fi
fi
say "$(slurmctld -V), $(munged -V 2>&1 | head -n 1)"

# --- 2. Cleanup, whatever happens -------------------------------------------------------------------
tmp=$(mktemp -d /tmp/torchfit-slurm.XXXXXX)
pids=()          # daemons and background jobs this script started, stopped in reverse order
cleanup() {
  local status=$? i pid
  trap - EXIT INT TERM
  if [ -n "${SLURM_CONF:-}" ] && [ -n "${slurmctld_pid:-}" ] && kill -0 "$slurmctld_pid" 2>/dev/null; then
    scancel --quiet --full --signal=KILL ${array_id:+"$array_id"} ${merge_id:+"$merge_id"} 2>/dev/null || true
    for _ in $(seq 1 20); do   # until slurmd has no job step left
      [ -z "$(scontrol listpids 2>/dev/null | tail -n +2)" ] && break
      sleep 0.5
    done
  fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${TORCHFIT_SLURM_KEEP:-0}" = 1 ]; then say "kept $tmp (TORCHFIT_SLURM_KEEP=1)"; else rm -rf "$tmp"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

# --- 3. The cluster ---------------------------------------------------------------------------------
node=$(hostname)
cpus=$(nproc)
memory=$(( $(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo) - 1024 ))   # MiB, under the machine's
[ "$cpus" -ge 2 ] || fail "the job script asks for --cpus-per-task=2; this machine has $cpus CPU"
[ "$memory" -ge 2048 ] || fail "the job script asks for --mem=2G; this machine has $memory MiB to give"
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/logs" "$tmp/results"

dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 status=none
chmod 600 "$tmp/munge.key"
# setsid: a Ctrl+C at the terminal reaches this script, which stops the jobs and then the daemons in
# order, rather than the daemons at once, which would leave the jobs' processes behind.
setsid munged --foreground --force --socket="$tmp/munge.socket" --key-file="$tmp/munge.key" --pid-file="$tmp/munged.pid" \
  --log-file="$tmp/munged.log" --seed-file="$tmp/munged.seed" 2>>"$tmp/munged.log" &
pids+=($!)

: >"$tmp/plugstack.conf"
cat >"$tmp/slurm.conf" <<EOF
ClusterName=torchfit-test
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire is also how long a requeued job waits before it may start again (default 120 s).
AuthInfo=socket=$tmp/munge.socket,cred_expire=10
PlugStackConfig=$tmp/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerParameters=sched_interval=2,bf_interval=2
ReturnToService=2
KillWait=30
# verbose: slurmstepd logs each task's exit code, which the test reads for the requeued run.
SlurmdDebug=verbose
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$tmp/slurm.conf
for _ in $(seq 1 40); do [ -S "$tmp/munge.socket" ] && break; sleep 0.25; done
[ -S "$tmp/munge.socket" ] || fail "munged did not start: $(tail -n 3 "$tmp/munged.log")"

setsid slurmctld -D -f "$SLURM_CONF" >>"$tmp/slurmctld.out" 2>&1 &
slurmctld_pid=$!
pids+=("$slurmctld_pid")
setsid slurmd -D -f "$SLURM_CONF" >>"$tmp/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  state=$(sinfo --noheader --format=%T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "${state:-}" = idle ] || fail "the node did not come up idle (state '${state:-none}'): $(tail -n 5 "$tmp/slurmctld.log" "$tmp/slurmd.log" 2>&1)"
say "cluster up in $((SECONDS - started)) s: node $node, $cpus CPUs, $memory MiB; all files in $tmp"

# --- 4. The published CLI ---------------------------------------------------------------------------
publish_started=$SECONDS
# In the background and waited for, so that Ctrl+C is handled at once (bash runs a trap only after
# a foreground command ends).
dotnet publish -c Release "$repo/src/TorchFit.Cli" -o "$tmp/torchfit" -nologo -v quiet >"$tmp/publish.log" 2>&1 &
pids+=($!)
wait $! || fail "dotnet publish failed: $(tail -n 20 "$tmp/publish.log")"
torchfit=$tmp/torchfit/torchfit
[ -x "$torchfit" ] || fail "dotnet publish -o DIR wrote no DIR/torchfit (the name the job script runs)"
version=$("$torchfit" --version) || fail "the published torchfit does not run: $version"
"$torchfit" train --n 20 --d 30 --epochs 3 --device cpu --out "$tmp/smoke" >"$tmp/smoke.log" 2>&1 \
  || fail "the published torchfit cannot train (libtorch not loadable?): $(tail -n 3 "$tmp/smoke.log")"
say "published torchfit $version in $((SECONDS - publish_started)) s; it runs and trains"

# --- 5. The grid: 48 configurations, 12 groups of 4 (one per seed), 3 groups per task of the shipped 4 ---
cat >"$tmp/grid.json" <<EOF
{ "batchSizes": [1], "learningRates": [0.003, 0.01], "momenta": [0, 0.9], "dtypes": ["float32"],
  "seeds": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "epochs": 3000, "target": 1e-10 }
EOF
configurations=48
last=$(sed -nE 's/^#SBATCH --array=0-([0-9]+)$/\1/p' "$repo/examples/slurm/sweep-array.sbatch")
[ -n "$last" ] || fail "sweep-array.sbatch has no '#SBATCH --array=0-N' line"
tasks=$((last + 1))
[ "$requeued_task" -lt "$tasks" ] || fail "the array has $tasks tasks; task $requeued_task is not one of them"
# Shard i of N holds the configurations from floor(i*T/N) to floor((i+1)*T/N) (SweepShard).
per_task=$(( (requeued_task + 1) * configurations / tasks - requeued_task * configurations / tasks ))

# --- 6. Submit through the shipped script -----------------------------------------------------------
submitted=$(TORCHFIT=$torchfit RESULTS=$tmp/results CONFIG=$tmp/grid.json LOGS=$tmp/logs bash "$repo/examples/slurm/submit.sh")
say "$submitted"
array_id=$(sed -nE 's/^queued array job ([0-9]+) .*/\1/p' <<<"$submitted")
merge_id=$(sed -nE 's/.* job ([0-9]+);.*/\1/p' <<<"$submitted")
[ -n "$array_id" ] && [ -n "$merge_id" ] || fail "could not read the job ids from submit.sh's output"

# The unsharded reference, on the same machine, while the cluster works (same --threads as a task).
"$torchfit" sweep --config "$tmp/grid.json" --device cpu --threads 2 --out "$tmp/reference" >"$tmp/reference.log" 2>&1 &
reference_pid=$!
pids+=("$reference_pid")

task_log=$tmp/logs/torchfit-sweep-${array_id}_${requeued_task}.out
finished_in_log() {   # the last "sweep: K/N configurations" progress line's K in the task's log
  [ -f "$task_log" ] && sed -nE 's/^sweep: ([0-9]+)\/[0-9]+ configurations.*/\1/p' "$task_log" | tail -n 1 || true
}
requeued=0 shown=""
deadline=$((SECONDS + timeout_s))
while :; do
  queue=$(squeue --noheader --sort=i --format='%.12i %.15j %.9T %R' 2>/dev/null || true)   # shown when it changes
  if [ "$queue" != "$shown" ]; then
    printf '%s squeue:\n%s\n' "$(date +%T)" "${queue:-  (empty)}"
    shown=$queue
  fi
  [ -z "$queue" ] && break
  if [ "$requeued" -eq 0 ]; then
    done_rows=$(finished_in_log)
    if [ -n "$done_rows" ] && [ "$done_rows" -gt 0 ] && [ "$done_rows" -lt "$per_task" ]; then
      scontrol requeue "${array_id}_${requeued_task}" || fail "scontrol requeue ${array_id}_${requeued_task} failed"
      requeued=1
      say "requeued task $requeued_task mid-run: its log said $done_rows of its $per_task configurations were finished"
    fi
  fi
  [ "$SECONDS" -lt "$deadline" ] || fail "the jobs did not finish within $timeout_s s"
  sleep 0.2
done
[ "$requeued" -eq 1 ] || fail "task $requeued_task was never seen mid-run, so it was not requeued (log: $(tail -n 3 "$task_log" 2>&1))"
wait "$reference_pid" || fail "the unsharded reference run failed: $(tail -n 3 "$tmp/reference.log")"

# --- 7. What the requeued task did --------------------------------------------------------------------
flat() { tr -s ' \n' '  ' <"$1"; }   # the console wraps long lines; read logs as one line
interrupted=$(sed -nE 's/^torchfit: interrupted; ([0-9]+) of ([0-9]+) configurations are written in .*Run the same command with --out .*/\1/p' "$task_log")
[ -n "$interrupted" ] \
  || fail "the requeued task's first run did not end with the interrupted line and its resume hint: $(tail -n 5 "$task_log")"
[ "$interrupted" -gt 0 ] && [ "$interrupted" -lt "$per_task" ] \
  || fail "the requeue came too early or too late: the first run had $interrupted of $per_task configurations"
flat "$task_log" | grep -q "Skipped $interrupted configurations already finished" \
  || fail "the requeued task's second run did not skip the $interrupted configurations it had finished: $(tail -n 5 "$task_log")"
# slurmstepd logs how the first run ended: torchfit's own exit 143 after SIGTERM, not death by SIGKILL.
job_id=$(sed -nE "s/.*JobId=${array_id}_${requeued_task}\(([0-9]+)\).*/\1/p" "$tmp/slurmctld.log" | head -n 1)
first_exit=$(sed -nE "s/^\[[^]]*\] \[${job_id}\.batch\] task 0 \([0-9]+\) exited with exit code ([0-9]+)\..*/\1/p" "$tmp/slurmd.log" | head -n 1)
[ "$first_exit" = 143 ] || fail "the requeued task's first run exited with '${first_exit:-no logged code}', expected 143: $(grep -F "[${job_id}.batch]" "$tmp/slurmd.log" | tail -n 5)"
merge_log=$tmp/logs/torchfit-merge-$merge_id.out
[ -s "$tmp/results/merged/results.csv" ] || fail "no merged results (merge log: $(tail -n 5 "$merge_log" 2>&1))"
flat "$merge_log" | grep -q "the whole grid" || fail "the merge did not report the whole grid: $(tail -n 3 "$merge_log")"

# --- 8. Merged = unsharded, bit for bit ---------------------------------------------------------------
# Every field is compared as the text TorchFit wrote (so a float compares bit for bit), except:
#   seconds       (results and histories): wall-clock time, different on every run;
#   trained_with / trainedWith: how many configurations trained together, which depends on how the
#                 grid was cut into shards, not on the results.
rows=$(python3 - "$tmp/reference" "$tmp/results/merged" <<'EOF'
import csv, json, os, sys
reference, merged = sys.argv[1], sys.argv[2]
SKIP_CSV, SKIP_JSON = {"seconds", "trained_with"}, {"seconds", "trainedWith"}

def table(path, skip):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    keep = [i for i, name in enumerate(rows[0]) if name not in skip]
    return [[row[i] for i in keep] for row in rows]

def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)

a, b = table(os.path.join(reference, "results.csv"), SKIP_CSV), table(os.path.join(merged, "results.csv"), SKIP_CSV)
if a != b:
    diff = next((i, x, y) for i, (x, y) in enumerate(zip(a, b)) if x != y) if len(a) == len(b) else (len(a), len(b))
    fail(f"results.csv differs: {diff}")
keys = [row[1] for row in a[1:]]
if len(keys) != len(set(keys)):
    fail("results.csv repeats a configuration")

def document(path):   # numbers kept as their text
    with open(path) as f:
        rows = json.load(f, parse_float=str, parse_int=str, parse_constant=str)
    return [{k: v for k, v in row.items() if k not in SKIP_JSON} for row in rows]

if document(os.path.join(reference, "results.json")) != document(os.path.join(merged, "results.json")):
    fail("results.json differs")

ra, rb = sorted(os.listdir(os.path.join(reference, "histories"))), sorted(os.listdir(os.path.join(merged, "histories")))
if ra != rb:
    fail(f"histories differ in their files: {sorted(set(ra) ^ set(rb))[:5]}")
for name in ra:
    if table(os.path.join(reference, "histories", name), {"seconds"}) != table(os.path.join(merged, "histories", name), {"seconds"}):
        fail(f"histories/{name} differs")
print(len(keys))
EOF
) || fail "the merged sweep differs from the unsharded run (above)"
[ "$rows" -eq "$configurations" ] || fail "expected $configurations rows, the merge holds $rows"

say "merged results.csv, results.json and $rows histories equal the unsharded run bit for bit (all fields but seconds and trained_with)"
say "passed: $tasks tasks (task $requeued_task requeued mid-run with $interrupted of $per_task rows written, resumed), $rows rows, $((SECONDS - started)) s"
