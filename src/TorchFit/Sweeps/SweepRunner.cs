using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchFit.Devices;
using TorchFit.Diagnostics;
using TorchFit.Problems;
using TorchFit.Results;
using TorchFit.Training;

namespace TorchFit.Sweeps;

/// <summary>
/// Runs a <see cref="SweepGrid"/> into a <see cref="SweepStore"/>: skips configurations the directory
/// already holds, trains the rest (batched where they can share a pass over the data), and writes the
/// rows (appended) and histories after each run, so an interruption loses at most the run in progress.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the sweep. Cancellation stops after the current epoch and keeps every finished row.</summary>
    /// <exception cref="InvalidInputException">
    /// An invalid grid, or a directory that holds a different sweep (grid, problem or shard).
    /// </exception>
    public static SweepOutcome Run(
        LinearProblem problem,
        SweepGrid grid,
        SweepRunOptions options,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        grid.Validate();
        var clock = Stopwatch.StartNew();
        var kind = options.Engine ?? EngineDefaults.Sweep;
        var engine = EngineResolver.Create(kind, options.Threads);
        string deviceName = EngineResolver.DescribeDevice(kind, options.Device);

        var all = grid.Configurations();
        var mine = options.Shard?.Select(all) ?? all;
        var store = new SweepStore(options.Directory);
        double limit = ProblemDecomposition.Of(problem).Spectrum.StableLearningRateLimit;
        var manifest = NewManifest(problem, grid, options.Shard, all.Count, mine.Count, deviceName, kind, limit);
        var rows = Resume(store, manifest, mine, out var previous);
        manifest = manifest with { StartedAt = previous?.StartedAt ?? manifest.StartedAt };
        store.WriteManifest(manifest);
        if (rows.Count > 0) store.WriteRows(rows.Values);   // compact what an earlier run appended

        int skipped = rows.Count, trained = 0;
        var pending = mine.Where(c => !rows.ContainsKey(c.Key)).ToList();
        var runs = engine.Groups([.. pending.Select(c => grid.OptionsFor(c, options.Device, kind))])
            .Select(group => group.Select(k => pending[k]).ToList()).ToList();
        // Progress counts configuration-epochs (row-passes); the ETA comes from the measured cost of each run.
        var estimate = new SweepEstimate(problem.Rows, [.. runs.Select(r => (r[0].BatchSize, (double)r.Count * grid.Epochs))]);
        double workTotal = (double)pending.Count * grid.Epochs, workDone = 0;
        bool cancelled = false;
        for (int index = 0; index < runs.Count; index++)
        {
            var run = runs[index];
            if (cancellationToken.IsCancellationRequested) { cancelled = true; break; }
            string current = Describe(run);
            double runWork = (double)run.Count * grid.Epochs, before = workDone;
            var runClock = Stopwatch.StartNew();
            int runIndex = index;
            var report = progress is null ? null : new Progress(p => progress.Report(new SweepProgress(
                rows.Count, mine.Count, skipped, current, p.Epoch, p.Epochs, before + runWork * p.Epoch / p.Epochs, workTotal, clock.Elapsed.TotalSeconds,
                estimate.SecondsLeft(runIndex, (double)p.Epoch / p.Epochs, runClock.Elapsed.TotalSeconds))));
            var results = engine.Train(problem, [.. run.Select(c => grid.OptionsFor(c, options.Device, kind))], report, cancellationToken);
            double seconds = runClock.Elapsed.TotalSeconds;
            if (results.Any(r => r.Stop == TrainingStop.Cancelled)) { cancelled = true; break; }
            var finished = new List<SweepRow>(run.Count);
            for (int k = 0; k < run.Count; k++)
            {
                store.WriteHistory(run[k].Key, results[k]);
                finished.Add(rows[run[k].Key] = SweepRow.From(run[k], results[k], grid, seconds, run.Count, kind.ToString().ToLowerInvariant(), limit,
                    SweepStore.HistoryName(run[k].Key)));
            }
            store.AppendRows(finished);   // constant cost per row; compacted below
            trained += run.Count;
            workDone = before + runWork;
            estimate.Finished(index, runWork, seconds);
            progress?.Report(new SweepProgress(rows.Count, mine.Count, skipped, current, grid.Epochs, grid.Epochs, workDone, workTotal, clock.Elapsed.TotalSeconds,
                index + 1 < runs.Count ? estimate.SecondsLeft(index + 1, 0, 0) : null));
        }
        if (trained > 0) store.WriteRows(rows.Values);
        if (rows.Count == mine.Count && !cancelled)
        {
            manifest = manifest with { FinishedAt = DateTimeOffset.Now };
            store.WriteManifest(manifest);
        }
        return new SweepOutcome([.. rows.Values.OrderBy(r => r.Index)], manifest, skipped, trained, cancelled, clock.Elapsed.TotalSeconds);
    }

    /// <summary>SHA-256 of A and b as float64 bytes.</summary>
    public static string ProblemHash(LinearProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MemoryMarshal.AsBytes(problem.Matrix));
        hash.AppendData(MemoryMarshal.AsBytes(problem.Target));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The rows already in the directory for this sweep; throws when it holds another sweep.</summary>
    private static Dictionary<string, SweepRow> Resume(SweepStore store, SweepManifest manifest, IReadOnlyList<SweepConfiguration> mine, out SweepManifest? previous)
    {
        previous = store.ReadManifest();
        if (previous is null)
        {
            if (File.Exists(store.ResultsJsonPath))
                throw new InvalidInputException($"{store.Directory}: holds results.json but no manifest.json; choose an empty directory");
            return [];
        }
        string? difference =
            previous.Problem.Sha256 != manifest.Problem.Sha256 ? $"problem {previous.Problem.Name} ({previous.Problem.Rows}×{previous.Problem.Columns}) differs from {manifest.Problem.Name}"
            : previous.SweepId != manifest.SweepId ? $"grid '{previous.Grid.Description}' differs from '{manifest.Grid.Description}'"
            : previous.Shard != manifest.Shard ? $"shard {previous.Shard ?? "none"} differs from {manifest.Shard ?? "none"}"
            : previous.Engine != manifest.Engine ? $"engine {previous.Engine} differs from {manifest.Engine}"
            : null;
        if (difference is not null)
            throw ResultDirectory.Occupied($"{store.Directory}: holds a different sweep ({difference}); choose another directory");
        var keys = mine.Select(c => c.Key).ToHashSet();
        return store.ReadRows().Where(r => keys.Contains(r.Key)).ToDictionary(r => r.Key);
    }

    private static SweepManifest NewManifest(LinearProblem problem, SweepGrid grid, SweepShard? shard, int gridCount, int count, string device,
        TrainingEngine engine, double limit)
    {
        var problemInfo = new SweepProblem(problem.Name, problem.Rows, problem.Columns, ProblemHash(problem));
        var document = new SweepGridDocument(grid.Describe(), grid.BatchSizes, grid.LearningRates, grid.Momenta, grid.Nesterov,
            [.. grid.Precisions.Select(p => p.ToName())], grid.Init.ToString().ToLowerInvariant(), grid.Epochs, grid.Target, grid.StopAtTarget,
            [.. grid.Optimizers.Select(HyperParameters.Name)], grid.Semantics.ToString().ToLowerInvariant());
        return new SweepManifest(SweepGrid.Hash(grid.Describe() + "|" + problemInfo.Sha256), BuildInfo.TorchFitVersion, BuildInfo.TorchSharpVersion, device,
            engine.ToString().ToLowerInvariant(), problemInfo, document, grid.Seeds, gridCount, shard?.ToString(), count, limit,
            DateTimeOffset.Now, null, null);
    }

    private static string Describe(List<SweepConfiguration> run)
    {
        var c = run[0];
        string rates = run.Count == 1 ? $"lr {Text.R(c.LearningRate)}" : $"{run.Count} configurations, lr {Text.R(run.Min(r => r.LearningRate))}–{Text.R(run.Max(r => r.LearningRate))}";
        string optimizer = c.Optimizer == OptimizerKind.Sgd && c.Momentum == 0 ? "" : $"{OptimizerText.Title(c.Optimizer)}{(c.Momentum > 0 ? $" μ {Text.R(c.Momentum)}" : "")}, ";
        return $"{optimizer}batch {c.BatchSize}, {rates}, {c.Precision.ToName()}, seed {c.Seed}";
    }

    /// <summary>A synchronous IProgress (System.Progress posts to a thread pool, out of order).</summary>
    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
