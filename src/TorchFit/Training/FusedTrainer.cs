using System.Numerics;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The same training as <see cref="KerasTrainer"/> without module, autograd or per-op dispatch:
/// the closed-form gradient g = (2/B)·A_Bᵀ(A_B·w − b_B) and SGD's update on managed memory with
/// SIMD. CPU only. It draws the initial weights and every epoch's permutation from the same
/// generator calls as <see cref="KerasTrainer"/>, so a seed gives the same batches.
/// </summary>
public static class FusedTrainer
{
    /// <summary>
    /// Runs the epochs of <paramref name="options"/> (see <see cref="KerasTrainer.Train"/>) on the CPU;
    /// device "auto" runs on the CPU, an explicit CUDA device is refused.
    /// </summary>
    public static TrainingResult Train(
        LinearProblem problem,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // "auto" means the CPU here; only an explicit CUDA request is refused.
        bool auto = options.Device.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);
        if (!auto && ComputeDevice.Resolve(options.Device).type != DeviceType.CPU)
            throw new InvalidInputException($"device '{options.Device}': the fused engine runs on the CPU only; use --engine keras on CUDA");
        return options.Precision == Precision.Float64
            ? Run<double>(problem, options, progress, cancellationToken)
            : Run<float>(problem, options, progress, cancellationToken);
    }

    private static TrainingResult Run<T>(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = problem.Rows, d = problem.Columns, epochs = options.Epochs;
        var rows = new EpochRows<T>(problem.Matrix, problem.Target, d);
        var generator = new Generator(options.Seed, CPU);
        double[] initialWeights;
        if (options.InitialWeights is { } given)
        {
            if (given.Count != d) throw new InvalidInputException($"initial weights: expected {d} values (one per column of A), got {given.Count}");
            initialWeights = [.. given];
        }
        else
        {
            using var scope = NewDisposeScope();
            initialWeights = KernelInitializer.Draw(options.Init, d, generator).data<double>().ToArray();
        }

        var weights = EpochRows<T>.Cast(initialWeights);
        var buffer = new T[d];        // PyTorch's momentum buffer (starts at 0, so the first step sets it to g)
        var gradient = new T[d];
        var widened = new double[d];
        T learningRate = T.CreateChecked(options.LearningRate), momentum = T.CreateChecked(options.Momentum);
        var batches = BatchPlan.For(n, Math.Min(options.BatchSize, n));

        var log = new EpochLog(options, problem.MeanSquaredError(initialWeights), progress);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            if (log.Cancelled(cancellationToken)) break;
            if (options.Shuffle) rows.Shuffle(generator);
            double weightedLossSum = 0;
            foreach (var (start, length) in batches)
            {
                Array.Clear(gradient);
                T scale = T.CreateChecked(2.0 / length);
                double batchLoss = 0;
                for (int i = start; i < start + length; i++)
                {
                    var row = rows.Matrix.AsSpan(i * d, d);
                    T residual = VectorMath.Dot<T>(row, weights) - rows.Target[i];
                    batchLoss += double.CreateChecked(residual * residual);
                    VectorMath.AddScaled<T>(gradient, scale * residual, row);   // g += (2/B)·rᵢ·aᵢ
                }
                weightedLossSum += batchLoss;   // (loss mean over the batch) × B
                Step(weights, gradient, buffer, learningRate, momentum, options.Momentum > 0, options.Nesterov);
            }
            for (int j = 0; j < d; j++) widened[j] = double.CreateChecked(weights[j]);
            if (!log.Record(weightedLossSum / n, problem.MeanSquaredError(widened))) break;
        }
        for (int j = 0; j < d; j++) widened[j] = double.CreateChecked(weights[j]);
        return log.Finish("cpu", initialWeights, widened);
    }

    /// <summary>
    /// torch.optim.SGD without dampening or weight decay: buf ← μ·buf + g; w ← w − η·(Nesterov ? g + μ·buf : buf).
    /// </summary>
    private static void Step<T>(Span<T> weights, Span<T> gradient, Span<T> buffer, T learningRate, T momentum, bool useMomentum, bool nesterov)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (useMomentum)
        {
            for (int j = 0; j < buffer.Length; j++) buffer[j] = momentum * buffer[j] + gradient[j];
            if (nesterov) VectorMath.AddScaled<T>(gradient, momentum, buffer);
            else buffer.CopyTo(gradient);
        }
        VectorMath.AddScaled<T>(weights, -learningRate, gradient);
    }
}
