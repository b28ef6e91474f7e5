using TorchFit.Devices;
using TorchFit.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Batched;

/// <summary>
/// The fused and batched engines in torch ops, for devices other than the CPU (CUDA), where the
/// managed SIMD kernels cannot run: W is d×K on the device, each step is R = A_B·W − b_B and
/// G = (2/B)·A_Bᵀ·R (two matmuls) and torch.optim.SGD's update with per-column learning rates and
/// momenta, in place. Batches are views of the epoch's permuted copy. The initial weights and
/// permutations come from the same CPU generator calls as every other engine, and the per-epoch
/// MSE is the same float64 computation (<see cref="ColumnMse"/>) on a host copy of W.
/// </summary>
internal static class TensorColumnTrainer
{
    /// <summary>
    /// Trains <paramref name="configurations"/> (sharing <see cref="BatchedTrainer.GroupKey"/>; a single one may
    /// carry <see cref="TrainingOptions.InitialWeights"/>) on <paramref name="device"/>.
    /// </summary>
    public static TrainingResult[] Train(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, Device device,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var first = configurations[0];
        int n = problem.Rows, d = problem.Columns, count = configurations.Count, epochs = first.Epochs;
        var dtype = first.Precision.ToScalarType();
        var batches = BatchPlan.For(n, Math.Min(first.BatchSize, n));
        var generator = new Generator(first.Seed, CPU);
        var rates = new ColumnRates<double>(configurations, count);

        using var scope = NewDisposeScope();
        var matrix = ProblemTensors.Matrix(problem, device).to(dtype);
        var target = ProblemTensors.Target(problem, device).to(dtype);
        double[] initialWeights = first.InitialWeights is { } given ? Checked(given, d)
            : KernelInitializer.Draw(first.Init, d, generator).data<double>().ToArray();
        var weights = tensor(initialWeights, new long[] { d, 1 }, ScalarType.Float64).repeat(1, count).to(dtype).to(device).contiguous();
        var buffer = zeros_like(weights);
        var learningRates = Row(rates.LearningRates, dtype, device);
        var momenta = Row(rates.Momenta, dtype, device);
        var gradientWeights = Row(rates.GradientWeights, dtype, device);
        var bufferWeights = Row(rates.BufferWeights, dtype, device);

        var host = new ColumnMatrix<double>(d, count, 8);
        var evaluator = new ColumnMse(problem, host.Width);
        double initialMse = problem.MeanSquaredError(initialWeights);
        var logs = new ColumnLogs(configurations, initialMse, progress);

        for (int epoch = 1; epoch <= epochs && logs.AnyActive; epoch++)
        {
            if (logs.Cancelled(cancellationToken)) break;
            double[] history;
            using (NewDisposeScope())
            {
                var order = first.Shuffle ? randperm(n, generator: generator).to(device) : arange(n, device: device);
                var epochMatrix = matrix.index_select(0, order);
                var epochTarget = target.index_select(0, order);
                var squares = zeros(count, ScalarType.Float64, device);
                foreach (var (start, length) in batches)
                {
                    using var step = NewDisposeScope();
                    var rows = epochMatrix.narrow(0, start, length);
                    var residuals = rows.mm(weights).sub_(epochTarget.narrow(0, start, length));
                    squares.add_(residuals.square().sum(0L, keepdim: false).to(ScalarType.Float64));   // 0L: a plain 0 would bind to sum(ScalarType?)
                    var gradient = rows.t().mm(residuals).mul_(2.0 / length);
                    if (rates.UsesMomentum)
                    {
                        buffer.mul_(momenta).add_(gradient);
                        weights.sub_(gradient.mul_(gradientWeights).add_(buffer.mul(bufferWeights)).mul_(learningRates));
                    }
                    else weights.sub_(gradient.mul_(learningRates));
                }
                history = squares.cpu().data<double>().ToArray();
                var values = weights.to(ScalarType.Float64).cpu().data<double>().ToArray();
                for (int j = 0; j < d; j++) values.AsSpan(j * count, count).CopyTo(host.Values.Slice(j * host.Width, count));
            }
            bool froze = false;
            logs.Record(epoch, history, n, evaluator.Evaluate(host), host.Column, k => { rates.Freeze(k); froze = true; });
            if (froze) learningRates.copy_(Row(rates.LearningRates, dtype, device));
        }
        return logs.Finish(ComputeDevice.Describe(device), initialWeights, host.Column);
    }

    /// <summary>A 1×K row on the device, broadcast over the d rows of W.</summary>
    private static Tensor Row(ReadOnlySpan<double> values, ScalarType dtype, Device device) =>
        tensor(values.ToArray(), new long[] { 1, values.Length }, ScalarType.Float64).to(dtype).to(device);

    private static double[] Checked(IReadOnlyList<double> given, int d) => given.Count == d ? [.. given]
        : throw new InvalidInputException($"initial weights: expected {d} values (one per column of A), got {given.Count}");
}
