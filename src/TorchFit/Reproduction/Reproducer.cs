using System.Diagnostics;
using TorchFit.Baselines;
using TorchFit.Devices;
using TorchFit.Diagnostics;
using TorchFit.Prescriptions;
using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Reproduction;

/// <summary>Runs the question's cases on seeded problems.</summary>
public static class Reproducer
{
    /// <summary>
    /// The question's whole experiment in one call: the cases of <see cref="QuestionCases.Create"/>
    /// with <paramref name="epochs"/>, why full-batch SGD stalls on the 200×300 problem (from its
    /// spectrum, <see cref="Diagnoser"/>), and the fix (<see cref="Solver"/>'s prescription, measured
    /// on the same problem). <paramref name="engine"/> trains both (null: the defaults of
    /// <see cref="EngineDefaults"/>). Cancellation keeps the finished cases and skips the fix.
    /// </summary>
    public static ReproductionReport Reproduce(
        int epochs = 10_000,
        uint seed = 0,
        string device = "auto",
        TrainingEngine? engine = null,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var cases = QuestionCases.Create(epochs);
        var report = Run(cases, seed, device, progress, engine, cancellationToken);
        var problem = ProblemGenerator.Uniform(200, 300, seed);
        var why = Diagnoser.Diagnose(problem,
            new TrainingOptions { LearningRate = QuestionCases.LearningRate, BatchSize = 200, Epochs = epochs, Seed = seed }).Explanation;
        bool casesDone = report.Cases.Count == cases.Count;
        var fix = casesDone
            ? Solver.Solve(problem, new SolveOptions { ComparisonEpochs = 0, LbfgsEpochs = 0, Seed = seed, Device = device, Engine = engine },
                null, cancellationToken).Rows[0]
            : null;
        return report with { Why = why, Fix = fix, Complete = casesDone && !cancellationToken.IsCancellationRequested };
    }

    /// <summary>
    /// Runs every case on problems drawn from <paramref name="seed"/> (NumPy-compatible), with
    /// Keras' defaults otherwise (glorot init, float32, shuffling). SGD cases that differ only in
    /// epochs share one run. Cancellation stops the current run; finished cases are kept.
    /// <paramref name="engine"/> picks the SGD engine (null: <see cref="EngineDefaults.Reproduce"/>, fused).
    /// </summary>
    public static ReproductionReport Run(
        IReadOnlyList<ReproductionCase> cases,
        uint seed = 0,
        string device = "auto",
        IProgress<RunProgress>? progress = null,
        TrainingEngine? engine = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var sgdEngine = engine ?? EngineDefaults.Reproduce;
        string deviceName = EngineResolver.DescribeDevice(sgdEngine, device);
        var clock = Stopwatch.StartNew();
        var problems = new Dictionary<(int, int), LinearProblem>();
        LinearProblem ProblemFor(ReproductionCase c) =>
            problems.TryGetValue((c.Rows, c.Columns), out var p) ? p
                : problems[(c.Rows, c.Columns)] = ProblemGenerator.Uniform(c.Rows, c.Columns, seed);

        var runs = new Dictionary<(int, int, int, double, double), TrainingResult>();
        var results = new List<CaseResult>();
        foreach (var c in cases)
        {
            if (cancellationToken.IsCancellationRequested) break;
            var problem = ProblemFor(c);
            if (c.Method == CaseMethod.LeastSquares)
            {
                var solved = LeastSquares.Solve(problem, device);
                results.Add(new CaseResult(c, solved.Mse, solved.SolutionNorm, solved.Seconds, "float64", [], []));
                continue;
            }
            if (!runs.TryGetValue(c.RunKey, out var run))
            {
                var longest = cases.Where(o => o.Method == CaseMethod.Sgd && o.RunKey == c.RunKey).MaxBy(o => o.Epochs)!;
                var options = new TrainingOptions
                {
                    LearningRate = c.LearningRate, Momentum = c.Momentum, BatchSize = c.BatchSize,
                    Epochs = longest.Epochs, Seed = seed, Device = device, Engine = sgdEngine,
                };
                run = runs[c.RunKey] = Trainer.Train(problem, options, NamedProgress.For(longest.Name, progress), cancellationToken);
            }
            if (run.EpochsCompleted < c.Epochs) break;   // cancelled (or diverged) before this case's epochs
            double? norm = c.Epochs == run.EpochsCompleted ? Norm(run.Weights) : null;
            results.Add(new CaseResult(c, run.FullMse[c.Epochs - 1], norm, run.EpochEndSeconds[c.Epochs - 1],
                run.Options.Precision.ToName(), run.FullMse[..c.Epochs], run.HistoryLoss[..c.Epochs]));
        }
        string torchSharp = BuildInfo.TorchSharpVersion;
        return new ReproductionReport(results, deviceName, seed, torchSharp, clock.Elapsed.TotalSeconds);
    }

    private static double Norm(double[] x) => Math.Sqrt(x.Sum(v => v * v));
}
