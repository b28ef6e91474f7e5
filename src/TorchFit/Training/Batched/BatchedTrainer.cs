using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.Intrinsics;
using TorchFit.Devices;
using TorchFit.Numerics;
using TorchFit.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Batched;

/// <summary>
/// The fused engine for K configurations at once: their weights are the columns of one d×K matrix,
/// so every step makes one pass over the batch for all K. Configurations may differ in learning rate,
/// momentum, Nesterov, target and divergence bound; they must share what decides the batches and the
/// start (<see cref="GroupKey"/>). Each column follows the same maths as a solo <see cref="FusedTrainer"/>
/// run with the same options, up to float rounding (the sums run in a different order). On the CPU
/// it runs managed SIMD kernels; on CUDA, the same steps in torch ops (<see cref="TensorColumnTrainer"/>).
/// </summary>
public static class BatchedTrainer
{
    /// <summary>
    /// What configurations must share to train together: batch size, seed (initial weights and
    /// shuffles), dtype, initialiser, shuffling and epochs. Configurations with equal keys can be batched.
    /// </summary>
    public static BatchGroupKey GroupKey(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.BatchSize, options.Seed, options.Precision, options.Init, options.Shuffle, options.Epochs);
    }

    /// <summary>
    /// Trains every configuration and returns one result per configuration, in order. Columns stop
    /// on their own (divergence, target); the run ends when all have stopped or the epochs are done.
    /// On the CPU the columns are split over <paramref name="threads"/> threads (default
    /// <see cref="ColumnParts.DefaultThreads"/>: one per core while each keeps ≥ 16 columns); the
    /// results do not depend on the thread count.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// No configurations, configurations with different <see cref="GroupKey"/>s or devices, initial weights given,
    /// or an invalid option.
    /// </exception>
    public static IReadOnlyList<TrainingResult> Train(
        LinearProblem problem,
        IReadOnlyList<TrainingOptions> configurations,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default,
        int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(configurations);
        if (configurations.Count == 0) throw new InvalidInputException("a batched run needs at least one configuration");
        var key = GroupKey(configurations[0]);
        foreach (var options in configurations)
        {
            options.Validate();
            if (GroupKey(options) != key)
                throw new InvalidInputException($"configurations trained together must share batch size, seed, dtype, init, shuffle and epochs: {GroupKey(options)} differs from {key}");
            if (!options.Device.Trim().Equals(configurations[0].Device.Trim(), StringComparison.OrdinalIgnoreCase))
                throw new InvalidInputException($"configurations trained together must share a device: '{options.Device}' differs from '{configurations[0].Device}'");
            if (options.InitialWeights is not null)
                throw new InvalidInputException("a batched run draws its initial weights; InitialWeights is not supported");
        }
        // "auto" means the CPU (the managed kernels); an explicit CUDA device runs the same steps in torch ops.
        string name = configurations[0].Device.Trim();
        var device = name.Equals("auto", StringComparison.OrdinalIgnoreCase) ? CPU : ComputeDevice.Resolve(name);
        if (device.type != DeviceType.CPU)
            return TensorColumnTrainer.Train(problem, configurations, device, progress, cancellationToken);
        var parts = ColumnParts.Split(configurations.Count, threads ?? ColumnParts.DefaultThreads(configurations.Count));
        if (parts.Count == 1) return Dispatch(problem, configurations, progress, cancellationToken);
        var combined = progress is null ? null : new CombinedProgress(progress, parts.Count);
        var results = new TrainingResult[parts.Count][];
        var workers = parts.Select((part, p) => Task.Factory.StartNew(
            () => results[p] = Dispatch(problem, [.. configurations.Skip(part.Start).Take(part.Count)], combined?.For(p), cancellationToken),
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

    private static TrainingResult[] Dispatch(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) =>
        configurations[0].Precision == Precision.Float64
            ? Dispatch<double>(problem, configurations, progress, cancellationToken)
            : Dispatch<float>(problem, configurations, progress, cancellationToken);

    /// <summary>Picks the vector width for this many columns (see <see cref="LaneWidth"/>).</summary>
    private static TrainingResult[] Dispatch<T>(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T> => LaneWidth.Bytes(configurations.Count, Unsafe.SizeOf<T>()) switch
        {
            16 => Run<T, Vector128<T>, Lanes128<T>>(problem, configurations, progress, cancellationToken),
            32 => Run<T, Vector256<T>, Lanes256<T>>(problem, configurations, progress, cancellationToken),
            _ => Run<T, Vector512<T>, Lanes512<T>>(problem, configurations, progress, cancellationToken),
        };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TrainingResult[] Run<T, TV, L>(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where L : struct, ILanes<T, TV>
    {
        var first = configurations[0];
        int n = problem.Rows, d = problem.Columns, count = configurations.Count, epochs = first.Epochs;
        var weights = new ColumnMatrix<T>(d, count, L.Count);
        var rows = new EpochRows<T>(problem.Matrix, problem.Target, d);
        var generator = new Generator(first.Seed, CPU);
        double[] initialWeights;
        using (NewDisposeScope()) initialWeights = KernelInitializer.Draw(first.Init, d, generator).data<double>().ToArray();
        weights.FillColumns(initialWeights);

        int kp = weights.Width, batchSize = Math.Min(first.BatchSize, n);
        var rates = new ColumnRates<T>(configurations, kp);
        var buffer = new AlignedBuffer<T>(rates.UsesMomentum ? d * kp : 0).Span;
        var residuals = new AlignedBuffer<T>(batchSize * kp).Span;
        var batchRows = new T[batchSize * d];
        var batchTargets = new T[batchSize];
        var history = new AlignedBuffer<double>(kp).Span;
        var evaluator = new ColumnMse(problem, kp);
        double initialMse = problem.MeanSquaredError(initialWeights);
        var logs = new ColumnLogs(configurations, initialMse, progress);
        var batches = BatchPlan.For(n, batchSize);

        for (int epoch = 1; epoch <= epochs && logs.AnyActive; epoch++)
        {
            if (logs.Cancelled(cancellationToken)) break;
            if (first.Shuffle) rows.Shuffle(generator);
            history.Clear();
            foreach (var (start, length) in batches)
            {
                rows.Gather(start, length, batchRows, batchTargets);
                var batch = batchRows.AsSpan(0, length * d);
                ColumnKernels<T, TV, L>.Residuals(batch, batchTargets.AsSpan(0, length), length, weights.Values, residuals, kp);
                for (int i = 0; i < length; i++)
                    Widening.AddSquares<T>(residuals.Slice(i * kp, kp), history);
                ColumnKernels<T, TV, L>.GradientStep(batch, length, residuals[..(length * kp)], T.CreateChecked(2.0 / length), weights.Values, buffer, rates);
            }
            logs.Record(epoch, history, n, evaluator.Evaluate(weights), weights.Column, rates.Freeze);
        }
        return logs.Finish("cpu", initialWeights, weights.Column);
    }
}
