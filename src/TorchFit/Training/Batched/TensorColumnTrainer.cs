using System.Numerics;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Training.Rules;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Batched;

/// <summary>
/// The fused and batched engines in torch ops, for devices other than the CPU (CUDA), where the managed
/// SIMD kernels cannot run: W is d×K on the device, each step is R = A_B·W − b_B and G = (2/B)·A_Bᵀ·R (two
/// matmuls), then the same update rule as on the CPU applied to whole tensors (<see cref="TensorRule"/>),
/// with each configuration's scalars as a 1×K row. Batches are views of the epoch's permuted copy. The
/// initial weights and permutations come from the same CPU generator calls as every other engine, and the
/// per-epoch MSE is the same float64 computation (<see cref="ColumnMse"/>) on a host copy of W.
/// </summary>
internal static class TensorColumnTrainer
{
    /// <summary>Trains <paramref name="configurations"/> (one <see cref="BatchGroupKey"/>) on <paramref name="device"/>.</summary>
    public static TrainingResult[] Train(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, Device device,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var fitted = ModelParameters.Problem(problem, configurations[0]);   // [A 1] with a bias
        // The rule's scalars in the training dtype, as the CPU kernels and Keras compute them (Adam's α in float32 for float32).
        return configurations[0].Precision == Precision.Float64
            ? UpdateRules.With<double, TrainingResult[], Epochs<double>>(configurations, configurations.Count, broadcast: false,
                new Epochs<double>(fitted, configurations, device, progress, cancellationToken))
            : UpdateRules.With<float, TrainingResult[], Epochs<float>>(configurations, configurations.Count, broadcast: false,
                new Epochs<float>(fitted, configurations, device, progress, cancellationToken));
    }

    /// <summary>The epochs of one group in torch ops, for its rule (its scalars computed in <typeparamref name="T"/>, the training dtype).</summary>
    private readonly struct Epochs<T>(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, Device device,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) : IRuleConsumer<T, TrainingResult[]>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public TrainingResult[] Run<TRule>(TRule rule) where TRule : struct, IUpdateRule<T>
        {
            var first = configurations[0];
            int n = problem.Rows, d = problem.Columns, count = configurations.Count;
            var dtype = first.Precision.ToScalarType();
            var plan = new BatchPlan(n, first.BatchSize);
            using var generator = new Generator(first.Seed, CPU);

            using var scope = NewDisposeScope();
            var matrix = ProblemTensors.Matrix(problem, device).to(dtype);
            var target = ProblemTensors.Target(problem, device).to(dtype);
            double[] initialWeights = InitialWeights.For(first, d, generator);
            var weights = tensor(initialWeights, new long[] { d, 1 }, ScalarType.Float64).repeat(1, count).to(dtype).to(device).contiguous();
            var state = TensorRule.State<T, TRule>(rule, weights, count);
            var scalars = TensorRule.Scalars(rule.Parameters, count, dtype, device);

            var host = new ColumnMatrix<double>(d, count, 8);
            var evaluator = new ColumnMse(problem, host.Width);
            var logs = new ColumnLogs(configurations, problem.MeanSquaredError(initialWeights), progress);
            long step = 0;

            for (int epoch = 1; epoch <= first.Epochs && logs.AnyActive; epoch++)
            {
                if (logs.Cancelled(cancellationToken)) break;
                double[] history;
                using (NewDisposeScope())
                {
                    var order = first.Shuffle ? randperm(n, generator: generator).to(device) : arange(n, device: device);
                    var epochMatrix = matrix.index_select(0, order);
                    var epochTarget = target.index_select(0, order);
                    var squares = zeros(count, ScalarType.Float64, device);
                    foreach (var (start, length) in plan.Batches)
                    {
                        using var stepScope = NewDisposeScope();
                        var rows = epochMatrix.narrow(0, start, length);
                        var residuals = rows.mm(weights).sub_(epochTarget.narrow(0, start, length));
                        squares.add_(residuals.square().sum(0L, keepdim: false).to(ScalarType.Float64));   // 0L: a plain 0 would bind to sum(ScalarType?)
                        var gradient = rows.t().mm(residuals).mul_(2.0 / length);
                        if (rule.BeginStep(++step)) Refresh(scalars, TensorRule.Scalars(rule.Parameters, count, dtype, device));
                        TensorRule.Apply<T, TRule>(rule, weights, gradient, state, scalars);
                    }
                    history = squares.cpu().data<double>().ToArray();
                    var values = weights.to(ScalarType.Float64).cpu().data<double>().ToArray();
                    for (int j = 0; j < d; j++) values.AsSpan(j * count, count).CopyTo(host.Values.Slice(j * host.Width, count));
                }
                logs.Record(epoch, history, n, evaluator.Evaluate(host), host.Column);
            }
            return logs.Finish(ComputeDevice.Describe(device), initialWeights, host.Column);
        }
    }

    /// <summary>Copies per-step scalars into the rows the steps read.</summary>
    private static void Refresh(Tensor[] rows, Tensor[] fresh)
    {
        for (int i = 0; i < rows.Length; i++) rows[i].copy_(fresh[i]);
    }
}
