using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.Intrinsics;
using TorchFit.Numerics;
using TorchFit.Problems;
using TorchFit.Training.Batched;
using TorchFit.Training.Rules;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Engines;

/// <summary>
/// The fused engine for K configurations at once: their weights are the columns of one d×K matrix, so every
/// step makes one pass over the batch for all K. Configurations that share a <see cref="BatchGroupKey"/> train
/// together; each column follows the same maths as a solo fused run, up to float rounding (the sums run in
/// another order). On the CPU it runs managed SIMD kernels, splitting a group's columns over threads
/// (<see cref="ColumnParts"/>; the results do not depend on the thread count); on CUDA, the same steps in
/// torch ops (<see cref="TensorColumnTrainer"/>).
/// </summary>
internal sealed class BatchedEngine(int? threads) : ITrainingEngine
{
    public TrainingEngine Kind => TrainingEngine.Batched;

    public IReadOnlyList<IReadOnlyList<int>> Groups(IReadOnlyList<TrainingOptions> configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        return [.. Enumerable.Range(0, configurations.Count).GroupBy(k => BatchGroupKey.Of(configurations[k])).Select(g => (IReadOnlyList<int>)[.. g])];
    }

    public IReadOnlyList<TrainingResult> Train(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(configurations);
        foreach (var options in configurations) options.Validate();
        if (threads is < 1) throw InvalidInputException.ForOption("Threads", $"must be ≥ 1, got {threads}");
        var results = new TrainingResult[configurations.Count];
        foreach (var group in Groups(configurations))
        {
            var members = group.Select(k => configurations[k]).ToList();
            var trained = TrainGroup(problem, members, progress, cancellationToken);
            for (int i = 0; i < group.Count; i++) results[group[i]] = trained[i];
        }
        return results;
    }

    private TrainingResult[] TrainGroup(LinearProblem problem, List<TrainingOptions> group, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var device = EngineResolver.ResolveDevice(TrainingEngine.Batched, group[0].Device);
        if (device.type != DeviceType.CPU) return TensorColumnTrainer.Train(problem, group, device, progress, cancellationToken);
        problem = ModelParameters.Problem(problem, group[0]);   // [A 1] when the group fits a bias
        var parts = ColumnParts.Split(group.Count, threads ?? ColumnParts.DefaultThreads(group.Count));
        if (parts.Count == 1) return Dispatch(problem, group, progress, cancellationToken);
        var combined = progress is null ? null : new CombinedProgress(progress, parts.Count);
        var results = new TrainingResult[parts.Count][];
        var workers = parts.Select((part, p) => Task.Factory.StartNew(
            () => results[p] = Dispatch(problem, [.. group.Skip(part.Start).Take(part.Count)], combined?.For(p), cancellationToken),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
        return [.. results.SelectMany(r => r)];
    }

    private static TrainingResult[] Dispatch(LinearProblem problem, List<TrainingOptions> group, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) =>
        group[0].Precision == Precision.Float64
            ? Dispatch<double>(problem, group, progress, cancellationToken)
            : Dispatch<float>(problem, group, progress, cancellationToken);

    /// <summary>Picks the vector width for this many columns (see <see cref="LaneWidth"/>).</summary>
    private static TrainingResult[] Dispatch<T>(LinearProblem problem, List<TrainingOptions> group, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T> => LaneWidth.Bytes(group.Count, Unsafe.SizeOf<T>()) switch
        {
            16 => Run<T, Vector128<T>, Lanes128<T>>(problem, group, progress, cancellationToken),
            32 => Run<T, Vector256<T>, Lanes256<T>>(problem, group, progress, cancellationToken),
            _ => Run<T, Vector512<T>, Lanes512<T>>(problem, group, progress, cancellationToken),
        };

    private static TrainingResult[] Run<T, TV, L>(LinearProblem problem, List<TrainingOptions> group, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where L : struct, ILanes<T, TV> =>
        UpdateRules.With<T, TrainingResult[], Epochs<T, TV, L>>(group, ColumnMatrix<T>.WidthFor(group.Count, L.Count), broadcast: false,
            new Epochs<T, TV, L>(problem, group, progress, cancellationToken));

    /// <summary>The epochs of one group, compiled for its vector width and rule.</summary>
    private readonly struct Epochs<T, TV, L>(LinearProblem problem, List<TrainingOptions> group, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        : IRuleConsumer<T, TrainingResult[]>
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where L : struct, ILanes<T, TV>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public TrainingResult[] Run<TRule>(TRule rule) where TRule : struct, IUpdateRule<T>
        {
            var first = group[0];
            int n = problem.Rows, d = problem.Columns;
            var weights = new ColumnMatrix<T>(d, group.Count, L.Count);
            var rows = new EpochRows<T>(problem.Matrix, problem.Target, d);
            using var generator = new Generator(first.Seed, CPU);
            var initialWeights = InitialWeights.For(first, d, generator);
            weights.FillColumns(initialWeights);

            int kp = weights.Width;
            var plan = new BatchPlan(n, first.BatchSize);
            var state = RuleStateBuffers<T>.For(rule, d, kp);
            var residuals = new AlignedBuffer<T>(plan.BatchSize * kp).Span;
            var batchRows = new T[plan.BatchSize * d];
            var batchTargets = new T[plan.BatchSize];
            var history = new AlignedBuffer<double>(kp).Span;
            var evaluator = new ColumnMse(problem, kp);
            var logs = new ColumnLogs(group, problem.MeanSquaredError(initialWeights), progress);
            long step = 0;

            for (int epoch = 1; epoch <= first.Epochs && logs.AnyActive; epoch++)
            {
                if (logs.Cancelled(cancellationToken)) break;
                if (first.Shuffle) rows.Shuffle(generator);
                history.Clear();
                foreach (var (start, length) in plan.Batches)
                {
                    rows.Gather(start, length, batchRows, batchTargets);
                    var batch = batchRows.AsSpan(0, length * d);
                    ColumnKernels<T, TV, L>.Residuals(batch, batchTargets.AsSpan(0, length), length, weights.Values, residuals, kp);
                    for (int i = 0; i < length; i++)
                        Widening.AddSquares<T>(residuals.Slice(i * kp, kp), history);
                    rule.BeginStep(++step);
                    ColumnKernels<T, TV, L>.GradientStep(batch, length, residuals[..(length * kp)], T.CreateChecked(2.0 / length), rule,
                        new RuleBuffers<T>(weights.Values, state, rule.Parameters), kp);
                }
                logs.Record(epoch, history, n, evaluator.Evaluate(weights), weights.Column);
            }
            return logs.Finish("cpu", initialWeights, weights.Column);
        }
    }
}
